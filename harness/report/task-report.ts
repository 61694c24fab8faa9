// A finished task as plain data: what every reporter renders and what the JSON report holds.
// Positions are turned into case.yaml line:col here, while the case (and its locator) is at
// hand; past this point nothing needs the loaded case, so a JSON report can be re-rendered.
import type { Mismatch } from '../assert/index.ts';
import type { StageName, TaskResult } from '../result/index.ts';
import type { SkippedCheck, TaskOutcome } from '../run/index.ts';
import { formatFailure } from './format-failure.ts';

/** failed: an expectation was not met. skipped: none failed but some could not be checked
 * (so the task is not called passed). passed: every expectation was checked and held. */
export type TaskStatus = 'passed' | 'failed' | 'skipped';

export interface Where {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export interface ReportedMismatch {
  readonly path: string;
  readonly where: Where | undefined;
  readonly expected: string;
  readonly actual: string;
  readonly detail?: string;
}

export interface ReportedSkip {
  readonly path: string;
  readonly where: Where | undefined;
  readonly reason: string;
}

/** What the summary matrix shows about the builder VM, when a qemu stage recorded it. */
export interface QemuSummary {
  readonly accelerator: string | undefined;
  readonly boots: boolean | undefined;
}

export interface TaskReport {
  readonly caseName: string;
  readonly caseFile: string;
  readonly condition: string;
  readonly conditionDescription: string;
  readonly status: TaskStatus;
  /** the stage a failure belongs to (the first failed stage, else the one the expectation reads) */
  readonly stage: StageName | undefined;
  readonly durationMs: number;
  readonly mismatches: readonly ReportedMismatch[];
  readonly skipped: readonly ReportedSkip[];
  /** formatFailure's text: expectations at case.yaml:line:col, stages, the nix re-run command */
  readonly failureText: string | undefined;
  readonly reproduce: string;
  readonly qemu: QemuSummary | undefined;
  /** the typed result, as the runner produced it */
  readonly result: TaskResult;
}

export function statusOf(mismatches: readonly unknown[], skipped: readonly unknown[]): TaskStatus {
  if (mismatches.length > 0) return 'failed';
  return skipped.length > 0 ? 'skipped' : 'passed';
}

const STAGE_OF_KEY: Readonly<Record<string, StageName>> = { build: 'build', error: 'build', outputs: 'inspect', qemu: 'qemu' };

/** The stage to name for a failure: where the task broke, else what the failing check reads. */
export function failureStage(r: TaskResult, mismatches: readonly Pick<Mismatch, 'path'>[]): StageName | undefined {
  const failed = r.stages.find((s) => s.status === 'failed');
  if (failed) return failed.stage;
  const key = mismatches[0]?.path[2];
  return typeof key === 'string' ? STAGE_OF_KEY[key] : undefined;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

/**
 * Reads the accelerator and boot outcome from `result.extra.qemu`, tolerating the shapes a qemu
 * stage may record (flat facts, QemuFacts with `resolution`, `{ facts }`, or the stage's tagged
 * `{ status, value: { facts } }`); absent -> undefined, so the summary shows '—'.
 */
export function qemuSummary(extra: Readonly<Record<string, unknown>>): QemuSummary | undefined {
  const outer = record(extra.qemu);
  if (!outer) return undefined;
  // The qemu stage records { kind, status: 'ok', value: { facts } } (harness/run/stages/qemu-result.ts).
  if (typeof outer.status === 'string' && outer.status !== 'ok') return undefined;
  const q = record(outer.value) ?? outer;
  const facts = record(q.facts) ?? q;
  const resolution = record(facts.resolution);
  const accel = q.accelerator ?? facts.accelerator ?? resolution?.accelerator;
  const boots = q.boots ?? facts.boots ?? resolution?.boots;
  return {
    accelerator: typeof accel === 'string' ? accel : accel === null ? 'none' : undefined,
    boots: typeof boots === 'boolean' ? boots : undefined,
  };
}

export function toTaskReport(o: TaskOutcome): TaskReport {
  const c = o.case;
  const where = (path: readonly (string | number)[]): Where | undefined => {
    const p = c.locate(path).linePos;
    return p ? { file: c.file, line: p.line, col: p.col } : undefined;
  };
  const status = statusOf(o.mismatches, o.skipped);
  return {
    caseName: c.name,
    caseFile: c.file,
    condition: o.condition.condition.name,
    conditionDescription: o.condition.condition.description,
    status,
    stage: status === 'failed' ? failureStage(o.result, o.mismatches) : undefined,
    durationMs: o.result.durationMs,
    mismatches: o.mismatches.map((m) => ({
      path: m.path.join('.'),
      where: where(m.path),
      expected: m.expected,
      actual: m.actual,
      ...(m.detail !== undefined ? { detail: m.detail } : {}),
    })),
    skipped: o.skipped.map((s: SkippedCheck) => ({ path: s.path.join('.'), where: where(s.path), reason: s.reason })),
    failureText: status === 'failed' ? formatFailure(c, o.result, o.mismatches) : undefined,
    reproduce: o.result.reproduce,
    qemu: qemuSummary(o.result.extra),
    result: o.result,
  };
}
