// Task results kept on disk, keyed by everything that can change them: the case folder, its
// input stand-ins, the condition and its expectations, the nix binary and version, the
// upstream cache and the harness's own source. An unchanged suite then re-runs without
// spawning nix. Opt-in (the CLI and the benchmark use it; `npm test` always runs nix).
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TaskResult } from '../result/index.ts';
import { hashDirectory } from './content-hash.ts';

const FORMAT = 'result-cache-v1';
let harnessHash: Promise<string> | undefined;

/** The harness's own source: a change to flakecase invalidates every cached result. */
export function harnessSourceHash(): Promise<string> {
  return (harnessHash ??= hashDirectory(fileURLToPath(new URL('..', import.meta.url))));
}

export async function taskKey(parts: {
  readonly caseDir: string;
  readonly inputDirs: readonly string[];
  readonly condition: unknown;
  readonly nix: string;
  readonly upstreamCache: string | undefined;
  readonly extra?: unknown;
}): Promise<string> {
  const h = createHash('sha256').update(FORMAT).update(await harnessSourceHash());
  h.update(`\0case:${await hashDirectory(parts.caseDir)}`);
  for (const d of [...parts.inputDirs].sort()) h.update(`\0input:${d}:${await hashDirectory(d)}`);
  h.update(`\0condition:${JSON.stringify(parts.condition)}\0nix:${parts.nix}\0cache:${parts.upstreamCache ?? ''}\0${JSON.stringify(parts.extra ?? null)}`);
  return h.digest('hex').slice(0, 40);
}

export interface ResultCache {
  get(key: string): Promise<TaskResult | undefined>;
  put(key: string, result: TaskResult): Promise<void>;
}

export function fileResultCache(dir: string): ResultCache {
  return {
    async get(key) {
      try {
        return JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8')) as TaskResult;
      } catch {
        return undefined;
      }
    },
    async put(key, result) {
      await mkdir(dir, { recursive: true });
      const tmp = join(dir, `.${key}.${process.pid}.tmp`);
      await writeFile(tmp, JSON.stringify(result));
      await rename(tmp, join(dir, `${key}.json`));
    },
  };
}
