import { describe, expect, it } from 'vitest';
import { QEMU_PROGRAM, storyOverrideArgv, upstreamArgv } from '../../qemu/fixtures/upstream-argv.ts';
import { realQemuExpectation, tcgGicVersion } from './real-qemu-expectation.ts';

describe('realQemuExpectation (a Linux qemu-system-aarch64: no HVF, no KVM)', () => {
  it('expects the default line to fall back to tcg and build one CPU with a GICv2', () => {
    expect(realQemuExpectation(QEMU_PROGRAM, upstreamArgv('loglevel=4'), '7.2.22')).toEqual({
      parserAccepts: true,
      status: 'accepted',
      lines: ['qemu-system-aarch64: invalid accelerator hvf', 'qemu-system-aarch64: falling back to tcg'],
      cpus: 1,
      gicVersion: '2',
    });
  });

  it("expects the story's override to print nothing about accelerators", () => {
    expect(realQemuExpectation(QEMU_PROGRAM, storyOverrideArgv('', 4), '11.1.3')).toMatchObject({ status: 'accepted', lines: [], cpus: 4, gicVersion: '2' });
  });

  it('expects a merged gic-version=max to come out as the GIC TCG builds', () => {
    const argv = [...upstreamArgv(''), '-machine', 'gic-version=max'];
    expect(realQemuExpectation(QEMU_PROGRAM, argv, '10.0.13').gicVersion).toBe('3');
    expect(tcgGicVersion({ 'gic-version': 'max', virtualization: 'on' }, 1)).toBe('4');
    expect(tcgGicVersion({}, 9)).toBe('3');
  });

  it('expects QEMU to stop where the model stops', () => {
    expect(realQemuExpectation(QEMU_PROGRAM, ['-machine', 'virt,gic-version=host'], '7.2.22')).toMatchObject({ status: 'rejected', lines: ['qemu-system-aarch64: gic-version=host requires KVM'] });
    expect(realQemuExpectation(QEMU_PROGRAM, ['-machine', 'virt', '-m', '3x'], '7.2.22')).toMatchObject({ parserAccepts: false, status: 'rejected' });
  });
});
