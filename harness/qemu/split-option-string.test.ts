import { describe, expect, it } from 'vitest';
import { lastValue, splitKeyval, splitQemuOpts } from './split-option-string.ts';

const pairs = (r: ReturnType<typeof splitQemuOpts>) => (r.ok ? r.value.pairs.map((p) => [p.key, p.value]) : r.error.message);

describe('splitQemuOpts (util/qemu-option.c)', () => {
  it('uses the implied key for a first value without "="', () => {
    expect(pairs(splitQemuOpts('user,id=user.0,hostfwd=tcp::31022-:22,', 'type'))).toEqual([
      ['type', 'user'],
      ['hostfwd', 'tcp::31022-:22'],
    ]);
  });

  it('takes id= out of the pairs and keeps the first one', () => {
    const r = splitQemuOpts('user,id=a,id=b', 'type');
    expect(r.ok && r.value.id).toBe('a');
  });

  it('reads ",," as a literal comma in values, implied or not', () => {
    expect(pairs(splitQemuOpts('file,,name,path=/a,,b,x=1', 'driver'))).toEqual([
      ['driver', 'file,name'],
      ['path', '/a,b'],
      ['x', '1'],
    ]);
  });

  it('keeps empty values and trailing commas as QEMU does', () => {
    expect(pairs(splitQemuOpts('user,romfile=,x=', 'type'))).toEqual([
      ['type', 'user'],
      ['romfile', ''],
      ['x', ''],
    ]);
    expect(pairs(splitQemuOpts('', 'type'))).toEqual([]);
  });

  it('reads bare words after the first as on/off flags (the deprecated short form)', () => {
    const r = splitQemuOpts('socket,server,nowait', 'backend');
    expect(pairs(r)).toEqual([
      ['backend', 'socket'],
      ['server', 'on'],
      ['wait', 'off'],
    ]);
    expect(r.ok && r.value.pairs.map((p) => p.shortForm)).toEqual([false, true, true]);
  });

  it('has no implied key for -drive (permit_abbrev=false): a bare first word is a flag', () => {
    expect(pairs(splitQemuOpts('disk.img,format=raw', null))).toEqual([
      ['disk.img', 'on'],
      ['format', 'raw'],
    ]);
  });

  it('lastValue resolves repeated keys like qemu_opt_get', () => {
    const r = splitQemuOpts('tcg,thread=single,thread=multi', 'accel');
    expect(r.ok && lastValue(r.value.pairs, 'thread')).toBe('multi');
  });
});

describe('splitKeyval (util/keyval.c)', () => {
  it('splits -machine with the implied type', () => {
    const r = splitKeyval('virt,gic-version=2,accel=hvf:tcg', 'type');
    expect(r.ok && r.value.pairs.map((p) => [p.key, p.value, p.implied])).toEqual([
      ['type', 'virt', true],
      ['gic-version', '2', false],
      ['accel', 'hvf:tcg', false],
    ]);
  });

  it('refuses a bare word after the first, with QEMU 7.2 wording', () => {
    const r = splitKeyval('virt,highmem', 'type');
    expect(r.ok ? null : r.error.message).toBe("Expected '=' after parameter 'highmem'");
  });

  it("refuses an empty key (`-machine ,x=1`: Invalid parameter '')", () => {
    const r = splitKeyval(',x=1', 'type');
    expect(r.ok ? null : r.error.message).toBe("Invalid parameter ''");
  });

  it('reads ",," in the implied value and keeps id as an ordinary key', () => {
    const r = splitKeyval('vi,,rt,id=m0', 'type');
    expect(r.ok && r.value.pairs.map((p) => [p.key, p.value])).toEqual([
      ['type', 'vi,rt'],
      ['id', 'm0'],
    ]);
  });

  it('starts without an implied key when the first pair has "="', () => {
    const r = splitKeyval('gic-version=3', 'type');
    expect(r.ok && r.value.pairs).toEqual([{ key: 'gic-version', value: '3', implied: false, shortForm: false }]);
  });
});
