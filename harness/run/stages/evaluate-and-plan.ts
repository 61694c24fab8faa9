// The first two stages every task records, shared by full tasks (run-task.ts) and plan-only
// ones (plan-only.ts): "evaluate" reports the case's one evaluation; "plan" copies the .drv
// closures into the task's store and asks nix what must be built (for which system) and
// what the cache gives.
import type { CallContext, DerivationInfo, NixAdapter, NixSettings } from '../../nix/index.ts';
import type { Plan, StageRecord, TaskError } from '../../result/index.ts';
import { nixTaskError } from '../../result/index.ts';
import type { EvaluatedCase } from '../evaluate-case.ts';

export function evaluateStage(ev: EvaluatedCase): StageRecord {
  const failure = ev.targets.find((t) => !t.drv.ok);
  return failure && !failure.drv.ok
    ? { stage: 'evaluate', status: 'failed', durationMs: ev.durationMs, error: nixTaskError(failure.drv.error) }
    : { stage: 'evaluate', status: 'ok', durationMs: ev.durationMs, note: `${ev.targets.length} target(s) instantiated` };
}

export interface PlanStage {
  readonly record: StageRecord;
  readonly plan: Plan | undefined;
  /** derivation facts of the targets and of everything to build (when asked for) */
  readonly derivations: ReadonlyMap<string, DerivationInfo>;
}

export async function planStage(
  nix: NixAdapter,
  ev: EvaluatedCase,
  store: string,
  settings: NixSettings,
  ctx: CallContext,
  opts: { readonly showTargets?: boolean } = {},
): Promise<PlanStage> {
  const drvs = ev.targets.flatMap((t) => (t.drv.ok ? [t.drv.value] : []));
  if (drvs.length === 0) return { record: { stage: 'plan', status: 'skipped', durationMs: 0, reason: 'no target evaluated' }, plan: undefined, derivations: new Map() };
  const t0 = performance.now();
  const failed = (error: TaskError): PlanStage => ({ record: { stage: 'plan', status: 'failed', durationMs: performance.now() - t0, error }, plan: undefined, derivations: new Map() });
  const cp = await nix.copyDerivations(ev.evalStore, store, drvs, ctx);
  if (!cp.ok) return failed(nixTaskError(cp.error));
  const dry = await nix.dryRun(settings, drvs, ctx);
  if (!dry.ok) return failed(nixTaskError(dry.error));
  const toShow = [...new Set([...(opts.showTargets ? drvs : []), ...dry.value.toBuild])];
  const shown = toShow.length > 0 ? await nix.showDerivations(settings, toShow, ctx) : { ok: true as const, value: new Map<string, DerivationInfo>() };
  if (!shown.ok) return failed(nixTaskError(shown.error));
  const toBuild = dry.value.toBuild.map((d) => {
    const info = shown.value.get(d);
    return { drvPath: d, name: info?.name ?? d.slice(44, -4), system: info?.system ?? 'unknown' };
  });
  const plan: Plan = { toBuild, toFetch: dry.value.toFetch };
  const note = `${toBuild.length} to build, ${plan.toFetch.length} to fetch`;
  return { record: { stage: 'plan', status: 'ok', durationMs: performance.now() - t0, note }, plan, derivations: shown.value };
}
