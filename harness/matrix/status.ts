// The words of the matrix: a test's outcome, and the rows the tables are built from.

export type Status = 'pass' | 'fail' | 'skip';

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** One (case, condition) test of the case suite, run with one Nix release. */
export interface CaseRow {
  readonly nix: string;
  readonly case: string;
  /** the condition, plus any further name parts (`hvf › real qemu 11.1.3`) */
  readonly condition: string;
  readonly status: Status;
  /** first line of the first failure message, or the skip reason */
  readonly detail: string;
}

/** One real-QEMU cross-check test, run with one QEMU release (or none: version-independent). */
export interface QemuRow {
  /** "11.1.3", or null for housekeeping tests that run no particular release */
  readonly qemu: string | null;
  /** where that release came from (bookworm, trixie, sid), when the test name says */
  readonly suite: string | null;
  /** the qemu line or check, `upstream line › is accepted, …` */
  readonly line: string;
  readonly status: Status;
  readonly detail: string;
}
