// The fidelity switch: FLAKECASE_LINUX_BUILDER_MODULE names a file (e.g. upstream nix-darwin's
// modules/nix/linux-builder.nix, kept outside the repo) that replaces the nix-darwin stand-in's
// own module, unchanged. The stand-in is copied into the run's workspace first: the checkout is
// never written.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export const DROP_IN_ENV = 'FLAKECASE_LINUX_BUILDER_MODULE';
const MODULE_PATH = join('modules', 'nix', 'linux-builder.nix');

const copies = new Map<string, Promise<void>>();

export type DropInResult = { ok: true; overrides: Record<string, string> } | { ok: false; message: string };

/** Input overrides with the drop-in applied to every input that has the module. */
export async function applyDropIn(
  inputs: Readonly<Record<string, string>>,
  workRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DropInResult> {
  const overrides: Record<string, string> = {};
  const file = env[DROP_IN_ENV];
  for (const [name, dir] of Object.entries(inputs)) {
    if (!file || !existsSync(join(dir, MODULE_PATH))) {
      overrides[name] = `path:${dir}`;
      continue;
    }
    if (!existsSync(file)) return { ok: false, message: `${DROP_IN_ENV}=${file}: no such file. Point it at a copy of nix-darwin's modules/nix/linux-builder.nix, or unset it.` };
    const copy = join(workRoot, `drop-in-${name}`);
    // Cases are evaluated concurrently: the first one makes the copy, the others wait for it.
    let made = copies.get(copy);
    if (!made) {
      made = (async () => {
        await mkdir(copy, { recursive: true });
        await cp(dir, copy, { recursive: true });
        await copyFile(file, join(copy, MODULE_PATH));
      })();
      copies.set(copy, made);
    }
    await made;
    overrides[name] = `path:${copy}`;
  }
  return { ok: true, overrides };
}

/** What the drop-in contributes to a result-cache key: the file's content, not its name. */
export function dropInFingerprint(env: NodeJS.ProcessEnv = process.env): string | null {
  const file = env[DROP_IN_ENV];
  if (!file) return null;
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return `missing:${file}`;
  }
}
