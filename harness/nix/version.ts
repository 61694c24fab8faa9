// What `nix --version` says, and what that version accepts. Nix, Lix and Determinate Nix
// all print "<name> (<flavor>) <version>" on the first line; we never assume one release.

export interface NixVersion {
  readonly flavor: 'nix' | 'lix' | 'determinate' | 'unknown';
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly text: string;
}

export interface NixCapabilities {
  /** `nix derivation show` (2.15+) or the older `nix show-derivation`. */
  readonly derivationShow: readonly string[];
  /** `--print-out-paths` on `nix build` (2.9+). */
  readonly printOutPaths: boolean;
  /** How to name "the outputs of this .drv" on the command line: `drv^*` (2.13+) or the bare path. */
  readonly drvOutputsSuffix: '' | '^*';
  /** `--eval-store` exists (2.12+). */
  readonly evalStore: boolean;
}

export function parseNixVersion(stdout: string): NixVersion | undefined {
  const line = stdout.split('\n').find((l) => l.trim() !== '') ?? '';
  const m = /^\S+\s+\(([^)]+)\)\s+(\d+)\.(\d+)(?:\.(\d+))?/.exec(line.trim());
  if (!m) return undefined;
  const name = (m[1] ?? '').toLowerCase();
  const flavor = name.includes('lix') ? 'lix' : name.includes('determinate') ? 'determinate' : name === 'nix' ? 'nix' : 'unknown';
  return { flavor, major: Number(m[2]), minor: Number(m[3]), patch: Number(m[4] ?? 0), text: line.trim() };
}

function atLeast(v: NixVersion, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

// Lix forked from Nix 2.18 and numbers itself 2.90+, so a plain version compare holds for it too.
export function capabilitiesOf(v: NixVersion): NixCapabilities {
  return {
    derivationShow: atLeast(v, 2, 15) ? ['derivation', 'show'] : ['show-derivation'],
    printOutPaths: atLeast(v, 2, 9),
    drvOutputsSuffix: atLeast(v, 2, 13) ? '^*' : '',
    evalStore: atLeast(v, 2, 12),
  };
}
