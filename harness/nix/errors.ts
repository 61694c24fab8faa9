// A failed nix call is a value: what went wrong (a stable kind and code), the exact command to
// paste and re-run, the tail of stderr and a hint. Nothing here throws.

export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type NixFailure =
  | { readonly kind: 'nix-missing'; readonly searched: string }
  | {
      readonly kind: 'eval-error';
      /** The first line after "error:", e.g. "cannot add a string to an integer". */
      readonly summary: string;
      readonly position: SourcePosition | undefined;
    }
  | {
      readonly kind: 'missing-builder';
      readonly drvPath: string;
      readonly requiredSystem: string;
      readonly requiredFeatures: readonly string[];
      readonly hostSystem: string;
      /** Which of Nix's two wordings we read: the 2.8-2.26 one-liner or the newer multi-line one. */
      readonly form: 'one-line' | 'multi-line';
    }
  | { readonly kind: 'build-failed'; readonly drvPath: string | undefined; readonly logTail: string }
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'unknown'; readonly summary: string };

export type NixFailureKind = NixFailure['kind'];

export const NIX_ERROR_CODES = {
  'nix-missing': 'NIX_MISSING',
  'eval-error': 'NIX_EVAL_ERROR',
  'missing-builder': 'NIX_SYSTEM_MISMATCH',
  'build-failed': 'NIX_BUILD_FAILED',
  timeout: 'NIX_TIMEOUT',
  cancelled: 'NIX_CANCELLED',
  unknown: 'NIX_FAILED',
} as const satisfies Record<NixFailureKind, string>;

export type NixErrorCode = (typeof NIX_ERROR_CODES)[NixFailureKind];

export interface NixError {
  readonly failure: NixFailure;
  readonly code: NixErrorCode;
  /** Reason first, then the command ready to paste (execa's message shape). */
  readonly message: string;
  readonly hint: string;
  readonly argv: readonly string[];
  readonly escapedCommand: string;
  readonly exitCode: number | undefined;
  readonly stderrTail: string;
}

export function hintFor(f: NixFailure): string {
  switch (f.kind) {
    case 'nix-missing':
      return 'Install Nix (on Debian: apt-get install nix-bin busybox-static) or set FLAKECASE_NIX to a nix binary or wrapper.';
    case 'eval-error':
      return f.position
        ? `Fix the expression at ${f.position.file}:${f.position.line}:${f.position.column}, or expect it with error.class: eval-error.`
        : 'Re-run the command with --show-trace to see where evaluation failed.';
    case 'missing-builder':
      return `Nothing can build ${f.requiredSystem} here: start a Linux builder (condition hvf), make the derivation come from the cache, or expect error.class: missing-builder.`;
    case 'build-failed':
      return 'Read the log tail above; re-run the command to see the whole build log (add -L for the full log).';
    case 'timeout':
      return `Nix did not finish within ${Math.round(f.timeoutMs / 1000)} s; raise --timeout or look for a build that waits on input or network.`;
    case 'cancelled':
      return 'The run was interrupted; nothing was kept.';
    case 'unknown':
      return 'This nix failure is not one flakecase recognises; the stderr tail has the details.';
    default: {
      const never: never = f;
      return never;
    }
  }
}

export function describeFailure(f: NixFailure): string {
  switch (f.kind) {
    case 'nix-missing':
      return `nix was not found (${f.searched})`;
    case 'eval-error':
      return f.position
        ? `evaluation failed at ${f.position.file}:${f.position.line}:${f.position.column}: ${f.summary}`
        : `evaluation failed: ${f.summary}`;
    case 'missing-builder':
      return `no builder for ${f.requiredSystem}${f.requiredFeatures.length ? ` with features {${f.requiredFeatures.join(', ')}}` : ''}: ${f.drvPath} cannot be built on ${f.hostSystem}`;
    case 'build-failed':
      return `build of ${f.drvPath ?? 'a derivation'} failed`;
    case 'timeout':
      return `nix timed out after ${Math.round(f.timeoutMs / 1000)} s`;
    case 'cancelled':
      return 'nix was cancelled';
    case 'unknown':
      return `nix failed: ${f.summary}`;
    default: {
      const never: never = f;
      return never;
    }
  }
}
