// Which releases the matrix runs: the machine's own Nix and QEMU (Debian 12: 2.8, 7.2) and those
// scripts/fetch-toolchains unpacked from trixie (2.26, 10.0) and sid (2.34, 11.1). Whatever of
// that set is not there is "missing", so a run can never shrink to fewer columns unnoticed.
import type { Toolchain } from '../toolchains/index.ts';
import type { MissingToolchain } from './verdict.ts';

/** `system` stands for the machine's own binaries, whatever its codename. */
export const MATRIX_SUITES = ['system', 'trixie', 'sid'] as const;

export interface NixTarget {
  readonly suite: string;
  readonly version: string;
  readonly path: string;
}

export interface QemuTarget {
  readonly suite: string;
  readonly qemu: string;
  readonly path: string;
}

export interface MatrixPlan {
  readonly nix: readonly NixTarget[];
  readonly qemu: readonly QemuTarget[];
  readonly missing: readonly MissingToolchain[];
}

const HOW_TO_GET: Record<'system' | 'fetched', Record<'nix' | 'qemu', string>> = {
  system: { nix: 'apt-get install nix-bin (bash scripts/setup)', qemu: 'apt-get install qemu-system-arm (bash scripts/setup)' },
  fetched: { nix: 'run scripts/fetch-toolchains', qemu: 'run scripts/fetch-toolchains' },
};

/** `fetchProblem`: why the fetched toolchains may be absent (archive unreachable, stale manifest). */
export function planMatrix(found: readonly Toolchain[], fetchProblem: string | null = null): MatrixPlan {
  const nix: NixTarget[] = [];
  const qemu: QemuTarget[] = [];
  const missing: MissingToolchain[] = [];
  for (const wanted of MATRIX_SUITES) {
    const origin = wanted === 'system' ? 'system' : 'fetched';
    const t = found.find((x) => (wanted === 'system' ? x.origin === 'system' : x.origin === 'fetched' && x.suite === wanted));
    const suite = t?.suite ?? wanted;
    for (const tool of ['nix', 'qemu'] as const) {
      const have = t?.[tool];
      if (have && tool === 'nix') nix.push({ suite, version: have.version, path: have.path });
      else if (have) qemu.push({ suite, qemu: have.version, path: have.path });
      else {
        const why = origin === 'fetched' && fetchProblem ? fetchProblem : `not found; ${HOW_TO_GET[origin][tool]}`;
        missing.push({ tool, suite, reason: why });
      }
    }
  }
  return { nix, qemu, missing };
}
