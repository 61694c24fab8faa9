/**
 * Which run-nixos-vm a create-builder script runs.
 *
 * Late-2024 nixpkgs (nixos/modules/profiles/nix-builder-vm.nix) ends create-builder with
 * `KEYS="$(.../nix-store --add "$KEYS")" ${lib.getExe config.system.build.vm}`, i.e. a literal
 * `/nix/store/<hash>-nixos-vm/bin/run-nixos-vm`; the story's override finds it with
 * `grep -o` for store paths ending in /bin/run-nixos-vm. By mid-2025 create-builder calls
 * add-keys and run-builder instead, so the runner is one script further away: the
 * not-found result lists the other store scripts referenced so a caller can follow them.
 */

export type FindRunnerResult =
  | { readonly ok: true; readonly path: string; readonly storePath: string }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: 'RUNNER_NOT_FOUND' | 'RUNNER_AMBIGUOUS';
        readonly message: string;
        /** Every `/nix/store/<hash>-<name>/bin/<prog>` the script mentions (or the competing runners). */
        readonly candidates: readonly string[];
      };
    };

// Nix store hashes are 32 characters of nix-base32 (0-9, a-z without e, o, t, u).
const STORE_BIN = /\/nix\/store\/[0-9a-df-np-sv-z]{32}-[A-Za-z0-9+._?=-]+\/bin\/[A-Za-z0-9+._-]+/g;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Finds the `.../bin/run-<name>-vm` path a script runs (default name: nixos). */
export function findVmRunner(script: string, vmName = 'nixos'): FindRunnerResult {
  const all = unique(script.match(STORE_BIN) ?? []);
  const runners = all.filter((p) => p.endsWith(`/bin/run-${vmName}-vm`));
  if (runners.length === 1 && runners[0] !== undefined) {
    const path = runners[0];
    return { ok: true, path, storePath: path.slice(0, path.indexOf('/bin/')) };
  }
  if (runners.length > 1) {
    return {
      ok: false,
      error: { code: 'RUNNER_AMBIGUOUS', message: `the script mentions ${runners.length} run-${vmName}-vm paths`, candidates: runners },
    };
  }
  return {
    ok: false,
    error: {
      code: 'RUNNER_NOT_FOUND',
      message: `no /nix/store/<hash>-<name>/bin/run-${vmName}-vm in the script; it may run it through another script`,
      candidates: all,
    },
  };
}
