// Where flakecase keeps what outlives a run (the seeded upstream cache, fetched toolchains):
// node_modules/.cache/flakecase like other tools, else the XDG cache. Never the case folders.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function flakecaseCacheDir(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  if (env.FLAKECASE_CACHE_DIR) return env.FLAKECASE_CACHE_DIR;
  if (existsSync(join(cwd, 'node_modules'))) return join(cwd, 'node_modules', '.cache', 'flakecase');
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'flakecase');
}
