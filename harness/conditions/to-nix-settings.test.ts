import { describe, expect, it } from 'vitest';
import { BUILTIN_CONDITIONS, declareCondition } from './condition.ts';
import { builderAtStart, conditionSettings } from './to-nix-settings.ts';

const cache = { uri: 'file:///tmp/cache', publicKey: 'flakecase-upstream-1:abc=' };

describe('conditionSettings', () => {
  it('hvf: a Mac with a running aarch64-linux builder and the upstream cache', () => {
    const p = BUILTIN_CONDITIONS.hvf.parts;
    expect(conditionSettings(p, '/s', cache, builderAtStart(p))).toEqual({
      store: '/s',
      system: 'aarch64-darwin',
      extraPlatforms: ['aarch64-linux'],
      substituters: ['file:///tmp/cache'],
      trustedPublicKeys: ['flakecase-upstream-1:abc='],
      requireSigs: true,
    });
  });

  it.each(['no-hvf', 'no-builder'] as const)('%s starts with no Linux builder', (name) => {
    const p = BUILTIN_CONDITIONS[name].parts;
    const s = conditionSettings(p, '/s', cache, builderAtStart(p));
    expect(s.extraPlatforms).toEqual([]);
    expect(s.system).toBe('aarch64-darwin');
  });

  it('an empty cache means no substituter at all', () => {
    const c = declareCondition('bare', undefined, { like: 'no-builder', cache: 'empty' });
    expect(conditionSettings(c.parts, '/s', cache, builderAtStart(c.parts)).substituters).toEqual([]);
  });

  it('a declared condition keeps the parts it does not replace', () => {
    const c = declareCondition('new-qemu', undefined, { like: 'hvf', qemu: '11.1', env: { QEMU_OPTS: '-machine gic-version=max' } });
    expect(c.parts).toMatchObject({ hvf: 'available', builder: 'running', qemuVersion: '11.1', env: { QEMU_OPTS: '-machine gic-version=max' } });
    expect(c.builtin).toBe(false);
  });
});
