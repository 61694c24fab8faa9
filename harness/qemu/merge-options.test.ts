import { describe, expect, it } from 'vitest';
import { upstreamArgv } from './fixtures/upstream-argv.ts';
import { lastCpu, mergeMachine, mergeMemory, mergeSmp, selectAccelerators } from './merge-options.ts';
import { parseCommandLine } from './parse-command-line.ts';

const parse = (...argv: string[]) => parseCommandLine(argv);

describe('mergeMachine', () => {
  it('lets a later -machine gic-version=3 ($QEMU_OPTS) override gic-version=2', () => {
    const parsed = parseCommandLine([...upstreamArgv(''), '-machine', 'gic-version=3']);
    const machine = mergeMachine(parsed);
    expect(machine.type).toBe('virt');
    expect(machine.props['gic-version']).toBe('3');
    expect(machine.props['accel']).toBe('hvf:tcg');
    expect(machine.setBy['gic-version']).toBe(parsed.argv.length - 2);
  });

  it('lets the last value win inside one -machine too (keyval replacement)', () => {
    expect(mergeMachine(parse('-machine', 'virt,accel=kvm,accel=tcg')).props['accel']).toBe('tcg');
  });

  it('folds the plain options that write machine keys, in argv order', () => {
    const machine = mergeMachine(parse('-nographic', '-kernel', 'k', '-machine', 'graphics=on', '-enable-kvm', '-bios', 'fw'));
    expect(machine.props).toEqual({ graphics: 'on', kernel: 'k', accel: 'kvm', firmware: 'fw' });
    expect(machine.type).toBeNull();
  });
});

describe('selectAccelerators (system/vl.c configure_accelerators)', () => {
  const select = (...argv: string[]) => {
    const parsed = parseCommandLine(argv);
    return selectAccelerators(parsed, mergeMachine(parsed));
  };

  it('splits -machine accel= on ":" in order', () => {
    const s = select('-machine', 'virt,accel=hvf:tcg');
    expect(s.kind === 'machine' && s.requests.map((r) => r.name)).toEqual(['hvf', 'tcg']);
  });

  it('keeps -accel options with their properties', () => {
    const s = select('-accel', 'hvf,kernel-irqchip=off', '-accel', 'tcg');
    expect(s).toMatchObject({ kind: 'accel-options', requests: [{ name: 'hvf', props: { 'kernel-irqchip': 'off' } }, { name: 'tcg' }] });
  });

  it('marks -accel together with -machine accel= as a conflict', () => {
    expect(select('-machine', 'virt,accel=tcg', '-accel', 'tcg').kind).toBe('conflict');
    expect(select('-enable-kvm', '-accel', 'tcg').kind).toBe('conflict');
  });

  it('is the default when neither is given', () => {
    expect(select('-machine', 'virt')).toEqual({ kind: 'default' });
  });
});

describe('mergeSmp and mergeMemory', () => {
  it('merges repeated -smp, last key wins', () => {
    expect(mergeSmp(parse('-smp', '4', '-smp', 'cpus=2')).cpus).toBe(2);
    expect(mergeSmp(parse('-smp', '4', '-smp', 'maxcpus=8'))).toMatchObject({ cpus: 4, maxCpus: 8 });
  });

  it('derives cpus from maxcpus or the topology when cpus is not given', () => {
    expect(mergeSmp(parse('-smp', 'sockets=2,cores=3')).cpus).toBe(6);
    expect(mergeSmp(parse('-smp', 'maxcpus=4')).cpus).toBe(4);
    expect(mergeSmp(parse())).toMatchObject({ cpus: 1, explicit: false });
  });

  it("reports a non-integer with QEMU 7.2's wording", () => {
    expect(mergeSmp(parse('-smp', 'x'))).toMatchObject({ cpus: null, problems: ["Parameter 'smp.cpus' expects integer"] });
  });

  it('reads -m 3072 as MiB and lets the last -m win', () => {
    expect(mergeMemory(parse('-m', '3072')).mib).toBe(3072);
    expect(mergeMemory(parse('-m', '3072', '-m', '2G')).mib).toBe(2048);
    expect(mergeMemory(parse('-m', 'size=1G,slots=2,maxmem=4G')).mib).toBe(1024);
    expect(mergeMemory(parse())).toEqual({ mib: 128, explicit: false, raw: null });
  });

  it('keeps the last -cpu', () => {
    expect(lastCpu(parse('-cpu', 'cortex-a57', '-cpu', 'max,sve=off'))).toEqual({ model: 'max', props: { sve: 'off' }, index: 2 });
    expect(lastCpu(parse())).toBeNull();
  });
});
