// The whole run as plain data: when, with which nix and inputs, every task report and the
// counts. The JSON reporter writes exactly this; the other reporters render it.
import type { TaskReport, TaskStatus } from './task-report.ts';

export interface RunMeta {
  readonly flakecaseVersion: string;
  /** e.g. "2.8.0" */
  readonly nixVersion: string;
  readonly inputs: 'stand-ins' | 'locked';
  readonly casesDir: string;
  readonly startedAt: string;
  readonly hostname: string;
}

export interface RunCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** expectations not checked, over all tasks */
  readonly skippedChecks: number;
}

export interface RunReport {
  /** bumped when a field changes meaning */
  readonly reportVersion: 1;
  readonly meta: RunMeta;
  readonly durationMs: number;
  readonly counts: RunCounts;
  readonly tasks: readonly TaskReport[];
}

export function countTasks(tasks: readonly TaskReport[]): RunCounts {
  const n = (s: TaskStatus) => tasks.filter((t) => t.status === s).length;
  return { passed: n('passed'), failed: n('failed'), skipped: n('skipped'), skippedChecks: tasks.reduce((a, t) => a + t.skipped.length, 0) };
}

export function makeRunReport(meta: RunMeta, tasks: readonly TaskReport[], durationMs: number): RunReport {
  return { reportVersion: 1, meta, durationMs, counts: countTasks(tasks), tasks };
}

/** "3 passed, 1 failed, 2 skipped (5 expectations not checked)", the line a run ends with. */
export function countsLine(c: RunCounts): string {
  const base = `${c.passed} passed, ${c.failed} failed`;
  if (c.skipped === 0 && c.skippedChecks === 0) return base;
  return `${base}, ${c.skipped} skipped (${c.skippedChecks} expectation${c.skippedChecks === 1 ? '' : 's'} not checked)`;
}
