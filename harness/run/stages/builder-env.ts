// The environment create-builder runs with, once for both extractions: the dynamic run gets
// it as its process environment, the static extraction as ShellEnv.vars, so the two see the
// same values. Pure.
//
// - TMPDIR and USE_TMPDIR=1: what nix-darwin's launchd daemon exports before running
//   create-builder (nix-darwin modules/nix/linux-builder.nix, `export TMPDIR=${runDir}
//   USE_TMPDIR=1`), so run-nixos-vm keeps TMPDIR instead of making a mktemp directory;
// - the condition's env (QEMU_OPTS, as a daemon or wrapper sets it);
// - every other variable the qemu command line reads from the environment (QEMU_NET_OPTS,
//   SHARED_DIR, NIXPKGS_QEMU_KERNEL_<name>, ... in upstream's startVM) is pinned to '' on
//   both sides: the harness's own environment must not leak into the builder's line;
// - variables the scripts assign themselves (KEYS from `nix-store --add`, NIX_DISK_IMAGE from
//   readlink) stay unknown statically: wildcards, checked against the recording.
import { extractQemuCommand, type ExtractResult } from '../../qemu/index.ts';

export interface BuilderEnv {
  /** Values both sides share: what the builder starts with plus the pinned ones. */
  readonly vars: Readonly<Record<string, string>>;
  /** The process environment of the dynamic run: `vars`, plus '' for each script-assigned
   * name, since the scripts read them as `${KEYS:-./keys}` (empty = unset there) and the
   * harness's own environment must not choose them. */
  readonly processEnv: Readonly<Record<string, string>>;
  /** Names pinned to '' because only the environment could set them. */
  readonly pinned: readonly string[];
  /** Names the scripts assign themselves, left to the recording. */
  readonly scriptAssigned: readonly string[];
}

const ASSIGNMENT = /(?:^|[\s;(&|])(?:export\s+|local\s+|readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)=/gm;
const VAR_REF = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/;

/** Names a script assigns anywhere (`X=`, `export X=`, `local X=`, `X=... cmd`). */
export function assignedNames(...scripts: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const script of scripts) for (const m of script.matchAll(ASSIGNMENT)) if (m[1]) names.add(m[1]);
  return names;
}

export function builderEnv(runnerScript: string, createBuilderScript: string, given: Readonly<Record<string, string>>): BuilderEnv {
  const assigned = assignedNames(runnerScript, createBuilderScript);
  const vars: Record<string, string> = { ...given };
  const pinned: string[] = [];
  const left = new Set<string>();
  // Each round resolves the variables found so far; `${A:-$B}` reveals B only once A is known.
  for (let round = 0; round < 8; round++) {
    const r = extractQemuCommand(runnerScript, { vars, args: [] });
    if (!r.ok) break;
    let added = false;
    for (const u of r.value.unresolved) {
      if (u.reason !== 'unknown-variable') continue;
      const name = VAR_REF.exec(u.ref)?.[1];
      if (name === undefined || name in vars) continue;
      if (assigned.has(name)) {
        left.add(name);
        continue;
      }
      vars[name] = '';
      pinned.push(name);
      added = true;
    }
    if (!added) break;
  }
  const blank = Object.fromEntries([...left].filter((n) => !(n in given)).map((n) => [n, '']));
  return { vars, processEnv: { ...blank, ...vars }, pinned, scriptAssigned: [...left] };
}

/** Static extraction with exactly the environment the dynamic run gets. */
export function extractWithEnv(runnerScript: string, env: BuilderEnv): ExtractResult {
  return extractQemuCommand(runnerScript, { vars: env.vars, args: [] });
}
