// The matrix's verdict from every run's report: the rows, the differences between Nix releases,
// and every reason to fail, collected rather than stopping at the first. Pure.
// Invariant: exitCode is 1 exactly when `failed` > 0, so the last line CI reads
// (`N passed, N failed`) and the exit code never disagree.
import { caseRowsFrom, realQemuCheckOf } from './case-rows.ts';
import { diffVersions, type VersionDifference } from './diff-versions.ts';
import { groupFailures, type FailureGroup } from './group-failures.ts';
import { qemuRowsFrom } from './qemu-rows.ts';
import type { CaseRow, QemuRow } from './status.ts';
import { compareVersions } from './text.ts';
import type { VitestReport } from './vitest-report.ts';

export type RunOutcome =
  | { readonly kind: 'report'; readonly report: VitestReport; readonly exitCode: number | null }
  /** no usable report: vitest crashed, timed out, or wrote something unreadable */
  | { readonly kind: 'broken'; readonly reason: string };

export interface NixRun {
  readonly suite: string;
  readonly nix: string;
  readonly outcome: RunOutcome;
}

export interface QemuRun {
  /** the releases the real-QEMU tests should have found */
  readonly expected: readonly { readonly suite: string; readonly qemu: string }[];
  readonly outcome: RunOutcome;
}

/** A release the matrix should have run but could not (not fetched, not installed). */
export interface MissingToolchain {
  readonly tool: 'nix' | 'qemu';
  readonly suite: string;
  readonly reason: string;
}

export interface MatrixInput {
  readonly nixRuns: readonly NixRun[];
  readonly qemuRun: QemuRun | null;
  readonly missing: readonly MissingToolchain[];
  /** CI=true: a skipped test or a missing release fails the matrix instead of warning */
  readonly ci: boolean;
}

export interface MatrixVerdict {
  readonly caseRows: readonly CaseRow[];
  readonly qemuRows: readonly QemuRow[];
  readonly nixVersions: readonly string[];
  readonly qemuVersions: readonly string[];
  readonly differences: readonly VersionDifference[];
  /** failed tests, one entry per test name with the releases it failed on */
  readonly failures: readonly FailureGroup[];
  /** what fails the matrix besides failed tests and differences (a run without report, …) */
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly exitCode: 0 | 1;
}

export function decide(input: MatrixInput): MatrixVerdict {
  const problems: string[] = [];
  const warnings: string[] = [];
  let extraFailures = 0;
  const fail = (message: string) => {
    problems.push(message);
    extraFailures++;
  };
  // Under CI a gap fails the run; locally it is shouted but the run can still be green.
  const gap = (message: string) => (input.ci ? fail(message) : warnings.push(message));

  const caseRows: CaseRow[] = [];
  const ran: string[] = [];
  for (const run of input.nixRuns) {
    const label = `nix ${run.nix} (${run.suite})`;
    if (run.outcome.kind === 'broken') {
      fail(`${label}: the case suite produced no usable report: ${run.outcome.reason}`);
      continue;
    }
    const { rows, headerVersions } = caseRowsFrom(run.outcome.report, run.nix);
    caseRows.push(...rows);
    ran.push(run.nix);
    if (rows.length === 0) fail(`${label}: the case suite reported no tests`);
    // The suite names the nix it really ran; anything else means FLAKECASE_NIX was not honoured.
    const foreign = headerVersions.filter((v) => v !== run.nix);
    if (foreign.length > 0) fail(`${label}: the suite says it ran nix ${foreign.join(', ')} (FLAKECASE_NIX not honoured?)`);
    checkExitCode(label, run.outcome, rows, fail);
  }

  const qemuRows: QemuRow[] = [];
  if (input.qemuRun) {
    const { outcome, expected } = input.qemuRun;
    if (outcome.kind === 'broken') {
      fail(`real-QEMU tests: no usable report: ${outcome.reason}`);
    } else {
      const rows = qemuRowsFrom(outcome.report);
      qemuRows.push(...rows);
      checkExitCode('real-QEMU tests', outcome, rows, fail);
      for (const e of expected) {
        if (!rows.some((r) => r.qemu === e.qemu && r.status !== 'skip')) fail(`QEMU ${e.qemu} (${e.suite}) was found but no real-QEMU test ran on it`);
      }
    }
  }

  for (const m of input.missing) gap(`${m.tool} from ${m.suite} is missing, its column is not in the matrix: ${m.reason}`);

  const differences = diffVersions(caseRows, ran);
  // A difference that includes a failed test is already counted by that test.
  extraFailures += differences.filter((d) => !d.cells.some((c) => c.status === 'fail')).length;

  const all = [...caseRows, ...qemuRows];
  const skippedRows = all.filter((r) => r.status === 'skip');
  if (skippedRows.length > 0) {
    const names = skippedRows.map((r) => ('nix' in r ? `nix ${r.nix}: ${r.case} › ${r.condition}` : `qemu ${r.qemu ?? '-'}: ${r.line}`));
    const message = `${skippedRows.length} test(s) skipped:\n${names.map((n) => `  - ${n}`).join('\n')}`;
    if (input.ci) {
      problems.push(message);
      extraFailures += skippedRows.length;
    } else warnings.push(message);
  }

  const passed = all.filter((r) => r.status === 'pass').length;
  const failed = all.filter((r) => r.status === 'fail').length + extraFailures;
  const caseQemus = caseRows.flatMap((r) => realQemuCheckOf(r.condition)?.qemu ?? []);
  return {
    caseRows,
    qemuRows,
    nixVersions: [...ran].sort(compareVersions),
    qemuVersions: [...new Set([...qemuRows.flatMap((r) => r.qemu ?? []), ...caseQemus])].sort(compareVersions),
    differences,
    failures: groupFailures(caseRows, qemuRows),
    problems,
    warnings,
    passed,
    failed,
    skipped: skippedRows.length,
    exitCode: failed > 0 ? 1 : 0,
  };
}

// vitest exits non-zero on an unhandled error even when every test passed: not green.
function checkExitCode(label: string, outcome: Extract<RunOutcome, { kind: 'report' }>, rows: readonly { status: string }[], fail: (m: string) => void): void {
  if (outcome.exitCode !== 0 && !rows.some((r) => r.status === 'fail')) {
    fail(`${label}: vitest exited with ${outcome.exitCode ?? 'a signal'} although no test failed (an unhandled error? see its log)`);
  }
}
