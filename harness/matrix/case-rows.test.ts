import { describe, expect, it } from 'vitest';
import { caseRowsFrom, realQemuCheckOf } from './case-rows.ts';
import { loadReport } from './load-fixture.ts';
import type { VitestReport } from './vitest-report.ts';

describe('caseRowsFrom', () => {
  it('turns a real case-suite run into (nix, case, condition, status) rows, in the suite order', () => {
    const { rows, headerVersions } = caseRowsFrom(loadReport('cases-nix-2.34.8.json'), '2.34.8');
    expect(headerVersions).toEqual(['2.34.8']);
    expect(rows).toHaveLength(27);
    expect(rows.slice(0, 2)).toEqual([
      { nix: '2.34.8', case: 'custom-config', condition: 'hvf', status: 'pass', detail: '' },
      { nix: '2.34.8', case: 'custom-config', condition: 'no-builder', status: 'pass', detail: '' },
    ]);
    const failed = rows.filter((r) => r.status === 'fail');
    expect(failed.map((r) => `${r.case} › ${r.condition}`)).toEqual(['default-builder › hvf', 'default-builder › no-builder', 'default-builder › no-hvf']);
    expect(failed[0]?.detail).toBe('actual: it references: linux-builder-start<');
  });

  it('reports the version the suite itself printed, so a run on the wrong nix is visible', () => {
    expect(caseRowsFrom(loadReport('cases-nix-2.8.0.json'), '2.34.8').headerVersions).toEqual(['2.8.0']);
  });

  it('keeps real-QEMU cross-checks and setup failures as rows instead of dropping them', () => {
    const test = (ancestors: string[], title: string, status: 'pass' | 'fail') => ({ ancestors, title, status, vitestStatus: status === 'pass' ? 'passed' : 'failed', durationMs: 1, failureMessages: status === 'fail' ? ['\u001b[31mError: boom\u001b[39m\n  at x'] : [] });
    const report: VitestReport = {
      success: false,
      files: [
        { file: '/r/cases/cases.test.ts', failed: true, message: '', tests: [
          test(['nix 2.26.3', 'story'], 'story › no-hvf › real qemu 11.1.3', 'pass'),
          test(['nix 2.26.3'], 'broken › case.yaml', 'fail'),
          test([], 'flakecase setup', 'fail'),
        ] },
        { file: '/r/cases/other.test.ts', failed: true, message: 'Error: cannot import x\nstack', tests: [] },
      ],
    };
    expect(caseRowsFrom(report, '2.26.3').rows).toEqual([
      { nix: '2.26.3', case: 'story', condition: 'no-hvf › real qemu 11.1.3', status: 'pass', detail: '' },
      { nix: '2.26.3', case: 'broken', condition: 'case.yaml', status: 'fail', detail: 'Error: boom' },
      { nix: '2.26.3', case: '(suite)', condition: 'flakecase setup', status: 'fail', detail: 'Error: boom' },
      { nix: '2.26.3', case: '(file)', condition: 'other.test.ts', status: 'fail', detail: 'Error: cannot import x' },
    ]);
  });

  it('adds a failed row for a real file that failed outside its tests (import error, afterAll)', () => {
    const rows = caseRowsFrom(loadReport('edge-cases.json'), '2.8.0').rows;
    expect(rows.filter((r) => r.case === '(file)').map((r) => [r.condition, r.detail])).toEqual([
      ['hook-only.test.ts', 'the file failed outside any test'],
      ['import-fails.test.ts', 'cannot load this file'],
    ]);
    expect(rows.filter((r) => r.status === 'skip').map((r) => [r.condition, r.detail])).toEqual([
      ['skipped one', 'vitest: skipped'],
      ['a todo', 'vitest: todo'],
    ]);
  });
});

describe('realQemuCheckOf', () => {
  it('reads the condition and QEMU release from a per-case cross-check name only', () => {
    expect(realQemuCheckOf('no-hvf › real qemu 10.0.13')).toEqual({ condition: 'no-hvf', qemu: '10.0.13' });
    expect(realQemuCheckOf('no-hvf')).toBeNull();
    expect(realQemuCheckOf('no-hvf › real qemu - SKIPPED: not installed')).toBeNull();
    expect(realQemuCheckOf('real qemu 10.0.13 › later')).toBeNull();
  });
});
