// What the qemu stage leaves in TaskResult.extra: a tagged record, read back through
// `qemuOutcomeOf` (a type guard on the tag, so callers never cast `extra` themselves).
// Facts only; judging them is harness/assert/check-qemu.ts's job.
import type { ArgDiff, QemuFacts, QemuVersion, WildcardMatch } from '../../qemu/index.ts';
import type { TaskResult } from '../../result/index.ts';

/** Key of the qemu record in TaskResult.extra. */
export const QEMU_EXTRA_KEY = 'qemu';
const KIND = 'flakecase.qemu-stage';

/** How the dynamic extraction ran: the store's own qemu is a recorder (the stand-ins), or the
 * harness ran copies of the scripts pointed at its recorder (real nixpkgs). */
export type DynamicMode = 'recorder-in-store' | 'recorder-copy';

export type QemuVersionSource =
  | { readonly from: 'condition'; readonly written: string }
  | { readonly from: 'store-path'; readonly path: string }
  | { readonly from: 'default'; readonly why: string };

export interface QemuStageFacts {
  /** The case target whose bin/create-builder ran, and its output path. */
  readonly target: string;
  readonly builderOut: string;
  /** The run-nixos-vm create-builder runs (static, from its text). */
  readonly runner: string;
  readonly mode: DynamicMode;
  /** Environment create-builder started with, as the condition sets it (QEMU_OPTS, ...). */
  readonly env: Readonly<Record<string, string>>;
  readonly qemuVersion: QemuVersion;
  readonly qemuVersionSource: QemuVersionSource;
  /** Static extraction from run-nixos-vm's text; `{{unresolved:X}}` where the environment decides. */
  readonly static: { readonly program: string; readonly argv: readonly string[]; readonly line: number; readonly unresolved: readonly string[] };
  /** What the recorder saw when create-builder really ran. */
  readonly dynamic: { readonly program: string; readonly argv: readonly string[] };
  /** Unresolved static parts and what the recording had there. */
  readonly wildcards: readonly WildcardMatch[];
  /** The argv the facts are about (the recorded one), and the same with store hashes and
   * temporary directories replaced, for snapshots. */
  readonly argv: readonly string[];
  readonly normalisedArgv: readonly string[];
  /** Merged machine, accelerator resolution, boots, QEMU's lines: for this condition's host. */
  readonly facts: QemuFacts;
  /** Processes of the run found alive afterwards and killed (should be empty). */
  readonly killedStragglers: readonly number[];
}

export type QemuFailureCode =
  | 'TARGET_UNKNOWN'
  | 'TARGET_NOT_BUILT'
  | 'NO_CREATE_BUILDER'
  | 'RUNNER_NOT_FOUND'
  | 'SCRIPT_UNREADABLE'
  | 'STATIC_EXTRACTION_FAILED'
  | 'DYNAMIC_RUN_FAILED'
  | 'NOTHING_RECORDED'
  | 'EXTRACTIONS_DISAGREE'
  | 'BAD_QEMU_VERSION';

export type QemuStageOutcome =
  | { readonly kind: typeof KIND; readonly status: 'ok'; readonly value: QemuStageFacts }
  | {
      readonly kind: typeof KIND;
      readonly status: 'failed';
      readonly code: QemuFailureCode;
      readonly message: string;
      /** Lines that show the problem (the argv diff, the script's stderr). */
      readonly detail: readonly string[];
      readonly diffs: readonly ArgDiff[];
    }
  | { readonly kind: typeof KIND; readonly status: 'skipped'; readonly reason: string };

export function qemuOk(value: QemuStageFacts): QemuStageOutcome {
  return { kind: KIND, status: 'ok', value };
}

export function qemuFailed(code: QemuFailureCode, message: string, detail: readonly string[] = [], diffs: readonly ArgDiff[] = []): QemuStageOutcome {
  return { kind: KIND, status: 'failed', code, message, detail, diffs };
}

export function qemuSkipped(reason: string): QemuStageOutcome {
  return { kind: KIND, status: 'skipped', reason };
}

function isQemuStageOutcome(value: unknown): value is QemuStageOutcome {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === KIND;
}

/** The qemu stage's record in a result, or undefined when the stage never ran (older results). */
export function qemuOutcomeOf(result: Pick<TaskResult, 'extra'>): QemuStageOutcome | undefined {
  const value = result.extra[QEMU_EXTRA_KEY];
  return isQemuStageOutcome(value) ? value : undefined;
}

/** The facts, when the stage ran to the end. */
export function qemuFactsOf(result: Pick<TaskResult, 'extra'>): QemuStageFacts | undefined {
  const outcome = qemuOutcomeOf(result);
  return outcome?.status === 'ok' ? outcome.value : undefined;
}
