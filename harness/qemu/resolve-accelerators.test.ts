import { describe, expect, it } from 'vitest';
import { storyOverrideArgv, upstreamArgv } from './fixtures/upstream-argv.ts';
import { appleSiliconMac, githubMacosRunner, hostForCondition, linuxWithoutKvm, type HostProfile } from './host-profile.ts';
import { mergeMachine, mergeSmp, selectAccelerators } from './merge-options.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { resolveAccelerators } from './resolve-accelerators.ts';

function resolve(argv: string[], host: HostProfile) {
  const parsed = parseCommandLine(argv);
  const machine = mergeMachine(parsed);
  return resolveAccelerators({ machine, accelerators: selectAccelerators(parsed, machine), host, maxCpus: mergeSmp(parsed).maxCpus });
}

const upstream = upstreamArgv('');
const override = (cores: number) => storyOverrideArgv('', cores);

describe('HVF not compiled in (QEMU built for Linux)', () => {
  it.each(['7.2', '11.1'] as const)('QEMU %s: invalid accelerator hvf, falling back to tcg, runs', (version) => {
    expect(resolve(upstream, linuxWithoutKvm(version))).toMatchObject({
      accelerator: 'tcg',
      lines: ['qemu-system-aarch64: invalid accelerator hvf', 'qemu-system-aarch64: falling back to tcg'],
      exit: { kind: 'runs' },
      boots: true,
    });
  });

  it('prefixes the -accel location when the list comes from -accel options', () => {
    expect(resolve(['-machine', 'virt', '-accel', 'hvf', '-accel', 'tcg'], linuxWithoutKvm('7.2')).lines).toEqual([
      'qemu-system-aarch64: -accel hvf: invalid accelerator hvf',
      'qemu-system-aarch64: falling back to tcg',
    ]);
  });

  it('exits 1 when nothing is left, without "no accelerator found"', () => {
    expect(resolve(['-machine', 'virt,accel=hvf'], linuxWithoutKvm('7.2'))).toMatchObject({
      accelerator: null,
      lines: ['qemu-system-aarch64: invalid accelerator hvf'],
      exit: { kind: 'exit', code: 1 },
      failedAt: 'accelerator',
    });
  });
});

describe('HVF compiled in but unusable (GitHub macOS arm64 runner)', () => {
  it('aborts on the upstream line: no fallback to tcg (old wording before 9.1)', () => {
    expect(resolve(upstream, githubMacosRunner('8.2'))).toMatchObject({
      accelerator: null,
      lines: ['qemu-system-aarch64: Error: HV_UNSUPPORTED'],
      exit: { kind: 'abort', signal: 'SIGABRT' },
      boots: false,
      failedAt: 'accelerator',
      approximate: false,
    });
  });

  it('uses the expression-and-location wording from 9.1, with a placeholder where no report gives the line', () => {
    const r = resolve(upstream, githubMacosRunner('9.2'));
    expect(r.lines).toEqual(['qemu-system-aarch64: Error: ret = HV_UNSUPPORTED (0xfae9400f, at <source location>)']);
    expect(r.approximate).toBe(true);
    expect(resolve(['-machine', 'virt', '-accel', 'hvf'], githubMacosRunner('11.1')).lines).toEqual([
      'qemu-system-aarch64: -accel hvf: Error: ret = HV_UNSUPPORTED (0xfae9400f, at ../target/arm/hvf/hvf.c:1269)',
    ]);
  });

  it('boots the story override there with TCG (no accel= means tcg)', () => {
    expect(resolve(override(3), githubMacosRunner('9.1'))).toMatchObject({ accelerator: 'tcg', lines: [], boots: true });
  });
});

describe('HVF available (Apple-silicon Mac)', () => {
  it('boots the upstream line with HVF before 11.1', () => {
    expect(resolve(upstream, appleSiliconMac('9.1'))).toMatchObject({ accelerator: 'hvf', lines: [], boots: true });
    expect(resolve(upstream, appleSiliconMac('11.0'))).toMatchObject({ accelerator: 'hvf', boots: true });
  });

  it('refuses gic-version=2 under HVF from 11.1, at machine init, exit 1', () => {
    expect(resolve(upstream, appleSiliconMac('11.1'))).toMatchObject({
      accelerator: 'hvf',
      lines: ['qemu-system-aarch64: HVF does not support GICv2 emulation'],
      exit: { kind: 'exit', code: 1 },
      boots: false,
      failedAt: 'machine',
    });
  });

  it.each(['3', 'max'])('boots with a later -machine gic-version=%s (as $QEMU_OPTS appends it)', (gic) => {
    expect(resolve([...upstream, '-machine', `gic-version=${gic}`], appleSiliconMac('11.1'))).toMatchObject({ accelerator: 'hvf', boots: true });
  });

  it('refuses GICv4 under HVF 11.1 with its own wording', () => {
    expect(resolve([...upstream, '-machine', 'gic-version=4'], appleSiliconMac('11.1')).lines).toEqual([
      'qemu-system-aarch64: HVF does not support GICv4 emulation, is virtualization=on?',
    ]);
  });

  it('allows GICv2 again with kernel-irqchip=off (per the vGIC patch)', () => {
    expect(resolve([...upstream, '-machine', 'kernel-irqchip=off'], appleSiliconMac('11.1')).boots).toBe(true);
  });

  it('boots the override with TCG: GICv2 is fine for TCG', () => {
    expect(resolve(override(8), appleSiliconMac('11.1'))).toMatchObject({ accelerator: 'tcg', boots: true });
  });
});

describe('machine init checks that do not depend on the accelerator', () => {
  it('refuses more than 8 CPUs with GICv2: the override built on a 10-core Mac', () => {
    expect(resolve(override(10), appleSiliconMac('9.1'))).toMatchObject({
      accelerator: 'tcg',
      lines: ["qemu-system-aarch64: Number of SMP CPUs requested (10) exceeds max CPUs supported by machine 'mach-virt' (8)"],
      exit: { kind: 'exit', code: 1 },
      failedAt: 'machine',
    });
  });

  it('picks GICv3 by itself for more than 8 CPUs when no version is given', () => {
    expect(resolve(['-machine', 'virt', '-smp', '12'], linuxWithoutKvm('7.2')).boots).toBe(true);
  });

  it('refuses gic-version=host without KVM', () => {
    expect(resolve(['-machine', 'virt,gic-version=host'], linuxWithoutKvm('7.2')).lines).toEqual([
      'qemu-system-aarch64: gic-version=host requires KVM',
    ]);
  });
});

describe('accelerator selection rules', () => {
  it('refuses -accel together with -machine accel=', () => {
    expect(resolve(['-machine', 'virt,accel=tcg', '-accel', 'tcg'], linuxWithoutKvm('7.2'))).toMatchObject({
      lines: ['qemu-system-aarch64: The -accel and "-machine accel=" options are incompatible'],
      exit: { kind: 'exit', code: 1 },
      failedAt: 'options',
    });
  });

  it('uses tcg when no accelerator is given', () => {
    expect(resolve(['-machine', 'virt'], appleSiliconMac('11.1'))).toMatchObject({ accelerator: 'tcg', lines: [], boots: true });
  });

  it('names KVM in the fallback line when it is the one that works', () => {
    const host = { ...linuxWithoutKvm('10.0'), kvm: 'available' as const };
    expect(resolve(['-machine', 'virt,accel=hvf:kvm:tcg'], host)).toMatchObject({
      accelerator: 'kvm',
      lines: ['qemu-system-aarch64: invalid accelerator hvf', 'qemu-system-aarch64: falling back to KVM'],
    });
  });

  it('maps the built-in conditions to host profiles', () => {
    expect(hostForCondition('no-hvf', '9.1').hvf).toBe('unusable');
    expect(hostForCondition('no-builder', '9.1').hvf).toBe('available');
  });
});
