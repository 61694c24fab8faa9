// The pure checks on hand-made task results: what a mismatch says and where it points.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CONDITIONS } from '../conditions/index.ts';
import { classifyStderr, makeNixError } from '../nix/index.ts';
import type { TargetResult, TaskResult } from '../result/index.ts';
import type { CaseCondition } from '../spec/index.ts';
import { checkTask } from './check-task.ts';

const ONE_LINE = "error: a 'aarch64-linux' with features {} is required to build '/nix/store/0123456789abcdfghijklmnpqrsvwxyz-nixos-disk-image.drv', but I am a 'aarch64-darwin' with features {}";

function failed(stderr: string): TargetResult {
  const nix = makeNixError(classifyStderr(stderr), ['nix', 'build'], 1, stderr);
  return { name: 'image', attribute: 'img', drvPath: undefined, outcome: { status: 'failed', error: { source: 'nix', nix }, stage: 'build' } };
}

function result(targets: TargetResult[], outputs: TaskResult['outputs'] = []): TaskResult {
  return {
    caseName: 'c', condition: BUILTIN_CONDITIONS['no-builder'], stages: [], targets, plan: undefined, outputs,
    commands: [], reproduce: 'nix build', durationMs: 1, vars: { cores: '8' }, nixVersion: [2, 8, 0], extra: {},
  };
}

function cond(expect: Partial<CaseCondition['expect']>): CaseCondition {
  return { condition: BUILTIN_CONDITIONS['no-builder'], linePos: undefined, expect: { build: { image: 'fails' }, error: undefined, outputs: [], qemu: undefined, ...expect } };
}

describe('checkTask', () => {
  it('passes when the missing-builder error has the expected system and drv', () => {
    const c = cond({ error: { class: 'missing-builder', system: 'aarch64-linux', drv: 'disk-image$' } });
    expect(checkTask(c, result([failed(ONE_LINE)]))).toEqual([]);
  });

  it('names each broken part of an error expectation', () => {
    const c = cond({ error: { class: 'eval-error', system: 'x86_64-linux', drv: '^vm$' } });
    const m = checkTask(c, result([failed(ONE_LINE)]));
    expect(m.map((x) => x.path.join('.'))).toEqual(['conditions.no-builder.error.class', 'conditions.no-builder.error.system', 'conditions.no-builder.error.drv']);
    expect(m[0]).toMatchObject({ expected: 'eval-error', actual: 'missing-builder' });
  });

  it('says a target built when it was expected to fail', () => {
    const ok: TargetResult = { name: 'image', attribute: 'img', drvPath: '/nix/store/x.drv', outcome: { status: 'built', outputs: { out: '/nix/store/y' }, how: 'fetched', stage: 'build' } };
    const m = checkTask(cond({}), result([ok]));
    expect(m).toEqual([{ path: ['conditions', 'no-builder', 'build'], expected: 'target image fails', actual: 'target image ok (fetched)' }]);
  });

  it('picks the message regex for the running nix version', () => {
    const c = cond({ error: { class: 'missing-builder', message: { '<2.34': 'is required to build', '>=2.34': 'platform mismatch' } } });
    expect(checkTask(c, result([failed(ONE_LINE)]))).toEqual([]);
    const newer = { ...result([failed(ONE_LINE)]), nixVersion: [2, 34, 8] as const };
    expect(checkTask(c, newer)[0]?.path.join('.')).toBe('conditions.no-builder.error.message');
  });

  it('substitutes {{cores}} and reports the offending line for not-matches', () => {
    const outputs = [{ target: 'image', path: 'bin/run', storePath: '/nix/store/y/bin/run', exists: true, executable: true, content: 'a\n-smp 8 \\\n-machine virt,accel=hvf:tcg\n', references: [] }];
    const c = cond({ build: { image: 'any' }, outputs: [{ target: 'image', path: 'bin/run', index: 0, matches: '-smp {{cores}} ', 'not-matches': 'accel=hvf' }] });
    const m = checkTask(c, result([], outputs));
    expect(m).toEqual([{ path: ['conditions', 'no-builder', 'outputs', 0, 'not-matches'], expected: 'image:bin/run does not match /accel=hvf/', actual: 'line 3 does: -machine virt,accel=hvf:tcg' }]);
  });
});
