// qemu: the builder's command line on this condition's host, from the qemu stage's facts,
// checked with harness/qemu checkQemuExpectation. Mismatches point into the case.yaml
// (conditions.<c>.qemu.<key>). A qemu block whose stage did not run is a mismatch saying why,
// never a pass; a stage that failed (the script text and the recorded run disagree) is a
// mismatch even without a qemu block, since every other fact about the builder rests on it.
import { checkQemuExpectation, type QemuExpectation } from '../qemu/index.ts';
import type { TaskResult } from '../result/index.ts';
import { qemuOutcomeOf } from '../run/stages/index.ts';
import type { CaseCondition, QemuExpectationSpec } from '../spec/index.ts';
import type { Mismatch } from './mismatch.ts';

function show(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// `machine.gic-version` -> ['machine', 'gic-version']; only the first dot separates.
function keyPath(key: string): string[] {
  const dot = key.indexOf('.');
  return dot < 0 ? [key] : [key.slice(0, dot), key.slice(dot + 1)];
}

/** The part of the spec checkQemuExpectation judges (target selects, snapshot is vitest's). */
export function expectationOf(spec: QemuExpectationSpec): QemuExpectation {
  const { target: _target, snapshot: _snapshot, ...rest } = spec;
  return rest;
}

export function checkQemu(cc: CaseCondition, result: TaskResult): Mismatch[] {
  const name = cc.condition.name;
  const spec = cc.expect.qemu;
  const base = ['conditions', name, 'qemu'];
  const outcome = qemuOutcomeOf(result);

  if (outcome?.status === 'failed') {
    return [
      {
        path: spec ? base : ['conditions', name],
        expected: "the builder's qemu line, read from the script and recorded from a run, the same",
        actual: `qemu stage failed (${outcome.code}): ${outcome.message}`,
        ...(outcome.detail.length > 0 ? { detail: outcome.detail.join('\n') } : {}),
      },
    ];
  }
  if (spec === undefined) return [];
  if (outcome === undefined || outcome.status === 'skipped') {
    return [
      {
        path: spec.target !== undefined ? [...base, 'target'] : base,
        expected: `qemu facts for ${spec.target !== undefined ? `target ${spec.target}` : 'the builder'}`,
        actual: `the qemu stage did not run: ${outcome?.reason ?? 'this result has no qemu record'}`,
      },
    ];
  }

  // What the model made of the line is printed once per failure (harness/report), not here.
  return checkQemuExpectation(expectationOf(spec), outcome.value.facts, result.vars).map((m) => ({
    path: [...base, ...keyPath(m.key)],
    expected: `${m.key} ${show(m.expected)}`,
    // args-* say which argument offends; the others show the value the line has.
    actual: m.key.startsWith('args-') ? m.message.replace(/^[^:]*: /, '') : `${m.key} ${show(m.actual)}`,
  }));
}
