// Stage "evaluate", once per case: copy the case flake into a workspace (the user's checkout is
// never written, and git-untracked files are seen) and instantiate each target's derivation in
// a case-level eval store. Tasks then copy the .drv closures into their own stores, so nixpkgs
// is evaluated once per case rather than once per condition.
import { existsSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { makeNixError, type CallContext, type NixAdapter, type NixError } from '../nix/index.ts';
import type { ResolvedCase } from '../spec/index.ts';
import { applyDropIn } from './drop-in-module.ts';

export interface EvaluatedTarget {
  readonly name: string;
  readonly attribute: string;
  readonly drv: { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: NixError };
}

export interface EvaluatedCase {
  readonly flakeDir: string;
  readonly flakeRef: string;
  readonly evalStore: string;
  readonly overrides: Readonly<Record<string, string>>;
  readonly targets: readonly EvaluatedTarget[];
  readonly durationMs: number;
}

export function overridesFor(c: ResolvedCase): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [name, dir] of Object.entries(c.inputs)) o[name] = `path:${dir}`;
  return o;
}

export async function evaluateCase(
  nix: NixAdapter,
  c: ResolvedCase,
  workRoot: string,
  ctx: CallContext,
  inputOverrides: Readonly<Record<string, string>> = {},
): Promise<EvaluatedCase> {
  const started = performance.now();
  const base = join(workRoot, `eval-${c.name}`);
  const flakeDir = join(base, 'flake');
  const evalStore = join(base, 'store');
  await mkdir(base, { recursive: true });
  // The store must live outside the flake directory: nix copies the flake into the store.
  await cp(c.dir, flakeDir, { recursive: true, dereference: false, filter: (src) => !src.endsWith('/result') });
  const flakeRef = `path:${flakeDir}`;
  const dropIn = await applyDropIn(c.inputs, workRoot);
  const overrides = { ...(dropIn.ok ? dropIn.overrides : overridesFor(c)), ...inputOverrides };
  const targets: EvaluatedTarget[] = [];
  if (!dropIn.ok) {
    const error = makeNixError({ kind: 'unknown', summary: dropIn.message }, [], undefined, '');
    return { flakeDir, flakeRef, evalStore, overrides, targets: c.targets.map((t) => ({ name: t.name, attribute: t.attribute, drv: { ok: false, error } })), durationMs: 0 };
  }
  for (const t of c.targets) {
    const drv = await nix.evalDrvPath({ flakeRef, attribute: t.attribute, overrides }, { store: evalStore }, ctx);
    targets.push({ name: t.name, attribute: t.attribute, drv: drv.ok ? drv : { ok: false, error: pointAtCase(drv.error, c.dir) } });
  }
  return { flakeDir, flakeRef, evalStore, overrides, targets, durationMs: performance.now() - started };
}

// Nix names the copy it evaluated (/…/nix/store/<hash>-source/flake.nix:10:33). When that file
// is the case's own, point at the case's file instead, which is where the user edits.
export function pointAtCase(error: NixError, caseDir: string, cwd: string = process.cwd()): NixError {
  const f = error.failure;
  if (f.kind !== 'eval-error' || !f.position) return error;
  const m = /\/nix\/store\/[0-9a-z]{32}-source\/(.+)$/.exec(f.position.file);
  if (!m?.[1] || !existsSync(join(caseDir, m[1]))) return error;
  const file = relative(cwd, join(caseDir, m[1]));
  const mapped = makeNixError({ ...f, position: { ...f.position, file } }, error.argv, error.exitCode, error.stderrTail);
  return mapped;
}
