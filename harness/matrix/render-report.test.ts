import { describe, expect, it } from 'vitest';
import { loadReport } from './load-fixture.ts';
import { renderReport, summaryLine } from './render-report.ts';
import { nixTable, qemuTable } from './render-tables.ts';
import { decide, type NixRun } from './verdict.ts';

const runs: NixRun[] = [
  { suite: 'bookworm', nix: '2.8.0' },
  { suite: 'sid', nix: '2.34.8' },
  { suite: 'trixie', nix: '2.26.3' },
].map((v) => ({ ...v, outcome: { kind: 'report', report: loadReport(`cases-nix-${v.nix}.json`), exitCode: 1 } }));
const verdict = decide({
  nixRuns: runs,
  qemuRun: { expected: [], outcome: { kind: 'report', report: loadReport('real-qemu.json'), exitCode: 0 } },
  missing: [],
  ci: false,
});

describe('nixTable', () => {
  it('has one column per Nix release in version order and one row per (case, condition)', () => {
    const lines = nixTable(verdict.caseRows, verdict.nixVersions).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '| case | condition | nix 2.8.0 | nix 2.26.3 | nix 2.34.8 |',
      '| --- | --- | --- | --- | --- |',
      '| custom-config | hvf | pass | pass | pass |',
    ]);
    expect(lines).toContain('| default-builder | no-hvf | **FAIL** | **FAIL** | **FAIL** |');
    expect(lines).toHaveLength(2 + 27);
  });

  it('shows a test missing from one run as —, and escapes | in names', () => {
    const t = nixTable([{ nix: '2.8.0', case: 'a|b', condition: 'hvf', status: 'skip', detail: '' }], ['2.8.0', '2.34.8']);
    expect(t.split('\n')[2]).toBe('| a\\|b | hvf | skip | — |');
  });
});

describe('qemuTable', () => {
  it('has one column per QEMU release and lists version-independent checks below', () => {
    const t = qemuTable(verdict.qemuRows, verdict.qemuVersions);
    const lines = t.split('\n');
    expect(lines[0]).toBe('| qemu line | qemu 7.2.22 | qemu 10.0.13 | qemu 11.1.3 |');
    expect(lines).toContain('| refuses GICv2 with 9 CPUs › as the model predicts, with the same lines | pass | pass | pass |');
    expect(lines.filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))).toHaveLength(1 + 9);
    expect(t).toContain('Not tied to one release:\n\n- pass: runRealQemu housekeeping › reports a binary that cannot start');
  });
});

describe('renderReport', () => {
  it('ends with the plain summary line CI reads, after problems and timings', () => {
    const text = renderReport(verdict, {
      date: '2026-01-01T00:00:00Z',
      jobs: 1,
      toolchains: [{ tool: 'nix', version: '2.8.0', suite: 'bookworm', path: '/usr/bin/nix' }],
      timings: [{ step: 'total', seconds: 12.34 }],
    });
    const lines = text.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('102 passed, 9 failed');
    expect(lines.at(-1)).toBe(summaryLine(verdict));
    expect(text).toContain('- nix 2.8.0 (bookworm): `/usr/bin/nix`');
    expect(text).toContain('## Failed tests\n\n- default-builder › hvf (nix 2.8.0, nix 2.34.8, nix 2.26.3): actual: it references: linux-builder-start<\n');
    expect(text).toContain('| total | 12.3 |');
    expect(text).toContain('None: every (case, condition) ends the same on nix 2.8.0, 2.26.3, 2.34.8.');
    expect(text).not.toContain('## Problems');
  });

  it('shows per-case real-QEMU checks in their own table, by QEMU and Nix release, and groups their differences', () => {
    const caseRows = (nix: string, status: 'pass' | 'fail') => [
      { nix, case: 'story', condition: 'hvf', status, detail: status === 'fail' ? 'actual: qemu stage failed' : '' },
      ...(status === 'pass' ? ['7.2.22', '11.1.3'].map((q) => ({ nix, case: 'story', condition: `hvf › real qemu ${q}`, status: 'pass' as const, detail: '' })) : []),
    ];
    const v = decide({
      nixRuns: [],
      qemuRun: null,
      missing: [],
      ci: false,
    });
    const withRows = { ...v, caseRows: [...caseRows('2.8.0', 'pass'), ...caseRows('2.34.8', 'fail')], nixVersions: ['2.8.0', '2.34.8'], qemuVersions: ['7.2.22', '11.1.3'] };
    const text = renderReport({ ...withRows, differences: [] }, { date: 'd', jobs: 1, toolchains: [], timings: [] });
    expect(text).toContain('| story | hvf | pass | **FAIL** |');
    expect(text).not.toContain('| story | hvf › real qemu');
    expect(text).toContain('| case › condition | qemu 7.2.22 / nix 2.8.0 | qemu 7.2.22 / nix 2.34.8 | qemu 11.1.3 / nix 2.8.0 | qemu 11.1.3 / nix 2.34.8 |');
    expect(text).toContain('| story › hvf | pass | — | pass | — |');
  });
});
