import { describe, expect, it } from 'vitest';
import { loadReport } from './load-fixture.ts';
import { qemuRowsFrom } from './qemu-rows.ts';

describe('qemuRowsFrom', () => {
  it('reads each real QEMU release and its lines from a real run over 7.2, 10.0 and 11.1', () => {
    const rows = qemuRowsFrom(loadReport('real-qemu.json'));
    expect(rows).toHaveLength(30);
    expect([...new Set(rows.map((r) => r.qemu))]).toEqual(['7.2.22', '11.1.3', '10.0.13', null]);
    expect(rows[0]).toEqual({
      qemu: '7.2.22',
      suite: 'bookworm',
      line: 'upstream line › is accepted, prints what the model predicts, and builds the CPUs, GIC and RAM the line asks for',
      status: 'pass',
      detail: '',
    });
    expect(rows.find((r) => r.qemu === '11.1.3' && r.line.startsWith('refuses GICv2'))?.line).toBe('refuses GICv2 with 9 CPUs › as the model predicts, with the same lines');
    expect(rows.filter((r) => r.qemu === null).map((r) => r.line)).toEqual([
      'runRealQemu housekeeping › reports a binary that cannot start, and removes its workspace',
      'runRealQemu housekeeping › times out, kills a process that never opens QMP, and removes its workspace',
      'runRealQemu housekeeping › makes the upstream line harmless without touching what is checked',
    ]);
  });

  it('turns the SKIPPED block of a run without fetched QEMUs into skip rows that say why', () => {
    const rows = qemuRowsFrom(loadReport('real-qemu-no-fetched.json'));
    const skipped = rows.filter((r) => r.status === 'skip');
    expect(skipped).toHaveLength(9);
    expect(skipped[0]).toMatchObject({ qemu: null, detail: 'fetched QEMU toolchains - SKIPPED: none found (run scripts/fetch-toolchains)' });
    expect(skipped[0]?.line).toMatch(/^fetched QEMU toolchains - SKIPPED: none found .* › upstream line › is accepted/);
  });
});
