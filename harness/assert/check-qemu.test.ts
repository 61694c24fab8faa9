import { describe, expect, it } from 'vitest';
import { BUILTIN_CONDITIONS } from '../conditions/index.ts';
import { githubMacosRunner, appleSiliconMac, computeQemuFacts } from '../qemu/index.ts';
import { upstreamArgv, storyOverrideArgv, QEMU_PROGRAM } from '../qemu/fixtures/upstream-argv.ts';
import type { TaskResult } from '../result/index.ts';
import { QEMU_EXTRA_KEY, type QemuStageFacts, type QemuStageOutcome } from '../run/stages/index.ts';
import type { CaseCondition, QemuExpectationSpec } from '../spec/index.ts';
import { checkQemu } from './check-qemu.ts';
import { checkTask } from './check-task.ts';

const KIND = 'flakecase.qemu-stage' as const;

function stageFacts(argv: string[], hvf: 'no-hvf' | 'hvf'): QemuStageFacts {
  const host = hvf === 'hvf' ? appleSiliconMac('9.1') : githubMacosRunner('9.1');
  const facts = computeQemuFacts({ program: QEMU_PROGRAM, argv, host });
  return {
    target: 'builder',
    builderOut: '/nix/store/vv18fjcs3rhh4aays28nvda5anmrgqhh-create-builder',
    runner: '/nix/store/jl1hry7366zmqqq7wbm95p3cvx7sw9vw-nixos-vm/bin/run-nixos-vm',
    mode: 'recorder-in-store',
    env: {},
    qemuVersion: '9.1',
    qemuVersionSource: { from: 'store-path', path: QEMU_PROGRAM },
    static: { program: QEMU_PROGRAM, argv, line: 75, unresolved: [] },
    dynamic: { program: 'qemu-system-aarch64', argv },
    wildcards: [],
    argv,
    normalisedArgv: argv,
    facts,
    killedStragglers: [],
  };
}

function result(outcome: QemuStageOutcome | undefined, vars: Record<string, string> = { cores: '2' }): TaskResult {
  return {
    caseName: 'c',
    condition: BUILTIN_CONDITIONS['no-hvf'],
    stages: [],
    targets: [],
    plan: undefined,
    outputs: [],
    commands: [],
    reproduce: '',
    durationMs: 0,
    nixVersion: [2, 8, 0],
    vars,
    extra: outcome === undefined ? {} : { [QEMU_EXTRA_KEY]: outcome },
  };
}

function cc(qemu: QemuExpectationSpec | undefined): CaseCondition {
  return { condition: BUILTIN_CONDITIONS['no-hvf'], expect: { build: {}, error: undefined, outputs: [], qemu }, linePos: undefined };
}

const ok = (argv: string[], hvf: 'no-hvf' | 'hvf' = 'no-hvf'): QemuStageOutcome => ({ kind: KIND, status: 'ok', value: stageFacts(argv, hvf) });

describe('checkQemu', () => {
  it('passes when the line does what the block says', () => {
    const spec: QemuExpectationSpec = { accelerator: 'none', boots: false, message: 'HV_UNSUPPORTED', machine: { type: 'virt', 'gic-version': '2' }, smp: 1, memory: 3072, snapshot: true, target: 'builder' };
    expect(checkQemu(cc(spec), result(ok(upstreamArgv('loglevel=4'))))).toEqual([]);
  });

  it('points each mismatch at its key in case.yaml', () => {
    const spec: QemuExpectationSpec = { accelerator: 'tcg', boots: true, machine: { 'gic-version': '3' }, smp: '{{cores}}', 'args-absent': ['accel=hvf'] };
    const m = checkQemu(cc(spec), result(ok(upstreamArgv('loglevel=4'))));
    expect(m.map((x) => x.path.join('.'))).toEqual([
      'conditions.no-hvf.qemu.accelerator',
      'conditions.no-hvf.qemu.boots',
      'conditions.no-hvf.qemu.machine.gic-version',
      'conditions.no-hvf.qemu.smp',
      'conditions.no-hvf.qemu.args-absent',
    ]);
    expect(m[0]).toMatchObject({ expected: 'accelerator tcg', actual: 'accelerator none' });
    expect(m[3]).toMatchObject({ expected: 'smp 2', actual: 'smp 1' });
    expect(m[4]?.actual).toBe('"accel=hvf" appears in "virt,gic-version=2,accel=hvf:tcg"');
  });

  it("substitutes {{cores}} and sees the story's override boot with tcg", () => {
    const spec: QemuExpectationSpec = { accelerator: 'tcg', boots: true, smp: '{{cores}}', 'args-absent': ['accel='] };
    expect(checkQemu(cc(spec), result(ok(storyOverrideArgv('loglevel=4', 6)), { cores: '6' }))).toEqual([]);
    expect(checkQemu(cc(spec), result(ok(storyOverrideArgv('loglevel=4', 6)), { cores: '2' })).map((x) => x.path.at(-1))).toEqual(['smp']);
  });

  it('never passes a qemu block the stage did not fill, and says why', () => {
    const skipped: QemuStageOutcome = { kind: KIND, status: 'skipped', reason: 'no target has bin/create-builder' };
    expect(checkQemu(cc({ boots: true }), result(skipped))).toEqual([
      { path: ['conditions', 'no-hvf', 'qemu'], expected: 'qemu facts for the builder', actual: 'the qemu stage did not run: no target has bin/create-builder' },
    ]);
    expect(checkQemu(cc({ boots: true, target: 'builder' }), result(undefined))[0]).toMatchObject({
      path: ['conditions', 'no-hvf', 'qemu', 'target'],
      actual: 'the qemu stage did not run: this result has no qemu record',
    });
    expect(checkQemu(cc(undefined), result(skipped))).toEqual([]);
  });

  it('fails a task whose extractions disagree, with or without a qemu block', () => {
    const failed: QemuStageOutcome = { kind: KIND, status: 'failed', code: 'EXTRACTIONS_DISAGREE', message: 'differ in 1 place(s)', detail: ['recorded #49 "-smp" is not in the script'], diffs: [] };
    const without = checkQemu(cc(undefined), result(failed));
    expect(without).toEqual([
      {
        path: ['conditions', 'no-hvf'],
        expected: "the builder's qemu line, read from the script and recorded from a run, the same",
        actual: 'qemu stage failed (EXTRACTIONS_DISAGREE): differ in 1 place(s)',
        detail: 'recorded #49 "-smp" is not in the script',
      },
    ]);
    expect(checkQemu(cc({ boots: true }), result(failed))[0]?.path).toEqual(['conditions', 'no-hvf', 'qemu']);
  });

  it('is part of checkTask by default', () => {
    expect(checkTask(cc({ boots: true }), result(ok(upstreamArgv('')))).map((x) => x.path.join('.'))).toEqual(['conditions.no-hvf.qemu.boots']);
  });
});
