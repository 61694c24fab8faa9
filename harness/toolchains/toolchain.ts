// A toolchain is one Nix and/or one QEMU release the suite can run on: the machine's own
// (Debian 12: nix 2.8, qemu 7.2) or one unpacked from a newer Debian suite by
// scripts/fetch-toolchains (trixie, sid, bookworm-backports).

export type Result<T, E = ToolchainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export interface NixTool {
  /** Executable to run (for fetched suites: the wrapper under toolchains/<suite>/bin). */
  readonly path: string;
  /** "2.34.8", as the binary itself printed it. */
  readonly version: string;
}

export interface QemuTool {
  readonly path: string;
  /** "11.1.3", as the binary itself printed it. */
  readonly version: string;
  /**
   * Arguments the wrapper already puts before the caller's (`-L <prefix>/usr/share/qemu`).
   * Informational: for logs, or to run the unwrapped binary by hand. Do not pass them again.
   */
  readonly extraArgs: readonly string[];
}

export interface Toolchain {
  /** Debian suite it came from; the system one is named after the host's codename. */
  readonly suite: string;
  readonly origin: 'system' | 'fetched';
  readonly nix?: NixTool;
  readonly qemu?: QemuTool;
}

export type ToolchainErrorCode =
  | 'TOOLCHAIN_MANIFEST_UNREADABLE'
  | 'TOOLCHAIN_MANIFEST_INVALID'
  | 'TOOLCHAIN_MANIFEST_STALE';

export interface ToolchainError {
  readonly code: ToolchainErrorCode;
  readonly message: string;
  /** Every problem found, not only the first (e.g. each bad field of the manifest). */
  readonly problems: readonly string[];
  readonly hint: string;
}

export const FETCH_HINT = 'run scripts/fetch-toolchains (add --suite trixie|sid|all) to fetch or repair them';
