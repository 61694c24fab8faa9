// The text a failing (case, condition) shows: each broken expectation at its case.yaml
// line:column with expected and actual, the stages, and the nix command to re-run.
import { describeOutcome, type Mismatch } from '../assert/index.ts';
import type { StageRecord, TaskResult } from '../result/index.ts';
import { errorSummary } from '../result/index.ts';
import { describeQemuFacts, qemuOutcomeOf } from '../run/stages/index.ts';
import type { ResolvedCase } from '../spec/index.ts';

function ms(d: number): string {
  return d >= 1000 ? `${(d / 1000).toFixed(1)}s` : `${Math.round(d)}ms`;
}

export function formatStage(s: StageRecord): string {
  const name = s.phase ? `${s.stage} [${s.phase}]` : s.stage;
  switch (s.status) {
    case 'ok':
      return `${name} ok (${ms(s.durationMs)}${s.note ? `, ${s.note}` : ''})`;
    case 'failed':
      return `${name} FAILED (${ms(s.durationMs)}): ${errorSummary(s.error)}`;
    case 'skipped':
      return `${name} skipped: ${s.reason}`;
    default: {
      const never: never = s;
      return never;
    }
  }
}

export function formatStages(r: TaskResult): string {
  return r.stages.map((s) => `  ${formatStage(s)}`).join('\n');
}

// What became of each target: built here, fetched from the cache, built on the simulated
// Linux builder, or failed (at which stage, and why).
export function formatTargets(r: TaskResult): string {
  return r.targets.map((t) => `  ${t.name}: ${describeOutcome(t)}`).join('\n');
}

export function formatMismatch(c: ResolvedCase, m: Mismatch): string {
  const where = c.locate(m.path).linePos;
  const loc = where ? `${c.file}:${where.line}:${where.col}` : c.file;
  const lines = [`${loc} ${m.path.join('.')}`, `    expected: ${m.expected}`, `    actual:   ${m.actual.split('\n').join('\n              ')}`];
  if (m.detail) lines.push(m.detail.split('\n').map((l) => `              ${l}`).join('\n'));
  return lines.join('\n');
}

// The builder's qemu line as the model saw it on this host, when an expectation is about it.
export function formatQemu(r: TaskResult, mismatches: readonly Mismatch[]): string[] {
  const outcome = qemuOutcomeOf(r);
  const aboutQemu = mismatches.some((m) => m.path[2] === 'qemu' || /^qemu stage/.test(m.actual));
  if (outcome?.status !== 'ok' || !aboutQemu) return [];
  return ['qemu:', ...describeQemuFacts(outcome.value).map((l) => `  ${l}`)];
}

export function formatFailure(c: ResolvedCase, r: TaskResult, mismatches: readonly Mismatch[]): string {
  const failedCmd = r.stages.flatMap((s) => (s.status === 'failed' && s.error.source === 'nix' ? [s.error.nix.escapedCommand] : []))[0];
  return [
    `${c.name} › ${r.condition.name}: ${mismatches.length} expectation(s) not met (${r.condition.description})`,
    ...mismatches.map((m) => formatMismatch(c, m)),
    'stages:',
    formatStages(r),
    'targets:',
    formatTargets(r),
    ...formatQemu(r, mismatches),
    ...(failedCmd ? ['failed command (as run, in the task store):', `  ${failedCmd}`] : []),
    're-run from your checkout:',
    `  ${r.reproduce}`,
  ].join('\n');
}
