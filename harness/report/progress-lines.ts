// The lines both console reporters print: a task's end (pass, fail with the failure text, or
// skipped with every unchecked expectation) and the run's last lines. Pure.
import type { RunStart } from './reporter.ts';
import { countsLine, type RunReport } from './run-report.ts';
import type { TaskReport } from './task-report.ts';

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

export function runStartLine(run: RunStart): string {
  const inputs = run.inputs === 'locked' ? 'locked inputs' : 'offline stand-ins';
  return `flakecase: ${run.tasks.length} task(s), nix ${run.nixVersion}, ${inputs}, ${run.concurrency} at a time`;
}

/** What a plan-only task learnt: what would be built, for which systems, and what the cache has. */
function planLine(t: TaskReport): string[] {
  const p = t.result.plan;
  if (!p) return [];
  const bySystem = new Map<string, number>();
  for (const d of p.toBuild) bySystem.set(d.system, (bySystem.get(d.system) ?? 0) + 1);
  const systems = [...bySystem].map(([s, n]) => `${n} for ${s}`).join(', ');
  return [`  plan: ${p.toBuild.length} derivation(s) to build${systems ? ` (${systems})` : ''}, ${p.toFetch.length} path(s) from the cache`];
}

export function taskEndLines(t: TaskReport): string[] {
  const name = `${t.caseName} › ${t.condition}`;
  switch (t.status) {
    case 'passed':
      return [`PASS ${name} (${seconds(t.durationMs)})`];
    case 'failed':
      return [`FAIL ${name} (${seconds(t.durationMs)})${t.stage ? ` at stage ${t.stage}` : ''}`, ...(t.failureText ?? '').split('\n').map((l) => `  ${l}`)];
    case 'skipped':
      return [
        `SKIP ${name} (${seconds(t.durationMs)}): ${t.skipped.length} expectation(s) not checked`,
        ...planLine(t),
        ...t.skipped.map((s) => `  ${s.where ? `${s.where.file}:${s.where.line}:${s.where.col} ` : ''}${s.path}: ${s.reason}`),
      ];
    default: {
      const never: never = t.status;
      return never;
    }
  }
}

export function runEndLines(report: RunReport): string[] {
  const failed = report.tasks.filter((t) => t.status === 'failed');
  return [
    '',
    ...(failed.length > 0 ? ['failed:', ...failed.map((t) => `  ${t.caseName} › ${t.condition}${t.stage ? ` (stage ${t.stage})` : ''}`)] : []),
    `${countsLine(report.counts)} in ${seconds(report.durationMs)}`,
  ];
}
