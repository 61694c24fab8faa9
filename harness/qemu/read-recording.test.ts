import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pickQemuSystem, readRecording } from './read-recording.ts';

describe('readRecording', () => {
  it('reads the recording captured from the fixture script', () => {
    const text = readFileSync(new URL('./fixtures/recording.upstream-2024-12.jsonl', import.meta.url), 'utf8');
    const recording = readRecording(text);
    expect(recording.problems).toEqual([]);
    expect(recording.invocations).toHaveLength(1);
    const picked = pickQemuSystem(recording);
    expect(picked.ok && picked.value.args.slice(0, 2)).toEqual(['-machine', 'virt,gic-version=2,accel=hvf:tcg']);
    expect(picked.ok && picked.value.args.slice(-4)).toEqual(['-machine', 'gic-version=3', '-smp', '2']);
  });

  it('turns bad lines into typed problems and keeps reading', () => {
    const text = [
      '{"program":"qemu-img","args":["create","-f","qcow2","x"]}',
      '{"program":"qemu-system-aarch64","args":["-S"',
      '',
      '{"program":"qemu-system-aarch64","args":[1]}',
      'null',
      '{"program":"qemu-system-aarch64","args":["-machine","virt"]}',
    ].join('\n');
    const recording = readRecording(text);
    expect(recording.invocations.map((i) => [i.line, i.program])).toEqual([
      [1, 'qemu-img'],
      [6, 'qemu-system-aarch64'],
    ]);
    expect(recording.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'BAD_JSON'],
      [4, 'BAD_SHAPE'],
      [5, 'BAD_SHAPE'],
    ]);
    expect(pickQemuSystem(recording)).toMatchObject({ ok: true, value: { line: 6 } });
  });

  it('says what it saw when no qemu-system ran, and refuses to guess between several', () => {
    const none = pickQemuSystem(readRecording('{"program":"qemu-img","args":[]}\n'));
    expect(none.ok ? null : [none.error.code, none.error.message]).toEqual(['NO_QEMU_SYSTEM', 'no qemu-system invocation recorded (saw: qemu-img)']);
    const two = pickQemuSystem(readRecording('{"program":"qemu-system-aarch64","args":[]}\n{"program":"/x/qemu-system-x86_64","args":[]}\n'));
    expect(two.ok ? null : [two.error.code, two.error.candidates.length]).toEqual(['SEVERAL_QEMU_SYSTEM', 2]);
  });
});
