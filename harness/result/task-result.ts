// One typed record per (case, condition) task: what each stage did, what each target became,
// what the outputs hold, and every nix command that ran. Assertions and reporters read only this.
import type { Condition } from '../conditions/index.ts';
import type { NixError } from '../nix/index.ts';

export type StageName = 'evaluate' | 'plan' | 'build' | 'inspect' | 'qemu' | 'boot' | 'build-with-builder';

/** `phase` names the case phase a build/boot stage belongs to, when the case has several. */
export type StageRecord =
  | { readonly stage: StageName; readonly status: 'ok'; readonly durationMs: number; readonly note?: string; readonly phase?: string }
  | { readonly stage: StageName; readonly status: 'failed'; readonly durationMs: number; readonly error: TaskError; readonly phase?: string }
  | { readonly stage: StageName; readonly status: 'skipped'; readonly durationMs: 0; readonly reason: string; readonly phase?: string };

/** A nix failure, or a failure flakecase itself detected (the builder did not boot, ...). */
export type TaskError =
  | { readonly source: 'nix'; readonly nix: NixError }
  | {
      readonly source: 'harness';
      readonly code: string;
      readonly class: 'builder-did-not-boot' | 'unknown';
      readonly message: string;
      readonly hint: string;
    };

export interface PlannedDerivation {
  readonly drvPath: string;
  readonly name: string;
  readonly system: string;
}

export interface Plan {
  readonly toBuild: readonly PlannedDerivation[];
  readonly toFetch: readonly string[];
}

export type TargetOutcome =
  | {
      readonly status: 'built';
      readonly outputs: Readonly<Record<string, string>>;
      /** built here, fetched from the cache, already in the store, or built on the simulated Linux builder */
      readonly how: 'built' | 'fetched' | 'present' | 'built-on-builder';
      readonly stage: StageName;
    }
  | { readonly status: 'failed'; readonly error: TaskError; readonly stage: StageName }
  | { readonly status: 'not-evaluated'; readonly error: TaskError }
  | { readonly status: 'skipped'; readonly reason: string };

export interface TargetResult {
  readonly name: string;
  readonly attribute: string;
  readonly drvPath: string | undefined;
  readonly outcome: TargetOutcome;
}

export interface OutputFacts {
  readonly target: string;
  readonly path: string;
  /** absolute path in the task's store as nix names it (/nix/store/…) */
  readonly storePath: string | undefined;
  readonly exists: boolean;
  readonly executable: boolean;
  /** file content, when it is a readable file of reasonable size */
  readonly content: string | undefined;
  /** names (after the hash) of the store paths the file mentions */
  readonly references: readonly string[];
}

export interface TaskResult {
  readonly caseName: string;
  readonly condition: Condition;
  readonly stages: readonly StageRecord[];
  readonly targets: readonly TargetResult[];
  readonly plan: Plan | undefined;
  readonly outputs: readonly OutputFacts[];
  /** every nix command that ran for this task, shell-quoted, in order */
  readonly commands: readonly string[];
  /** one command that reproduces the task's builds from scratch, from the user's checkout */
  readonly reproduce: string;
  readonly durationMs: number;
  /** the nix that ran the task, [major, minor, patch] */
  readonly nixVersion: readonly [number, number, number];
  /** values substituted into expectation strings ({{cores}}) */
  readonly vars: Readonly<Record<string, string>>;
  /** Extra facts later stages add (qemu line, boot outcome); reporters show what they know. */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A nix failure as a task error (the common case). */
export function nixTaskError(nix: NixError): TaskError {
  return { source: 'nix', nix };
}

export function errorClass(e: TaskError): string {
  return e.source === 'nix' ? e.nix.failure.kind : e.class;
}

export function errorMessage(e: TaskError): string {
  return e.source === 'nix' ? `${e.nix.message}\n${e.nix.stderrTail}` : e.message;
}

export function errorSummary(e: TaskError): string {
  return e.source === 'nix' ? e.nix.message.split('\n')[0] ?? '' : e.message;
}
