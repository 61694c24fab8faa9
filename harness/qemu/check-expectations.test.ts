import { describe, expect, it } from 'vitest';
import { checkQemuExpectation, QEMU_EXPECTATION_KEYS, type QemuExpectation } from './check-expectations.ts';
import { QEMU_PROGRAM, storyOverrideArgv, upstreamArgv } from './fixtures/upstream-argv.ts';
import { appleSiliconMac, githubMacosRunner, linuxWithoutKvm } from './host-profile.ts';
import { computeQemuFacts } from './qemu-facts.ts';

const override = computeQemuFacts({ program: QEMU_PROGRAM, argv: storyOverrideArgv('', 3), host: githubMacosRunner('9.1') });
const upstreamOnLinux = computeQemuFacts({ program: QEMU_PROGRAM, argv: upstreamArgv(''), host: linuxWithoutKvm('7.2') });

describe('checkQemuExpectation', () => {
  it('passes the story override under no-hvf', () => {
    const exp: QemuExpectation = {
      target: 'builder',
      accelerator: 'tcg',
      boots: true,
      machine: { type: 'virt', 'gic-version': 2 },
      cpu: 'max',
      smp: '{{cores}}',
      memory: 3072,
      'args-present': ['-nographic'],
      'args-absent': ['accel=hvf'],
    };
    expect(checkQemuExpectation(exp, override, { cores: 3 })).toEqual([]);
  });

  it('reports every failing key with expected and actual', () => {
    const exp: QemuExpectation = {
      accelerator: 'hvf',
      boots: false,
      machine: { 'gic-version': '3', highmem: 'off' },
      cpu: 'host',
      smp: 4,
      memory: '2048',
      'args-present': ['-S'],
      'args-absent': ['virtio'],
    };
    expect(checkQemuExpectation(exp, override).map((m) => [m.key, m.expected, m.actual])).toEqual([
      ['accelerator', 'hvf', 'tcg'],
      ['boots', false, true],
      ['machine.gic-version', '3', '2'],
      ['machine.highmem', 'off', null],
      ['cpu', 'host', 'max'],
      ['smp', '4', '3'],
      ['memory', '2048', '3072'],
      ['args-present', '-S', null],
      ['args-absent', 'virtio', ['virtio-rng-pci', 'nic,netdev=user.0,model=virtio', 'virtio-blk-pci,bootindex=1,drive=drive1,serial=root', 'virtio-blk-pci,bootindex=2,drive=drive2', 'virtio-keyboard', 'virtio-gpu-pci']],
    ]);
  });

  it('matches message as a regex over the lines joined by newlines', () => {
    expect(checkQemuExpectation({ message: 'invalid accelerator hvf\\n.*falling back to tcg$' }, upstreamOnLinux)).toEqual([]);
    expect(checkQemuExpectation({ message: 'HV_UNSUPPORTED' }, upstreamOnLinux).map((m) => m.key)).toEqual(['message']);
    expect(checkQemuExpectation({ message: '(' }, upstreamOnLinux)[0]?.message).toMatch(/^message: invalid regular expression/);
  });

  it("treats accelerator none as QEMU never getting one", () => {
    const aborted = computeQemuFacts({ program: QEMU_PROGRAM, argv: upstreamArgv(''), host: githubMacosRunner('11.1') });
    expect(checkQemuExpectation({ accelerator: 'none', boots: false }, aborted)).toEqual([]);
    expect(checkQemuExpectation({ accelerator: 'none' }, override)[0]?.message).toBe('accelerator: expected none, got tcg');
  });

  it('says which {{variable}} is missing', () => {
    expect(checkQemuExpectation({ smp: '{{cores}}' }, override).map((m) => m.message)).toEqual([
      'smp: unknown variable {{cores}}',
      'smp: expected {{cores}}, got 3',
    ]);
  });

  it('sees the merged machine: gic-version from a later -machine', () => {
    const fixed = computeQemuFacts({ program: QEMU_PROGRAM, argv: [...upstreamArgv(''), '-machine', 'gic-version=3'], host: appleSiliconMac('11.1') });
    expect(checkQemuExpectation({ accelerator: 'hvf', boots: true, machine: { 'gic-version': '3', accel: 'hvf:tcg' } }, fixed)).toEqual([]);
  });

  it('lists exactly the keys of the YAML block', () => {
    expect([...QEMU_EXPECTATION_KEYS].sort()).toEqual(
      ['accelerator', 'args-absent', 'args-present', 'boots', 'cpu', 'machine', 'memory', 'message', 'smp', 'target'],
    );
  });
});
