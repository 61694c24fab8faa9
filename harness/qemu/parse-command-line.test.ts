import { describe, expect, it } from 'vitest';
import { KEYS, storyOverrideArgv, TOPLEVEL, upstreamArgv } from './fixtures/upstream-argv.ts';
import { parseCommandLine, type ParsedOption } from './parse-command-line.ts';

/** A compact view of one parsed option, for table-style expectations. */
function view(o: ParsedOption): unknown {
  switch (o.kind) {
    case 'flag':
      return [o.name];
    case 'string':
      return [o.name, o.value];
    case 'opts':
      return [o.name, o.syntax, o.id, Object.fromEntries(o.pairs.map((p) => [p.implied ? `(${p.key})` : p.key, p.value]))];
    case 'cpu':
      return [o.name, o.model, o.props];
    case 'json':
      return [o.name, o.json];
    case 'positional':
      return ['positional', o.value];
    case 'unknown':
      return ['unknown', o.flag];
  }
}

describe('parseCommandLine on the upstream aarch64-darwin line', () => {
  const parsed = parseCommandLine(upstreamArgv('console=ttyAMA0'));

  it('parses every option with its QEMU syntax and implied key', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.options.map(view)).toEqual([
      ['machine', 'keyval', null, { '(type)': 'virt', 'gic-version': '2', accel: 'hvf:tcg' }],
      ['cpu', 'max', []],
      ['name', 'qemu-opts', null, { '(guest)': 'nixos' }],
      ['m', 'qemu-opts', null, { '(size)': '3072' }],
      ['smp', 'qemu-opts', null, { '(cpus)': '1' }],
      ['device', 'qemu-opts', null, { '(driver)': 'virtio-rng-pci' }],
      ['net', 'qemu-opts', null, { '(type)': 'nic', netdev: 'user.0', model: 'virtio' }],
      ['netdev', 'qemu-opts', 'user.0', { '(type)': 'user', hostfwd: 'tcp::31022-:22' }],
      ['virtfs', 'qemu-opts', null, { '(fsdriver)': 'local', path: '/run/org.nixos.linux-builder/certs', security_model: 'none', mount_tag: 'certs' }],
      ['virtfs', 'qemu-opts', null, { '(fsdriver)': 'local', path: KEYS, security_model: 'mapped-xattr', mount_tag: 'keys' }],
      ['virtfs', 'qemu-opts', null, { '(fsdriver)': 'local', path: '/run/org.nixos.linux-builder/xchg', security_model: 'none', mount_tag: 'shared' }],
      ['virtfs', 'qemu-opts', null, { '(fsdriver)': 'local', path: '/run/org.nixos.linux-builder/xchg', security_model: 'none', mount_tag: 'xchg' }],
      ['drive', 'qemu-opts', 'drive1', { cache: 'writeback', file: '/var/lib/linux-builder/nixos.qcow2', if: 'none', index: '1', werror: 'report' }],
      ['device', 'qemu-opts', null, { '(driver)': 'virtio-blk-pci', bootindex: '1', drive: 'drive1', serial: 'root' }],
      ['drive', 'qemu-opts', 'drive2', { file: '/run/org.nixos.linux-builder/store.img', format: 'raw', if: 'none', index: '2' }],
      ['device', 'qemu-opts', null, { '(driver)': 'virtio-blk-pci', bootindex: '2', drive: 'drive2' }],
      ['device', 'qemu-opts', null, { '(driver)': 'virtio-keyboard' }],
      ['device', 'qemu-opts', null, { '(driver)': 'virtio-gpu-pci' }],
      ['device', 'qemu-opts', 'usb0', { '(driver)': 'usb-ehci' }],
      ['device', 'qemu-opts', null, { '(driver)': 'usb-kbd' }],
      ['device', 'qemu-opts', null, { '(driver)': 'usb-tablet' }],
      ['kernel', `${TOPLEVEL}/kernel`],
      ['initrd', '/nix/store/c4bpn2jnylga8mdmb1djzn5cyndkfbjz-initrd-linux-6.6.67/initrd'],
      ['append', expect.stringMatching(/^console=ttyAMA0 init=.* console=tty0 console=ttyAMA0,115200n8 $/)],
      ['nographic'],
    ]);
  });

  it('records where each option sits in argv', () => {
    expect(parsed.options.map((o) => o.index).slice(0, 4)).toEqual([0, 2, 4, 6]);
    expect(parsed.options.at(-1)?.index).toBe(upstreamArgv('').length - 1);
  });
});

describe('parseCommandLine on the story override line', () => {
  it('has no accel= and the build machine core count', () => {
    const parsed = parseCommandLine(storyOverrideArgv('', 3));
    expect(parsed.problems).toEqual([]);
    expect(parsed.options.slice(0, 5).map(view)).toEqual([
      ['machine', 'keyval', null, { '(type)': 'virt', 'gic-version': '2' }],
      ['cpu', 'max', []],
      ['name', 'qemu-opts', null, { '(guest)': 'nixos' }],
      ['m', 'qemu-opts', null, { '(size)': '3072' }],
      ['smp', 'qemu-opts', null, { '(cpus)': '3' }],
    ]);
  });
});

describe('parseCommandLine edge cases', () => {
  it('keeps repeated options in order', () => {
    const parsed = parseCommandLine(['-machine', 'virt,gic-version=2', '-M', 'gic-version=3']);
    expect(parsed.options.map(view)).toEqual([
      ['machine', 'keyval', null, { '(type)': 'virt', 'gic-version': '2' }],
      ['machine', 'keyval', null, { 'gic-version': '3' }],
    ]);
  });

  it('treats --foo like -foo', () => {
    expect(parseCommandLine(['--smp', '4']).options.map(view)).toEqual([['smp', 'qemu-opts', null, { '(cpus)': '4' }]]);
  });

  it('gives an option its next element even if it starts with a dash (as vl.c does)', () => {
    expect(parseCommandLine(['-smp', '-nographic']).options.map(view)).toEqual([
      ['smp', 'qemu-opts', null, { '(cpus)': '-nographic' }],
    ]);
  });

  it('reports a missing argument at the end with QEMU wording, without throwing', () => {
    const parsed = parseCommandLine(['-nographic', '-smp']);
    expect(parsed.options.map(view)).toEqual([['nographic']]);
    expect(parsed.problems).toEqual([{ code: 'MISSING_ARGUMENT', index: 1, flag: '-smp', message: '-smp: requires an argument' }]);
  });

  it('keeps unknown options and flags them', () => {
    const parsed = parseCommandLine(['-bogus', '-S', 'disk.img']);
    expect(parsed.options.map(view)).toEqual([['unknown', '-bogus'], ['S'], ['positional', 'disk.img']]);
    expect(parsed.problems.map((p) => [p.code, p.message])).toEqual([['UNKNOWN_OPTION', '-bogus: invalid option']]);
  });

  it('reports a bad -m size with QEMU 7.2 wording and keeps going', () => {
    const parsed = parseCommandLine(['-m', '3x', '-S']);
    expect(parsed.problems.map((p) => [p.code, p.message])).toEqual([
      ['BAD_SIZE', "-m 3x: Parameter 'size' expects a non-negative number below 2^64"],
    ]);
    expect(parsed.options.map(view)).toEqual([['m', 'qemu-opts', null, { '(size)': '3x' }], ['S']]);
  });

  it('reports a keyval error for -machine and keeps the rest', () => {
    const parsed = parseCommandLine(['-machine', 'virt,highmem', '-smp', '2']);
    expect(parsed.problems.map((p) => p.message)).toEqual(["-machine virt,highmem: Expected '=' after parameter 'highmem'"]);
    expect(parsed.options.map(view)).toEqual([['smp', 'qemu-opts', null, { '(cpus)': '2' }]]);
  });

  it('keeps quoted values with spaces, commas and equals signs as one argument', () => {
    const parsed = parseCommandLine(['-append', 'a=b c,d', '-name', 'my,,vm,debug-threads=on']);
    expect(parsed.options.map(view)).toEqual([
      ['append', 'a=b c,d'],
      ['name', 'qemu-opts', null, { '(guest)': 'my,vm', 'debug-threads': 'on' }],
    ]);
  });

  it('accepts empty option values', () => {
    const parsed = parseCommandLine(['-append', '', '-device', 'virtio-net-pci,romfile=']);
    expect(parsed.options.map(view)).toEqual([['append', ''], ['device', 'qemu-opts', null, { '(driver)': 'virtio-net-pci', romfile: '' }]]);
  });

  it('parses JSON -device and -object, and reports bad JSON', () => {
    const parsed = parseCommandLine(['-device', '{"driver":"virtio-rng-pci"}', '-object', '{bad']);
    expect(parsed.options.map(view)).toEqual([['device', { driver: 'virtio-rng-pci' }]]);
    expect(parsed.problems.map((p) => p.code)).toEqual(['BAD_JSON']);
  });

  it('splits -cpu into model and properties', () => {
    expect(parseCommandLine(['-cpu', 'max,sve=off,pauth-impdef=on']).options.map(view)).toEqual([
      ['cpu', 'max', [
        { key: 'sve', value: 'off', implied: false, shortForm: false },
        { key: 'pauth-impdef', value: 'on', implied: false, shortForm: false },
      ]],
    ]);
  });
});
