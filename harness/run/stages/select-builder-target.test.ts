import { describe, expect, it } from 'vitest';
import { makeNixError } from '../../nix/index.ts';
import type { TargetResult } from '../../result/index.ts';
import { selectBuilderTarget } from './select-builder-target.ts';

const built = (name: string, out: string): TargetResult => ({
  name,
  attribute: `x.${name}`,
  drvPath: `/nix/store/${'a'.repeat(32)}-${name}.drv`,
  outcome: { status: 'built', outputs: { out }, how: 'built', stage: 'build' },
});
const failed = (name: string): TargetResult => ({
  name,
  attribute: `x.${name}`,
  drvPath: undefined,
  outcome: {
    status: 'failed',
    stage: 'build',
    error: { source: 'nix', nix: makeNixError({ kind: 'missing-builder', drvPath: '/nix/store/x.drv', requiredSystem: 'aarch64-linux', requiredFeatures: [], hostSystem: 'aarch64-darwin', form: 'one-line' }, ['nix'], 1, '') },
  },
});
const SYSTEM = built('system', '/nix/store/sys');
const BUILDER = built('builder', '/nix/store/bld');
const hasCreateBuilder = (out: string) => out === '/nix/store/bld';

describe('selectBuilderTarget', () => {
  it('takes the first built target with bin/create-builder when qemu.target is not given', () => {
    expect(selectBuilderTarget([SYSTEM, BUILDER], undefined, hasCreateBuilder)).toEqual({ kind: 'selected', target: 'builder', out: '/nix/store/bld' });
  });

  it('says why nothing was selected', () => {
    const r = selectBuilderTarget([SYSTEM, failed('builder')], undefined, hasCreateBuilder);
    expect(r.kind).toBe('none');
    expect(r.kind === 'none' && r.reason).toMatch(/not built: builder: /);
    expect(selectBuilderTarget([SYSTEM], undefined, hasCreateBuilder)).toEqual({ kind: 'none', reason: 'no target has bin/create-builder' });
  });

  it('checks a named target: unknown, not built, or not a builder package', () => {
    expect(selectBuilderTarget([SYSTEM, BUILDER], 'vm', hasCreateBuilder)).toMatchObject({ kind: 'error', code: 'TARGET_UNKNOWN' });
    expect(selectBuilderTarget([failed('builder')], 'builder', hasCreateBuilder)).toMatchObject({ kind: 'error', code: 'TARGET_NOT_BUILT' });
    expect(selectBuilderTarget([SYSTEM, BUILDER], 'system', hasCreateBuilder)).toMatchObject({ kind: 'error', code: 'NO_CREATE_BUILDER' });
    expect(selectBuilderTarget([SYSTEM, BUILDER], 'builder', hasCreateBuilder)).toMatchObject({ kind: 'selected', target: 'builder' });
  });
});
