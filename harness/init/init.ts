// `flakecase init [DIR]`: writes DIR/cases/ with the starter. It never overwrites: a file that
// exists is left alone and named; the missing ones are still written, and the exit code says
// whether anything was left alone (2), so a script notices a half-written starter.
import { constants } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { CliError } from '../cli/errors.ts';
import type { CliIO } from '../cli/io.ts';
import { starterFiles } from './starter-files.ts';

export interface InitOutcome {
  readonly written: readonly string[];
  readonly refused: readonly string[];
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

export async function writeStarter(repoDir: string): Promise<InitOutcome> {
  const casesDir = join(repoDir, 'cases');
  const written: string[] = [];
  const refused: string[] = [];
  for (const f of await starterFiles()) {
    const to = join(casesDir, f.to);
    if (await exists(to)) {
      refused.push(to);
      continue;
    }
    await mkdir(dirname(to), { recursive: true });
    // COPYFILE_EXCL: even a file created since the check above is not overwritten.
    await copyFile(f.from, to, constants.COPYFILE_EXCL);
    written.push(to);
  }
  return { written, refused };
}

export async function runInit(dir: string, io: CliIO): Promise<number> {
  const repo = resolve(io.cwd, dir);
  if (!(await exists(repo))) throw new CliError('E_USAGE', `no such folder: ${repo}`, 'Run flakecase init inside your nixfiles checkout, or pass its path.');
  const { written, refused } = await writeStarter(repo);
  const rel = (p: string) => relative(io.cwd, p) || p;
  for (const p of refused) io.stderr.write(`flakecase init: ${rel(p)} exists; left it unchanged\n`);
  io.stdout.write(`flakecase init: wrote ${written.length} file(s) under ${rel(join(repo, 'cases'))}\n`);
  if (!(await exists(join(repo, 'flake.nix')))) {
    io.stderr.write(`flakecase init: warning: ${rel(repo)} has no flake.nix; the starter cases import its darwinModules.default as the nixfiles input\n`);
  }
  if (written.length > 0) io.stdout.write(`next: flakecase --cases ${rel(join(repo, 'cases'))} --flake-input nixfiles=${rel(repo)}\n`);
  if (refused.length > 0) {
    throw new CliError('E_INIT_EXISTS', `${refused.length} file(s) already existed and were not overwritten`, 'Move or delete them to take the starter version; the other files were written.');
  }
  return 0;
}
