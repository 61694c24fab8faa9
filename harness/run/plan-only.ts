// Plan-only tasks, for --real-inputs on a host that cannot build what a condition needs (this
// Linux machine asked for aarch64-darwin builds with real nixpkgs). The stand-ins fake an
// aarch64-darwin host with busybox; the locked inputs cannot be faked, so nothing is built.
// Still: evaluate, plan (dry-run: what would be built, for which system, what the cache has),
// read the derivations' static facts, and check only the expectations those can decide. Every
// other expectation is SKIPPED with the reason: a check that did not run never passes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkTask, type Mismatch } from '../assert/index.ts';
import { builderAtStart, conditionSettings, type BinaryCache, type ConditionParts } from '../conditions/index.ts';
import type { CallContext, NixAdapter } from '../nix/index.ts';
import type { StageRecord, TargetResult, TaskError, TaskResult } from '../result/index.ts';
import { nixTaskError } from '../result/index.ts';
import type { BuildExpectation, CaseCondition, ResolvedCase, ResolvedExpectations } from '../spec/index.ts';
import type { EvaluatedCase } from './evaluate-case.ts';
import { reproduceCommand } from './reproduce.ts';
import { evaluateStage, planStage } from './stages/evaluate-and-plan.ts';
import { removeTree } from './temp-root.ts';

/** An expectation that was not checked, where it is written, and why. */
export interface SkippedCheck {
  readonly path: readonly (string | number)[];
  readonly reason: string;
}

/** Static facts of one evaluated target, read from its derivation without building it. */
export interface StaticTargetFacts {
  readonly target: string;
  readonly drvPath: string;
  readonly name: string;
  readonly system: string;
  readonly outputs: Readonly<Record<string, string>>;
}

export interface PlanOnlyFacts {
  readonly hostSystem: string;
  readonly reason: string;
  readonly targets: readonly StaticTargetFacts[];
  /** systems of the derivations that would be built, with how many of each */
  readonly buildsBySystem: Readonly<Record<string, number>>;
  readonly fromCache: number;
}

/** `${arch}-${os}` as nix names systems, from Node's process.arch / process.platform. */
export function nodeHostSystem(platform: string = process.platform, arch: string = process.arch): string {
  const cpu = arch === 'x64' ? 'x86_64' : arch === 'arm64' ? 'aarch64' : arch === 'ia32' ? 'i686' : arch;
  return `${cpu}-${platform}`;
}

/**
 * Why this condition cannot be run fully here, or undefined when it can. With stand-ins every
 * condition runs (they build with busybox whatever system nix pretends to be); with locked
 * inputs a derivation for another system needs a real machine (or builder) of that system.
 */
export function planOnlyReason(inputs: 'stand-ins' | 'locked', hostSystem: string, parts: ConditionParts): string | undefined {
  if (inputs === 'stand-ins') return undefined;
  if (parts.system === hostSystem) return undefined;
  return `this host is ${hostSystem} and cannot build ${parts.system} derivations from the locked inputs (only the stand-ins can simulate another system)`;
}

const BUILD_REASON = (why: string) => `not built: ${why}`;

/** Which expectations the plan-only result can decide; the rest become SkippedChecks. Pure. */
export function splitExpectations(
  cc: CaseCondition,
  targets: readonly TargetResult[],
  why: string,
): { checkable: ResolvedExpectations; skipped: SkippedCheck[] } {
  const name = cc.condition.name;
  const e = cc.expect;
  const at = (...rest: (string | number)[]) => ['conditions', name, ...rest];
  const failedEval = new Set(targets.filter((t) => t.outcome.status === 'not-evaluated').map((t) => t.name));
  const skipped: SkippedCheck[] = [];

  // A target that did not evaluate fails the same way a full run would: its checks stand.
  const build: Record<string, BuildExpectation> = {};
  const wanted = Object.entries(e.build).filter(([, v]) => v !== 'any');
  const uniform = new Set(Object.values(e.build)).size <= 1;
  for (const [t, want] of Object.entries(e.build)) {
    if (want === 'any' || failedEval.has(t)) build[t] = want;
    else build[t] = 'any';
  }
  const skippedBuild = wanted.filter(([t]) => !failedEval.has(t));
  if (skippedBuild.length > 0) {
    // One entry for a uniform `build:` only when all of it is skipped; else name each target.
    if (uniform && skippedBuild.length === wanted.length) skipped.push({ path: at('build'), reason: BUILD_REASON(why) });
    else for (const [t] of skippedBuild) skipped.push({ path: at('build', t), reason: BUILD_REASON(why) });
  }

  // An eval-error expectation is decided by evaluation alone; so is any error of a target that
  // failed to evaluate. Other classes (missing-builder, build-failed, ...) need the build.
  let error = e.error;
  if (error) {
    const decided = error.class === 'eval-error' || (error.target !== undefined ? failedEval.has(error.target) : failedEval.size > 0);
    if (!decided) {
      skipped.push({ path: at('error'), reason: `a ${error.class} error shows only when building; ${BUILD_REASON(why)}` });
      error = undefined;
    }
  }

  const outputs = e.outputs.filter((o) => {
    if (failedEval.has(o.target)) return true;
    skipped.push({ path: at('outputs', o.index), reason: `reads the built output of ${o.target}; ${BUILD_REASON(why)}` });
    return false;
  });

  if (e.qemu) skipped.push({ path: at('qemu'), reason: `reads the built create-builder script; ${BUILD_REASON(why)}` });

  return { checkable: { build, error, outputs, qemu: undefined }, skipped };
}

export interface PlanOnlyDeps {
  readonly nix: NixAdapter;
  readonly cache: BinaryCache | undefined;
  readonly workRoot: string;
  readonly ctx: CallContext;
  readonly vars: Readonly<Record<string, string>>;
  readonly hostSystem: string;
  readonly reason: string;
}

export interface PlanOnlyOutcome {
  readonly result: TaskResult;
  readonly mismatches: readonly Mismatch[];
  readonly skipped: readonly SkippedCheck[];
}

export async function runPlanOnly(c: ResolvedCase, cc: CaseCondition, ev: EvaluatedCase, deps: PlanOnlyDeps): Promise<PlanOnlyOutcome> {
  const started = performance.now();
  const { nix } = deps;
  const commands: string[] = [];
  const ctx: CallContext = { ...deps.ctx, onCommand: (cmd) => commands.push(cmd) };
  const dir = join(deps.workRoot, `plan-${c.name}-${cc.condition.name}`);
  const store = join(dir, 'store');
  await mkdir(dir, { recursive: true });
  const settings = conditionSettings(cc.condition.parts, store, deps.cache, builderAtStart(cc.condition.parts));
  const stages: StageRecord[] = [];
  try {
    stages.push(evaluateStage(ev));
    const planned = await planStage(nix, ev, store, settings, ctx, { showTargets: true });
    stages.push(planned.record);
    const plan = planned.plan;
    const facts: StaticTargetFacts[] = [];
    for (const t of ev.targets) {
      if (!t.drv.ok || plan === undefined) continue;
      const info = planned.derivations.get(t.drv.value);
      facts.push({ target: t.name, drvPath: t.drv.value, name: info?.name ?? '', system: info?.system ?? 'unknown', outputs: info?.outputs ?? {} });
    }
    stages.push({ stage: 'build', status: 'skipped', durationMs: 0, reason: deps.reason });
    stages.push({ stage: 'inspect', status: 'skipped', durationMs: 0, reason: 'nothing was built' });

    const targets: TargetResult[] = ev.targets.map((t) =>
      t.drv.ok
        ? { name: t.name, attribute: t.attribute, drvPath: t.drv.value, outcome: { status: 'skipped', reason: deps.reason } }
        : { name: t.name, attribute: t.attribute, drvPath: undefined, outcome: { status: 'not-evaluated', error: nixTaskError(t.drv.error) } },
    );
    const buildsBySystem: Record<string, number> = {};
    for (const d of plan?.toBuild ?? []) buildsBySystem[d.system] = (buildsBySystem[d.system] ?? 0) + 1;
    const planOnly: PlanOnlyFacts = {
      hostSystem: deps.hostSystem,
      reason: deps.reason,
      targets: facts,
      buildsBySystem,
      fromCache: plan?.toFetch.length ?? 0,
    };
    const result: TaskResult = {
      caseName: c.name,
      condition: cc.condition,
      stages,
      targets,
      plan,
      outputs: [],
      commands,
      reproduce: reproduceCommand(nix, c, settings, ev.overrides, cc.condition.name),
      durationMs: performance.now() - started,
      vars: deps.vars,
      nixVersion: [nix.binary.version.major, nix.binary.version.minor, nix.binary.version.patch],
      extra: { planOnly },
    };
    const { checkable, skipped } = splitExpectations(cc, targets, deps.reason);
    const mismatches = checkTask({ ...cc, expect: checkable }, result);
    return { result, mismatches, skipped };
  } finally {
    await removeTree(dir);
  }
}
