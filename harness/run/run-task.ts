// One (case, condition) task: its own workspace and chroot store, then the stages in order:
// evaluate (shared per case) -> plan -> build -> inspect. Every stage is recorded, failures
// included; nothing here decides pass or fail, the assertions do that from the result.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { builderAtStart, conditionSettings, type BinaryCache } from '../conditions/index.ts';
import type { CallContext, NixAdapter } from '../nix/index.ts';
import type { OutputFacts, StageRecord, TaskResult } from '../result/index.ts';
import type { CaseCondition, ResolvedCase } from '../spec/index.ts';
import type { EvaluatedCase } from './evaluate-case.ts';
import { inspectOutput } from './inspect-outputs.ts';
import { reproduceCommand } from './reproduce.ts';
import { QEMU_EXTRA_KEY, runQemuStage } from './stages/index.ts';
import { buildPhases } from './stages/build-phases.ts';
import { evaluateStage, planStage } from './stages/evaluate-and-plan.ts';
import { removeTree } from './temp-root.ts';

export interface TaskDeps {
  readonly nix: NixAdapter;
  readonly cache: BinaryCache | undefined;
  readonly workRoot: string;
  readonly ctx: CallContext;
  readonly vars: Readonly<Record<string, string>>;
  /** keep the task store after the run (debugging); default false */
  readonly keep?: boolean;
}

export async function runTask(c: ResolvedCase, cc: CaseCondition, ev: EvaluatedCase, deps: TaskDeps): Promise<TaskResult> {
  const started = performance.now();
  const { nix } = deps;
  const parts = cc.condition.parts;
  const commands: string[] = [];
  const ctx: CallContext = { ...deps.ctx, onCommand: (cmd) => commands.push(cmd) };
  const stages: StageRecord[] = [];
  const dir = join(deps.workRoot, `task-${c.name}-${cc.condition.name}`);
  const store = join(dir, 'store');
  await mkdir(dir, { recursive: true });
  // The settings at the start of the task: the plan and the re-run command use these.
  const settings = conditionSettings(parts, store, deps.cache, builderAtStart(parts));

  try {
    // evaluate (once per case) and plan, shared with plan-only tasks (stages/evaluate-and-plan.ts).
    stages.push(evaluateStage(ev));
    const drvs = ev.targets.flatMap((t) => (t.drv.ok ? [t.drv.value] : []));
    const planned = await planStage(nix, ev, store, settings, ctx);
    stages.push(planned.record);
    const plan = planned.plan;

    // build, boot, build-with-builder: phase by phase on one simulated machine (stages/build-phases.ts).
    const phases = await buildPhases({ c, cc, ev, plan, store, taskDir: dir, nix, ctx, cache: deps.cache });
    const targets = phases.targets;
    if (drvs.length === 0) stages.push({ stage: 'build', status: 'skipped', durationMs: 0, reason: 'no target evaluated' });
    else stages.push(...phases.stages);

    // inspect: read what this condition's output checks name, while the store still exists.
    const i0 = performance.now();
    const outputs: OutputFacts[] = [];
    for (const check of cc.expect.outputs) {
      const target = targets.find((t) => t.name === check.target);
      const out = target?.outcome.status === 'built' ? target.outcome.outputs.out ?? Object.values(target.outcome.outputs)[0] : undefined;
      outputs.push(await inspectOutput(store, check, out));
    }
    stages.push(
      cc.expect.outputs.length > 0
        ? { stage: 'inspect', status: 'ok', durationMs: performance.now() - i0, note: `${outputs.length} file(s) read` }
        : { stage: 'inspect', status: 'skipped', durationMs: 0, reason: 'no outputs: checks for this condition' },
    );

    // qemu: the builder's command line, extracted and resolved for this host (stages/qemu-stage.ts).
    // A boot already read the line of the builder the expectations name: use that reading.
    const wanted = cc.expect.qemu?.target;
    const booted = phases.boots.find((b) => b.qemu !== undefined && (wanted === undefined || b.qemu.outcome.status !== 'ok' || b.qemu.outcome.value.target === wanted));
    const qemu = booted?.qemu ?? (await runQemuStage({ cc, targets, store, taskDir: dir, settings: phases.settings, nix, ctx }));
    stages.push(booted?.qemu ? { ...qemu.record, ...(qemu.record.status === 'ok' ? { note: `${qemu.record.note ?? ''} (read at boot)` } : {}) } : qemu.record);

    return {
      caseName: c.name,
      condition: cc.condition,
      stages,
      targets,
      plan,
      outputs,
      commands,
      reproduce: reproduceCommand(nix, c, settings, ev.overrides, cc.condition.name),
      durationMs: performance.now() - started,
      vars: deps.vars,
      nixVersion: [nix.binary.version.major, nix.binary.version.minor, nix.binary.version.patch],
      extra: { [QEMU_EXTRA_KEY]: qemu.outcome },
    };
  } finally {
    if (!deps.keep) await removeTree(dir);
  }
}
