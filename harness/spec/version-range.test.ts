import { describe, expect, it } from 'vitest';
import { inRange, parseRange, pickForVersion } from './version-range.ts';

const isString = (v: unknown): v is string => typeof v === 'string';

describe('version ranges', () => {
  it('parses comparators', () => {
    expect(parseRange('>=2.26 <2.34')).toEqual([
      { op: '>=', version: [2, 26, 0] },
      { op: '<', version: [2, 34, 0] },
    ]);
    expect(parseRange('2.8.0')).toEqual([{ op: '=', version: [2, 8, 0] }]);
    expect(parseRange('newer')).toBeUndefined();
  });

  it.each([
    [[2, 8, 0], '<2.34', true],
    [[2, 34, 8], '<2.34', false],
    [[2, 34, 8], '>=2.34', true],
    [[2, 26, 3], '>=2.26 <2.34', true],
  ] as const)('%j in %s is %s', (v, r, want) => {
    expect(inRange(v, parseRange(r)!)).toBe(want);
  });

  it('picks the value for the version, or names the ranges that did not match', () => {
    const m = { '<2.34': 'is required to build', '>=2.34': 'Reason: platform mismatch' };
    expect(pickForVersion(m, [2, 26, 3], isString)).toEqual({ ok: true, value: 'is required to build' });
    expect(pickForVersion(m, [2, 34, 8], isString)).toEqual({ ok: true, value: 'Reason: platform mismatch' });
    expect(pickForVersion({ '<2.10': 'x' }, [2, 34, 8], isString)).toEqual({ ok: false, ranges: ['<2.10'] });
    expect(pickForVersion('plain', [2, 8, 0], isString)).toEqual({ ok: true, value: 'plain' });
  });
});
