// The resolved case: defaults applied, conditions materialised, targets named. Code past the
// loader sees only this type.
import type { Condition } from '../conditions/index.ts';
import type { LinePos } from './errors.ts';
import type { ErrorExpectation, OutputCheck, QemuExpectationSpec } from './schema.ts';
import type { Locator } from './validate.ts';

export interface ResolvedTarget {
  readonly name: string;
  readonly attribute: string;
  /** index into ResolvedCase.phases */
  readonly phase: number;
}

export interface LinuxBuilderRef {
  /** target whose output is the nix.linux-builder.package */
  readonly package: string;
  /** target whose output has etc/nix/machines */
  readonly machines: string;
}

export interface ResolvedPhase {
  readonly name: string;
  readonly targets: readonly string[];
  readonly linuxBuilder: LinuxBuilderRef | undefined;
}

/** 'any' = not checked for this target (another expectation says what must hold). */
export type BuildExpectation = 'ok' | 'fails' | 'any';

export interface ResolvedOutputCheck extends OutputCheck {
  readonly target: string;
  /** index in the written outputs list, to point at it in messages */
  readonly index: number;
}

export interface ResolvedExpectations {
  readonly build: Readonly<Record<string, BuildExpectation>>;
  readonly error: ErrorExpectation | undefined;
  readonly outputs: readonly ResolvedOutputCheck[];
  readonly qemu: QemuExpectationSpec | undefined;
}

export interface CaseCondition {
  readonly condition: Condition;
  readonly expect: ResolvedExpectations;
  /** where this condition is written in case.yaml */
  readonly linePos: LinePos | undefined;
}

export interface ResolvedCase {
  readonly name: string;
  /** absolute directory of the case */
  readonly dir: string;
  /** case.yaml path as given to the loader (relative paths read better in messages) */
  readonly file: string;
  readonly description: string;
  /** input name -> absolute directory of its offline stand-in */
  readonly inputs: Readonly<Record<string, string>>;
  /** every target of every phase, in build order */
  readonly targets: readonly ResolvedTarget[];
  /** at least one: the top-level targets form the first phase */
  readonly phases: readonly ResolvedPhase[];
  readonly conditions: readonly CaseCondition[];
  readonly timeoutMs: number;
  readonly locate: Locator;
}
