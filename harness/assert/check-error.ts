// error: the class of failure, its text, and for a missing builder the system and the drv.
import type { TargetResult, TaskError } from '../result/index.ts';
import { errorClass, errorMessage } from '../result/index.ts';
import { compileExpectationRegex, pickForVersion, type ErrorExpectation } from '../spec/index.ts';
import type { Mismatch } from './mismatch.ts';

function failures(targets: readonly TargetResult[], only: string | undefined): { target: string; error: TaskError }[] {
  return targets.flatMap((t) =>
    (only === undefined || t.name === only) && (t.outcome.status === 'failed' || t.outcome.status === 'not-evaluated') ? [{ target: t.name, error: t.outcome.error }] : [],
  );
}

/** The derivation name of /nix/store/<hash>-<name>.drv */
export function drvName(drvPath: string): string {
  return drvPath.replace(/^.*\/[0-9a-z]{32}-/, '').replace(/\.drv$/, '');
}

function problems(exp: ErrorExpectation, e: TaskError, vars: Readonly<Record<string, string>>, nixVersion: readonly [number, number, number]): { key: string; expected: string; actual: string }[] {
  const out: { key: string; expected: string; actual: string }[] = [];
  const cls = errorClass(e);
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
): Mismatch[] {
  if (exp === undefined) return [];
  const base = ['conditions', condition, 'error'] as const;
  const found = failures(targets, exp.target);
  if (found.length === 0) {
    return [{ path: [...base], expected: `a ${exp.class} error${exp.target ? ` from target ${exp.target}` : ''}`, actual: 'no target failed' }];
  }
  // Any failing target may carry the expected error; report against the closest one.
  let best: ReturnType<typeof problems> | undefined;
  for (const f of found) {
    const p = problems(exp, f.error, vars, nixVersion);
    if (p.length === 0) return [];
    if (!best || p.length < best.length) best = p;
  }
  return (best ?? []).map((p) => ({ path: [...base, p.key], expected: p.expected, actual: p.actual }));
}
