// error: the class of failure, its text, and for a missing builder the system and the drv.
import type { StageRecord, TargetResult, TaskError } from '../result/index.ts';
import { errorClass, errorMessage } from '../result/index.ts';
import { compileExpectationRegex, pickForVersion, type ErrorExpectation } from '../spec/index.ts';
import type { Mismatch } from './mismatch.ts';

interface Failure {
  readonly target: string | undefined;
  readonly stage: string;
  readonly error: TaskError;
}

// Failing targets, and failed stages that no target carries (a builder that did not boot
// while everything had already built is still a failure of the task).
function failures(targets: readonly TargetResult[], stages: readonly StageRecord[], only: string | undefined): Failure[] {
  const fromTargets: Failure[] = targets.flatMap((t) =>
    (only === undefined || t.name === only) && (t.outcome.status === 'failed' || t.outcome.status === 'not-evaluated')
      ? [{ target: t.name, stage: t.outcome.status === 'failed' ? t.outcome.stage : 'evaluate', error: t.outcome.error }]
      : [],
  );
  if (only !== undefined) return fromTargets;
  const fromStages: Failure[] = stages.flatMap((s) => (s.status === 'failed' && s.error.source === 'harness' ? [{ target: undefined, stage: s.stage, error: s.error }] : []));
  return [...fromTargets, ...fromStages];
}

/** The derivation name of /nix/store/<hash>-<name>.drv */
export function drvName(drvPath: string): string {
  return drvPath.replace(/^.*\/[0-9a-z]{32}-/, '').replace(/\.drv$/, '');
}

function problems(exp: ErrorExpectation, failure: Failure, vars: Readonly<Record<string, string>>, nixVersion: readonly [number, number, number]): { key: string; expected: string; actual: string }[] {
  const out: { key: string; expected: string; actual: string }[] = [];
  const e = failure.error;
  const cls = errorClass(e);
  if (exp.stage !== undefined && exp.stage !== failure.stage) out.push({ key: 'stage', expected: `fails at stage ${exp.stage}`, actual: `fails at stage ${failure.stage}${failure.target ? ` (target ${failure.target})` : ''}` });
  if (cls !== exp.class) out.push({ key: 'class', expected: exp.class, actual: cls });
  const text = errorMessage(e);
  if (exp.message !== undefined) {
    const picked = pickForVersion<string>(exp.message, nixVersion, (v): v is string => typeof v === 'string');
    if (!picked.ok) {
      out.push({ key: 'message', expected: `a message regex for nix ${nixVersion.join('.')}`, actual: `only ranges ${picked.ranges.join(', ')} are given` });
    } else if (!compileExpectationRegex(picked.value, vars).test(text)) {
      out.push({ key: 'message', expected: `message matching /${picked.value}/`, actual: text.split('\n').slice(0, 6).join('\n') });
    }
  }
  const f = e.source === 'nix' ? e.nix.failure : undefined;
  if (exp.system !== undefined) {
    const sys = f?.kind === 'missing-builder' ? f.requiredSystem : undefined;
    if (sys !== exp.system) out.push({ key: 'system', expected: exp.system, actual: sys ?? `(no required system: ${cls})` });
  }
  if (exp.drv !== undefined) {
    const drv = f?.kind === 'missing-builder' || f?.kind === 'build-failed' ? f.drvPath : undefined;
    if (drv === undefined || !compileExpectationRegex(exp.drv, vars).test(drvName(drv))) {
      out.push({ key: 'drv', expected: `drv named /${exp.drv}/`, actual: drv ? drvName(drv) : `(no derivation named: ${cls})` });
    }
  }
  return out;
}

export function checkError(
  condition: string,
  exp: ErrorExpectation | undefined,
  targets: readonly TargetResult[],
  vars: Readonly<Record<string, string>>,
  nixVersion: readonly [number, number, number],
  stages: readonly StageRecord[] = [],
): Mismatch[] {
  if (exp === undefined) return [];
  const base = ['conditions', condition, 'error'] as const;
  const found = failures(targets, stages, exp.target);
  if (found.length === 0) {
    return [{ path: [...base], expected: `a ${exp.class} error${exp.target ? ` from target ${exp.target}` : ''}`, actual: 'no target failed' }];
  }
  // Any failing target may carry the expected error; report against the closest one.
  let best: ReturnType<typeof problems> | undefined;
  for (const f of found) {
    const p = problems(exp, f, vars, nixVersion);
    if (p.length === 0) return [];
    if (!best || p.length < best.length) best = p;
  }
  return (best ?? []).map((p) => ({ path: [...base, p.key], expected: p.expected, actual: p.actual }));
}
