// Stage "boot": a condition whose Linux builder comes from the configuration (no-hvf,
// no-builder) gets one only if the configured builder package comes up on this host. Its
// create-builder is run (with the environment its launchd daemon sets) with qemu recording,
// and the accelerator model decides whether that qemu line boots here. If it does, the
// builder serves what the configuration's /etc/nix/machines says it serves.
import { join } from 'node:path';
import type { StageRecord, TargetResult, TaskError } from '../../result/index.ts';
import type { CaseCondition, LinuxBuilderRef } from '../../spec/index.ts';
import { parseMachines } from '../machines-file.ts';
import type { QemuStageInput, QemuStageRun } from './qemu-stage.ts';
import { runQemuStage } from './qemu-stage.ts';
import { outPathOf } from './select-builder-target.ts';
import { readStoreText } from './store-files.ts';

export interface RunningBuilder {
  /** where it came from: the condition (a Mac whose builder already runs) or a target that booted */
  readonly source: 'condition' | { readonly target: string };
  readonly systems: readonly string[];
  readonly maxJobs: number | undefined;
  readonly supportedFeatures: readonly string[];
}

export type BootOutcome =
  | { readonly kind: 'booted'; readonly builder: RunningBuilder; readonly record: StageRecord; readonly qemu: QemuStageRun }
  | { readonly kind: 'did-not-boot'; readonly error: TaskError; readonly record: StageRecord; readonly qemu: QemuStageRun }
  | { readonly kind: 'not-attempted'; readonly record: StageRecord; readonly qemu: QemuStageRun | undefined };

export function didNotBoot(target: string, run: QemuStageRun): TaskError | undefined {
  if (run.outcome.status !== 'ok' || run.outcome.value.facts.boots) return undefined;
  const f = run.outcome.value.facts;
  const exit = f.resolution.exit;
  const how = exit.kind === 'abort' ? `QEMU aborts (${exit.signal})` : exit.kind === 'exit' ? `QEMU exits with status ${exit.code}` : 'QEMU stops';
  return {
    source: 'harness',
    code: 'BUILDER_DID_NOT_BOOT',
    class: 'builder-did-not-boot',
    message: `the Linux builder of target ${target} does not boot on ${f.host.name} (QEMU ${f.host.qemuVersion}): ${how}\n${f.resolution.lines.join('\n')}`,
    hint: "Its qemu line asks for an accelerator this host cannot use without falling back: remove accel=hvf for hosts without HVF (an override like the story's), or start it with QEMU_OPTS that fix the machine options.",
  };
}

export async function bootBuilder(
  lb: LinuxBuilderRef,
  targets: readonly TargetResult[],
  base: Omit<QemuStageInput, 'cc' | 'targets'> & { readonly cc: CaseCondition },
  phase: string,
): Promise<BootOutcome> {
  const t0 = performance.now();
  const pkg = targets.find((t) => t.name === lb.package);
  if (!pkg || outPathOf(pkg) === undefined) {
    const reason = `the builder package (target ${lb.package}) did not build, so there is nothing to start`;
    return { kind: 'not-attempted', record: { stage: 'boot', status: 'skipped', durationMs: 0, reason, phase }, qemu: undefined };
  }
  // The qemu stage reads the package target's create-builder; point it there explicitly.
  const cc: CaseCondition = { ...base.cc, expect: { ...base.cc.expect, qemu: { ...(base.cc.expect.qemu ?? {}), target: lb.package } } };
  const qemu = await runQemuStage({ ...base, cc, targets, taskDir: join(base.taskDir, `boot-${phase}`) });
  const durationMs = performance.now() - t0;
  if (qemu.outcome.status !== 'ok') {
    const error: TaskError =
      qemu.record.status === 'failed'
        ? qemu.record.error
        : { source: 'harness', code: 'BOOT_NOT_READ', class: 'unknown', message: `could not read the builder's qemu line: ${qemu.outcome.status === 'skipped' ? qemu.outcome.reason : ''}`, hint: 'See the qemu stage.' };
    return { kind: 'did-not-boot', error, record: { stage: 'boot', status: 'failed', durationMs, error, phase }, qemu };
  }
  const notBooting = didNotBoot(lb.package, qemu);
  if (notBooting) return { kind: 'did-not-boot', error: notBooting, record: { stage: 'boot', status: 'failed', durationMs, error: notBooting, phase }, qemu };

  const machinesTarget = targets.find((t) => t.name === lb.machines);
  const machinesOut = machinesTarget ? outPathOf(machinesTarget) : undefined;
  const text = machinesOut ? readStoreText(base.store, `${machinesOut}/etc/nix/machines`) : undefined;
  const machine = text?.ok ? parseMachines(text.text).machines[0] : undefined;
  const facts = qemu.outcome.value.facts;
  const builder: RunningBuilder = {
    source: { target: lb.package },
    // Without a readable machines file, fall back to what a nix-darwin linux-builder serves by default.
    systems: machine?.systems.length ? machine.systems : ['aarch64-linux'],
    maxJobs: machine?.maxJobs,
    supportedFeatures: machine?.supportedFeatures ?? [],
  };
  const served = machine ? `serves ${builder.systems.join(',')} (maxJobs ${builder.maxJobs}) per ${lb.machines}:etc/nix/machines` : `no etc/nix/machines in ${lb.machines}; assuming aarch64-linux`;
  const note = `${lb.package} boots with ${facts.resolution.accelerator ?? '?'} on ${facts.host.name}; ${served}`;
  return { kind: 'booted', builder, record: { stage: 'boot', status: 'ok', durationMs, note, phase }, qemu };
}
