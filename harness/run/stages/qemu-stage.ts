// Stage "qemu", after build and while the task store still exists: the builder's qemu
// command line, extracted twice (statically from run-nixos-vm's text, dynamically by running
// create-builder with qemu recording), compared, and resolved by the accelerator model for
// this condition's host. Disagreement between the two extractions fails the stage with the
// argv diff; the facts go to TaskResult.extra (qemu-result.ts), the judging to
// harness/assert/check-qemu.ts.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallContext, NixAdapter, NixSettings } from '../../nix/index.ts';
import {
  compareExtractions,
  computeQemuFacts,
  findVmRunner,
  normaliseArgv,
  pickQemuSystem,
  RECORDER_SCRIPT,
} from '../../qemu/index.ts';
import type { StageRecord, TargetResult, TaskError } from '../../result/index.ts';
import type { CaseCondition } from '../../spec/index.ts';
import { builderEnv, extractWithEnv } from './builder-env.ts';
import { describeDiffs } from './describe-qemu.ts';
import { hostForParts } from './host-for-condition.ts';
import { qemuFailed, qemuOk, qemuSkipped, type QemuFailureCode, type QemuStageOutcome } from './qemu-result.ts';
import { qemuVersionFor } from './qemu-version.ts';
import { isRecorder, planRecorderCopy } from './recorder-copy.ts';
import { runBuilder, workspacePaths } from './run-builder.ts';
import { selectBuilderTarget } from './select-builder-target.ts';
import { readStoreText, storeFileExists } from './store-files.ts';

export interface QemuStageInput {
  readonly cc: CaseCondition;
  readonly targets: readonly TargetResult[];
  /** The chroot store root (`--store`), '' for the real /nix/store. */
  readonly store: string;
  /** The task's workspace; the stage works in a fresh directory under it. */
  readonly taskDir: string;
  readonly settings: NixSettings;
  readonly nix: NixAdapter;
  readonly ctx: CallContext;
}

export interface QemuStageRun {
  readonly record: StageRecord;
  readonly outcome: QemuStageOutcome;
}

/** create-builder only prepares keys and files before qemu; a minute is plenty. */
export const QEMU_STAGE_TIMEOUT_MS = 60_000;

const HINTS: Record<QemuFailureCode, string> = {
  TARGET_UNKNOWN: 'qemu.target must name one of the case targets',
  TARGET_NOT_BUILT: 'the builder package must build under this condition before its qemu line can be read',
  NO_CREATE_BUILDER: 'make the builder package (…config.nix.linux-builder.package) a target and name it in qemu.target',
  RUNNER_NOT_FOUND: 'create-builder should run /nix/store/<hash>-nixos-vm/bin/run-nixos-vm (the late-2024 layout)',
  SCRIPT_UNREADABLE: 'the builder output is incomplete in the task store',
  STATIC_EXTRACTION_FAILED: 'run-nixos-vm should end in `exec …/bin/qemu-system-<arch> …`',
  DYNAMIC_RUN_FAILED: 're-run the printed nix shell command to see create-builder fail',
  NOTHING_RECORDED: 'the qemu create-builder ran must record to $FLAKECASE_QEMU_RECORD (harness/qemu/recorder)',
  EXTRACTIONS_DISAGREE: 'the script text and what it really ran differ: a variable, a sed, or a quoting the static reader misses',
  BAD_QEMU_VERSION: "write simulate.qemu as major.minor, e.g. '11.1'",
};

export async function runQemuStage(input: QemuStageInput): Promise<QemuStageRun> {
  const t0 = performance.now();
  const done = (outcome: QemuStageOutcome, error?: TaskError): QemuStageRun => {
    const durationMs = performance.now() - t0;
    switch (outcome.status) {
      case 'skipped':
        return { outcome, record: { stage: 'qemu', status: 'skipped', durationMs: 0, reason: outcome.reason } };
      case 'failed':
        return {
          outcome,
          record: {
            stage: 'qemu',
            status: 'failed',
            durationMs,
            error: error ?? { source: 'harness', code: `QEMU_${outcome.code}`, class: 'unknown', message: outcome.message, hint: HINTS[outcome.code] },
          },
        };
      case 'ok': {
        const f = outcome.value.facts;
        const note = `${outcome.value.target}: ${f.resolution.accelerator ?? 'no accelerator'}, ${f.boots ? 'boots' : 'does not boot'} on ${f.host.name}; static = recorded (${outcome.value.argv.length} args)`;
        return { outcome, record: { stage: 'qemu', status: 'ok', durationMs, note } };
      }
      default: {
        const never: never = outcome;
        return never;
      }
    }
  };
  const fail = (code: QemuFailureCode, message: string, detail: readonly string[] = []) => done(qemuFailed(code, message, detail));

  const { cc, store } = input;
  const wanted = cc.expect.qemu?.target;
  const selection = selectBuilderTarget(input.targets, wanted, (out) => storeFileExists(store, `${out}/bin/create-builder`));
  if (selection.kind === 'none') return done(qemuSkipped(selection.reason));
  if (selection.kind === 'error') return fail(selection.code, selection.message);

  const createBuilderPath = `${selection.out}/bin/create-builder`;
  const createBuilder = readStoreText(store, createBuilderPath);
  if (!createBuilder.ok) return fail('SCRIPT_UNREADABLE', createBuilder.message);
  const runner = findVmRunner(createBuilder.text);
  if (!runner.ok) return fail('RUNNER_NOT_FOUND', `${createBuilderPath}: ${runner.error.message}`, runner.error.candidates);
  const runnerText = readStoreText(store, runner.path);
  if (!runnerText.ok) return fail('SCRIPT_UNREADABLE', runnerText.message);

  const workspace = join(input.taskDir, 'builder');
  const paths = workspacePaths(workspace);
  const env = builderEnv(runnerText.text, createBuilder.text, { TMPDIR: paths.tmp, USE_TMPDIR: '1', ...cc.condition.parts.env });
  const extracted = extractWithEnv(runnerText.text, env);
  if (!extracted.ok) return fail('STATIC_EXTRACTION_FAILED', `${runner.path}: ${extracted.error.message}`);
  const stat = extracted.value;
  const version = qemuVersionFor(cc.condition.parts.qemuVersion, stat.program);
  if (!version.ok) return fail('BAD_QEMU_VERSION', version.message);

  // The stand-ins' qemu is a recorder already; a real QEMU is replaced in copies of the scripts.
  const program = readStoreText(store, stat.program, 64 * 1024);
  const copy =
    program.ok && isRecorder(program.text)
      ? undefined
      : planRecorderCopy({ workspace, createBuilder: createBuilder.text, runnerPath: runner.path, runnerScript: runnerText.text, recorderScript: fileURLToPath(RECORDER_SCRIPT) });

  const ran = await runBuilder({
    nix: input.nix,
    settings: input.settings,
    ctx: input.ctx,
    builderOut: selection.out,
    workspace,
    env,
    copy,
    timeoutMs: Math.min(input.ctx.timeoutMs, QEMU_STAGE_TIMEOUT_MS),
  });
  if (!ran.ok) {
    const killed = ran.killed.length > 0 ? [`killed what it left running: pid ${ran.killed.join(', ')}`] : [];
    const outcome = qemuFailed('DYNAMIC_RUN_FAILED', `create-builder failed: ${ran.error.message.split('\n')[0] ?? ''}`, [...ran.error.stderrTail.split('\n'), ...killed]);
    return done(outcome, { source: 'nix', nix: ran.error });
  }
  const picked = pickQemuSystem(ran.recording);
  if (!picked.ok) {
    const problems = ran.recording.problems.map((p) => `recording line ${p.line}: ${p.code} ${p.message}`);
    return fail('NOTHING_RECORDED', picked.error.message, [...problems, ...ran.stderr.split('\n').slice(-15)]);
  }

  const comparison = compareExtractions(stat, picked.value, { tempDirs: [workspace] });
  if (!comparison.equal) {
    const programLine = comparison.program.equal ? [] : [`program: script ${comparison.program.static}, recorded ${comparison.program.dynamic}`];
    const detail = [...programLine, ...describeDiffs(comparison.diffs)];
    return done(qemuFailed('EXTRACTIONS_DISAGREE', `${runner.path}: the qemu line read from the script and the one recorded differ in ${detail.length} place(s)`, detail, comparison.diffs));
  }

  const argv = picked.value.args;
  const facts = computeQemuFacts({ program: stat.program, argv, host: hostForParts(cc.condition.parts, version.version) });
  return done(
    qemuOk({
      target: selection.target,
      builderOut: selection.out,
      runner: runner.path,
      mode: copy ? 'recorder-copy' : 'recorder-in-store',
      env: env.vars,
      qemuVersion: version.version,
      qemuVersionSource: version.source,
      static: { program: stat.program, argv: stat.argv, line: stat.line, unresolved: stat.unresolved.map((u) => u.ref) },
      dynamic: { program: picked.value.program, argv },
      wildcards: comparison.wildcards,
      argv,
      normalisedArgv: normaliseArgv(argv, { tempDirs: [workspace] }),
      facts,
      killedStragglers: ran.killed,
    }),
  );
}
