// The thin I/O shell around validateCase: reads case.yaml, checks the files it names exist.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { SpecError, SpecWarning } from './errors.ts';
import { resolveCase } from './resolve.ts';
import type { ResolvedCase } from './resolved.ts';
import { validateCase } from './validate.ts';

export type LoadResult =
  | { readonly ok: true; readonly value: ResolvedCase; readonly warnings: readonly SpecWarning[]; readonly source: string }
  | { readonly ok: false; readonly errors: readonly SpecError[]; readonly warnings: readonly SpecWarning[]; readonly source: string | undefined };

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

export async function loadCase(caseDir: string, cwd: string = process.cwd()): Promise<LoadResult> {
  const dir = resolve(caseDir);
  const abs = join(dir, 'case.yaml');
  const file = relative(cwd, abs) || abs;
  let source: string;
  try {
    source = await readFile(abs, 'utf8');
  } catch (e) {
    const error: SpecError = {
      code: 'SPEC_UNREADABLE', file, path: '', range: undefined, linePos: undefined,
      message: `cannot read case.yaml: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      hint: 'Each case folder needs a case.yaml beside its flake.nix.',
    };
    return { ok: false, errors: [error], warnings: [], source: undefined };
  }
  const v = validateCase(source, file);
  if (!v.ok) return { ...v, source };
  const errors: SpecError[] = [];
  if (!(await isFile(join(dir, 'flake.nix')))) {
    errors.push({ code: 'SPEC_MISSING_FLAKE', file, path: '', range: undefined, linePos: { line: 1, col: 1 }, message: `no flake.nix in ${relative(cwd, dir) || dir}`, hint: 'A case is a folder with a flake.nix and a case.yaml.' });
  }
  for (const [name, rel] of Object.entries(v.value.inputs ?? {})) {
    if (!(await isFile(join(resolve(dir, rel), 'flake.nix')))) {
      const at = v.locate(['inputs', name]);
      errors.push({ code: 'SPEC_MISSING_INPUT', file, path: `inputs.${name}`, range: at.range, linePos: at.linePos, message: `input '${name}' points at ${rel}, which has no flake.nix`, hint: 'Give a directory (relative to case.yaml) that holds the flake to use for this input offline.' });
    }
  }
  if (errors.length > 0) return { ok: false, errors, warnings: v.warnings, source };
  return { ok: true, value: resolveCase(v.value, basename(dir), dir, file, v.locate), warnings: v.warnings, source };
}

/** Case folders: direct subfolders of `casesDir` with a case.yaml, sorted by name. */
export async function discoverCases(casesDir: string): Promise<string[]> {
  const entries = await readdir(casesDir, { withFileTypes: true });
  const dirs: string[] = [];
  for (const e of entries) {
    if (e.isDirectory() && (await isFile(join(casesDir, e.name, 'case.yaml')))) dirs.push(join(casesDir, e.name));
  }
  return dirs.sort();
}
