// Seeds the simulated upstream binary cache: builds what upstream publishes (the default
// linux-builder, built from default arguments, with its closure) once, signs it with a key
// generated for it, and keeps it under node_modules/.cache keyed by the stand-ins' content.
// Nothing customized ever goes in: conditions that trust this cache can fetch only defaults.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BinaryCache } from '../conditions/index.ts';
import type { CallContext, NixAdapter, NixError, Result } from '../nix/index.ts';
import type { UpstreamEntry } from '../spec/index.ts';
import { hashDirectory } from './content-hash.ts';
import { makeTempRoot, removeTree } from './temp-root.ts';

export const KEY_NAME = 'flakecase-upstream-1';
const FORMAT = 'upstream-cache-v1';

export interface SeededCache {
  readonly cache: BinaryCache;
  /** true when this call built and filled the cache; false when it reused one */
  readonly seededNow: boolean;
  readonly dir: string;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(() => true, () => false);
}

export async function cacheKey(entries: readonly UpstreamEntry[]): Promise<string> {
  const parts: string[] = [FORMAT];
  for (const e of entries) parts.push(`${e.attribute}@${await hashDirectory(e.flakeDir)}`);
  return (await import('node:crypto')).createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

async function readReady(dir: string): Promise<BinaryCache | undefined> {
  try {
    const publicKey = (await readFile(join(dir, 'key.pub'), 'utf8')).trim();
    if (!(await exists(join(dir, 'ready')))) return undefined;
    return { uri: `file://${join(dir, 'cache')}`, publicKey };
  } catch {
    return undefined;
  }
}

export async function seedUpstreamCache(
  nix: NixAdapter,
  entries: readonly UpstreamEntry[],
  cacheRoot: string,
  ctx: CallContext,
): Promise<Result<SeededCache, NixError>> {
  const key = await cacheKey(entries);
  const dir = join(cacheRoot, key);
  const ready = await readReady(dir);
  if (ready) return { ok: true, value: { cache: ready, seededNow: false, dir } };

  await mkdir(cacheRoot, { recursive: true });
  const work = await makeTempRoot('seed');
  try {
    const staging = join(work, 'out');
    await mkdir(join(staging, 'cache'), { recursive: true });
    const secret = await nix.run({}, ['key', 'generate-secret', '--key-name', KEY_NAME], ctx);
    if (!secret.ok) return secret;
    const pub = await nix.run({}, ['key', 'convert-secret-to-public'], { ...ctx, input: secret.value.stdout });
    if (!pub.ok) return pub;
    await writeFile(join(work, 'key.sec'), secret.value.stdout, { mode: 0o600 });
    await writeFile(join(staging, 'key.pub'), `${pub.value.stdout.trim()}\n`);

    // Upstream (Hydra) has Linux builders, so everything it publishes builds here.
    const settings = { store: join(work, 'store'), system: 'aarch64-darwin', extraPlatforms: ['aarch64-linux'] };
    const outPaths: string[] = [];
    for (const e of entries) {
      const b = await nix.run(settings, ['build', '--no-link', '--json', `path:${e.flakeDir}#${e.attribute}`], ctx);
      if (!b.ok) return b;
      for (const m of b.value.stdout.matchAll(/"(\/nix\/store\/[^"]+)"/g)) if (m[1] && !m[1].endsWith('.drv')) outPaths.push(m[1]);
    }
    if (outPaths.length > 0) {
      const to = `file://${join(staging, 'cache')}?compression=none&secret-key=${join(work, 'key.sec')}`;
      const c = await nix.copyTo(settings, to, outPaths, ctx);
      if (!c.ok) return c;
    }
    await writeFile(join(staging, 'ready'), `${new Date().toISOString()}\n`);
    // Publish atomically: a reader sees either no directory or a complete one.
    try {
      await rename(staging, dir);
    } catch {
      const other = await readReady(dir);
      if (other) return { ok: true, value: { cache: other, seededNow: false, dir } };
      throw new Error(`cannot publish the upstream cache into ${dir}`);
    }
    const cache = await readReady(dir);
    if (!cache) throw new Error(`upstream cache at ${dir} is incomplete right after seeding`);
    return { ok: true, value: { cache, seededNow: true, dir } };
  } finally {
    await removeTree(work);
  }
}
