// build: ok | fails, per target.
import type { TargetResult } from '../result/index.ts';
import { errorSummary } from '../result/index.ts';
import type { ResolvedExpectations } from '../spec/index.ts';
import type { Mismatch } from './mismatch.ts';

export function describeOutcome(t: TargetResult): string {
  const o = t.outcome;
  switch (o.status) {
    case 'built':
      return `ok (${o.how === 'built-on-builder' ? 'built on the Linux builder' : o.how})`;
    case 'failed':
      return `fails at stage ${o.stage}: ${errorSummary(o.error)}`;
    case 'not-evaluated':
      return `fails at stage evaluate: ${errorSummary(o.error)}`;
    case 'skipped':
      return `not built: ${o.reason}`;
    default: {
      const never: never = o;
      return never;
    }
  }
}

export function checkBuild(condition: string, expect: ResolvedExpectations, targets: readonly TargetResult[], uniform: boolean): Mismatch[] {
  const out: Mismatch[] = [];
  for (const t of targets) {
    const want = expect.build[t.name];
    if (want === undefined || want === 'any') continue;
    const built = t.outcome.status === 'built';
    const failed = t.outcome.status === 'failed' || t.outcome.status === 'not-evaluated';
    if ((want === 'ok' && !built) || (want === 'fails' && !failed)) {
      const hint = t.outcome.status === 'failed' || t.outcome.status === 'not-evaluated' ? (t.outcome.error.source === 'nix' ? t.outcome.error.nix.hint : t.outcome.error.hint) : undefined;
      out.push({
        path: uniform ? ['conditions', condition, 'build'] : ['conditions', condition, 'build', t.name],
        expected: `target ${t.name} ${want === 'ok' ? 'builds' : 'fails'}`,
        actual: `target ${t.name} ${describeOutcome(t)}`,
        ...(hint ? { detail: `hint: ${hint}` } : {}),
      });
    }
  }
  return out;
}
