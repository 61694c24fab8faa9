import { expect, it } from 'vitest';
import { BUILTIN_CONDITIONS, BUILTIN_CONDITION_NAMES, declareCondition } from '../../conditions/index.ts';
import { hostForCondition } from '../../qemu/index.ts';
import { hostForParts } from './host-for-condition.ts';

it('maps the built-in conditions as harness/qemu hostForCondition does', () => {
  for (const name of BUILTIN_CONDITION_NAMES) {
    expect(hostForParts(BUILTIN_CONDITIONS[name].parts, '11.1'), name).toEqual(hostForCondition(name, '11.1'));
  }
});

it('follows the HVF part of a declared condition', () => {
  expect(hostForParts(declareCondition('x', undefined, { like: 'hvf', hvf: 'unusable' }).parts, '9.1').hvf).toBe('unusable');
  expect(hostForParts(declareCondition('y', undefined, { like: 'no-hvf', hvf: 'absent' }).parts, '9.1').name).toBe('linux/qemu-9.1');
});
