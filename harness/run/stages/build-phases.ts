// The build stages of a task, phase by phase on one simulated machine:
//   build               every target of the phase, with whatever builder runs now
//   boot                if the condition's builder comes from the configuration and none runs
//                       yet, start the phase's linux-builder (builder-boot.ts)
//   build-with-builder  targets that failed only for want of that builder, built on it; if it
//                       did not boot, they fail with builder-did-not-boot and QEMU's words
// A later phase builds with whatever an earlier one left running.
import { builderAtStart, conditionSettings, type BinaryCache } from '../../conditions/index.ts';
import type { CallContext, NixAdapter, NixSettings } from '../../nix/index.ts';
import type { Plan, StageRecord, TargetResult, TaskError } from '../../result/index.ts';
import { nixTaskError } from '../../result/index.ts';
import type { CaseCondition, ResolvedCase } from '../../spec/index.ts';
import type { EvaluatedCase, EvaluatedTarget } from '../evaluate-case.ts';
import { bootBuilder, type BootOutcome, type RunningBuilder } from './builder-boot.ts';

export interface PhasesInput {
  readonly c: ResolvedCase;
  readonly cc: CaseCondition;
  readonly ev: EvaluatedCase;
  readonly plan: Plan | undefined;
  readonly store: string;
  readonly taskDir: string;
  readonly nix: NixAdapter;
  readonly ctx: CallContext;
  readonly cache: BinaryCache | undefined;
}

export interface PhasesResult {
  readonly targets: TargetResult[];
  readonly stages: StageRecord[];
  readonly boots: BootOutcome[];
  readonly builder: RunningBuilder | undefined;
  /** the settings of the last build, for the re-run command and later stages */
  readonly settings: NixSettings;
}

function needsBuilder(t: TargetResult, builder: RunningBuilder): boolean {
  if (t.outcome.status !== 'failed' || t.outcome.error.source !== 'nix') return false;
  const f = t.outcome.error.nix.failure;
  return f.kind === 'missing-builder' && builder.systems.includes(f.requiredSystem);
}

function missingBuilder(t: TargetResult): boolean {
  return t.outcome.status === 'failed' && t.outcome.error.source === 'nix' && t.outcome.error.nix.failure.kind === 'missing-builder';
}

export async function buildPhases(input: PhasesInput): Promise<PhasesResult> {
  const { c, cc, ev, plan, store, nix, ctx } = input;
  const parts = cc.condition.parts;
  let builder: RunningBuilder | undefined = builderAtStart(parts).available
    ? { source: 'condition', systems: parts.builderSystems, maxJobs: undefined, supportedFeatures: [] }
    : undefined;
  const settingsNow = () => ({ ...conditionSettings(parts, store, input.cache, { available: builder !== undefined }), ...(builder ? { extraPlatforms: builder.systems } : {}) });
  const targets: TargetResult[] = [];
  const stages: StageRecord[] = [];
  const boots: BootOutcome[] = [];
  const multi = c.phases.length > 1;

  const buildOne = async (t: EvaluatedTarget, stage: 'build' | 'build-with-builder'): Promise<TargetResult> => {
    if (!t.drv.ok) return { name: t.name, attribute: t.attribute, drvPath: undefined, outcome: { status: 'not-evaluated', error: nixTaskError(t.drv.error) } };
    const drvPath = t.drv.value;
    const onConfigBuilder = builder !== undefined && builder.source !== 'condition';
    const b = await nix.build(settingsNow(), [drvPath], ctx);
    if (!b.ok) return { name: t.name, attribute: t.attribute, drvPath, outcome: { status: 'failed', error: nixTaskError(b.error), stage } };
    const outputs = b.value[0]?.outputs ?? {};
    const builtHere = plan?.toBuild.some((p) => p.drvPath === drvPath) ?? false;
    const fetched = Object.values(outputs).some((o) => plan?.toFetch.includes(o));
    const how = stage === 'build-with-builder' || (onConfigBuilder && builtHere && plan?.toBuild.some((p) => builder?.systems.includes(p.system)))
      ? 'built-on-builder'
      : builtHere ? 'built' : fetched ? 'fetched' : 'present';
    return { name: t.name, attribute: t.attribute, drvPath, outcome: { status: 'built', outputs, how, stage } };
  };

  for (const phase of c.phases) {
    const phaseName = multi ? phase.name : undefined;
    const tag = phaseName ? { phase: phaseName } : {};
    const own = ev.targets.filter((t) => phase.targets.includes(t.name));

    // build
    const b0 = performance.now();
    const built: TargetResult[] = [];
    for (const t of own) built.push(await buildOne(t, 'build'));
    const firstFailure = built.find((t) => t.outcome.status === 'failed' || t.outcome.status === 'not-evaluated');
    if (own.length === 0) stages.push({ stage: 'build', status: 'skipped', durationMs: 0, reason: 'no targets in this phase', ...tag });
    else if (firstFailure && (firstFailure.outcome.status === 'failed' || firstFailure.outcome.status === 'not-evaluated'))
      stages.push({ stage: 'build', status: 'failed', durationMs: performance.now() - b0, error: firstFailure.outcome.error, ...tag });
    else stages.push({ stage: 'build', status: 'ok', durationMs: performance.now() - b0, note: `${own.length} target(s) built${builder ? ` with the ${builder.source === 'condition' ? 'running' : 'booted'} builder` : ', no Linux builder'}`, ...tag });

    // boot
    let bootError: TaskError | undefined;
    if (parts.builder === 'from-config' && builder === undefined && phase.linuxBuilder) {
      const boot = await bootBuilder(phase.linuxBuilder, [...targets, ...built], { cc, store, taskDir: input.taskDir, settings: settingsNow(), nix, ctx }, phase.name);
      boots.push(boot);
      stages.push(boot.record);
      if (boot.kind === 'booted') builder = boot.builder;
      if (boot.kind === 'did-not-boot') bootError = boot.error;
    }

    // build-with-builder
    const current = builder;
    const waiting = built.filter((t) => (current ? needsBuilder(t, current) : bootError !== undefined && missingBuilder(t)));
    if (waiting.length > 0 && current) {
      const w0 = performance.now();
      for (const t of waiting) {
        const again = await buildOne(own.find((o) => o.name === t.name)!, 'build-with-builder');
        built[built.indexOf(t)] = again;
      }
      const failed = waiting.map((t) => built.find((x) => x.name === t.name)!).find((t) => t.outcome.status === 'failed');
      stages.push(
        failed && failed.outcome.status === 'failed'
          ? { stage: 'build-with-builder', status: 'failed', durationMs: performance.now() - w0, error: failed.outcome.error, ...tag }
          : { stage: 'build-with-builder', status: 'ok', durationMs: performance.now() - w0, note: `${waiting.map((t) => t.name).join(', ')} built on the Linux builder`, ...tag },
      );
    } else if (waiting.length > 0 && bootError) {
      for (const t of waiting) built[built.indexOf(t)] = { ...t, outcome: { status: 'failed', error: bootError, stage: 'boot' } };
      stages.push({ stage: 'build-with-builder', status: 'skipped', durationMs: 0, reason: `the Linux builder did not boot; ${waiting.map((t) => t.name).join(', ')} had nothing to build on`, ...tag });
    }
    targets.push(...built);
  }
  return { targets, stages, boots, builder, settings: settingsNow() };
}
