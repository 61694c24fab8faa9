import { describe, expect, it } from 'vitest';
import { parseMemoryMiB, parseSize } from './parse-size.ts';

describe('parseMemoryMiB (-m, system/vl.c parse_memory_options)', () => {
  it.each([
    ['3072', 3072],
    ['3072M', 3072],
    ['3G', 3072],
    ['3g', 3072],
    ['1.5G', 1536],
    ['2097152k', 2048],
    ['0x400', 1024],
  ])('%s is %d MiB', (value, mib) => {
    expect(parseMemoryMiB(value)).toEqual({ ok: true, mib });
  });

  it.each(['3x', '', '-1', ' 3', '3 G', 'G'])('refuses %j with the QEMU message', (value) => {
    const r = parseMemoryMiB(value);
    expect(r.ok ? null : r.error.message).toBe("Parameter 'size' expects a non-negative number below 2^64");
  });

  it('parseSize uses bytes without a suffix by default', () => {
    expect(parseSize('4096')).toEqual({ ok: true, bytes: 4096 });
  });
});
