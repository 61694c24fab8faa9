import { describe, expect, it } from 'vitest';
import { loadReport } from './load-fixture.ts';
import { decide, type MatrixInput, type NixRun } from './verdict.ts';
import type { VitestReport } from './vitest-report.ts';

const VERSIONS = [
  { suite: 'bookworm', nix: '2.8.0' },
  { suite: 'trixie', nix: '2.26.3' },
  { suite: 'sid', nix: '2.34.8' },
];
const QEMUS = [
  { suite: 'bookworm', qemu: '7.2.22' },
  { suite: 'trixie', qemu: '10.0.13' },
  { suite: 'sid', qemu: '11.1.3' },
];
const nixRuns = (): NixRun[] => VERSIONS.map((v) => ({ ...v, outcome: { kind: 'report', report: loadReport(`cases-nix-${v.nix}.json`), exitCode: 1 } }));
const qemuRun = (name = 'real-qemu.json'): MatrixInput['qemuRun'] => ({ expected: QEMUS, outcome: { kind: 'report', report: loadReport(name), exitCode: 0 } });
// Every case test passing: the real 2.8.0 report with its three failures turned green.
const allGreen = (r: VitestReport): VitestReport => ({ ...r, files: r.files.map((f) => ({ ...f, failed: false, tests: f.tests.map((t) => ({ ...t, status: 'pass' as const })) })) });
const greenRuns = (): NixRun[] => nixRuns().map((r) => (r.outcome.kind === 'report' ? { ...r, outcome: { ...r.outcome, report: allGreen(r.outcome.report), exitCode: 0 } } : r));

describe('decide', () => {
  it('counts the real runs: 3 × 27 case tests with 3 failures each, and 30 real-QEMU tests', () => {
    const v = decide({ nixRuns: nixRuns(), qemuRun: qemuRun(), missing: [], ci: true });
    expect(v.nixVersions).toEqual(['2.8.0', '2.26.3', '2.34.8']);
    expect(v.qemuVersions).toEqual(['7.2.22', '10.0.13', '11.1.3']);
    expect(v.differences).toEqual([]);
    expect([v.passed, v.failed, v.skipped, v.exitCode]).toEqual([3 * 24 + 30, 9, 0, 1]);
    expect(v.failures).toEqual(
      ['hvf', 'no-builder', 'no-hvf'].map((c) => ({ name: `default-builder › ${c}`, where: ['nix 2.8.0', 'nix 2.26.3', 'nix 2.34.8'], detail: 'actual: it references: linux-builder-start<' })),
    );
    expect(v.problems).toEqual([]);
  });

  it('is green when every test passes on every release', () => {
    const v = decide({ nixRuns: greenRuns(), qemuRun: qemuRun(), missing: [], ci: true });
    expect([v.passed, v.failed, v.exitCode, v.problems, v.failures, v.differences]).toEqual([3 * 27 + 30, 0, 0, [], [], []]);
  });

  it('fails on a status that differs between releases even when no test failed (a skip on one release)', () => {
    const runs = greenRuns();
    const last = runs[2];
    if (last?.outcome.kind !== 'report') throw new Error('fixture');
    const report = last.outcome.report;
    const skipped = { ...report, files: report.files.map((f) => ({ ...f, tests: f.tests.map((t, i) => (i === 0 ? { ...t, status: 'skip' as const, vitestStatus: 'skipped' } : t)) })) };
    runs[2] = { ...last, outcome: { ...last.outcome, report: skipped } };
    const local = decide({ nixRuns: runs, qemuRun: qemuRun(), missing: [], ci: false });
    expect(local.exitCode).toBe(1);
    expect(local.failed).toBe(1);
    expect(local.differences.map((d) => [d.case, d.condition, d.cells.map((c) => c.status)])).toEqual([['custom-config', 'hvf', ['pass', 'pass', 'skip']]]);
    expect([local.problems, local.failures]).toEqual([[], []]);
    expect(local.warnings[0]).toMatch(/^1 test\(s\) skipped:\n  - nix 2.34.8: custom-config › hvf$/);
    // Under CI the skip itself counts as well.
    expect(decide({ nixRuns: runs, qemuRun: qemuRun(), missing: [], ci: true }).failed).toBe(2);
  });

  it('warns locally and fails under CI when a release is missing or its QEMU tests were skipped', () => {
    const input = {
      nixRuns: greenRuns().slice(0, 1),
      qemuRun: { expected: QEMUS.slice(0, 1), outcome: { kind: 'report' as const, report: loadReport('real-qemu-no-fetched.json'), exitCode: 0 } },
      missing: [
        { tool: 'nix' as const, suite: 'sid', reason: 'not found; run scripts/fetch-toolchains' },
        { tool: 'qemu' as const, suite: 'sid', reason: 'not found; run scripts/fetch-toolchains' },
      ],
    };
    const local = decide({ ...input, ci: false });
    expect([local.exitCode, local.failed, local.skipped]).toEqual([0, 0, 9]);
    expect(local.warnings).toHaveLength(3);
    expect(local.warnings[0]).toBe('nix from sid is missing, its column is not in the matrix: not found; run scripts/fetch-toolchains');
    const ci = decide({ ...input, ci: true });
    expect([ci.exitCode, ci.failed]).toEqual([1, 2 + 9]);
    expect(ci.warnings).toEqual([]);
  });

  it('fails a run without a report, a run on the wrong nix, a QEMU found but never tested, and a non-zero exit with no failed test', () => {
    const [a, b] = greenRuns();
    if (!a || !b) throw new Error('fixture');
    const v = decide({
      nixRuns: [
        { ...a, outcome: { kind: 'broken', reason: 'vitest wrote no report (exit 1)' } },
        { ...b, nix: '2.30.0' },
        { ...b, suite: 'x', outcome: b.outcome.kind === 'report' ? { ...b.outcome, exitCode: 1 } : b.outcome },
      ],
      qemuRun: { expected: [...QEMUS, { suite: 'other', qemu: '9.9.9' }], outcome: { kind: 'report', report: loadReport('real-qemu.json'), exitCode: 0 } },
      missing: [],
      ci: false,
    });
    expect(v.problems).toEqual([
      'nix 2.8.0 (bookworm): the case suite produced no usable report: vitest wrote no report (exit 1)',
      'nix 2.30.0 (trixie): the suite says it ran nix 2.26.3 (FLAKECASE_NIX not honoured?)',
      'nix 2.26.3 (x): vitest exited with 1 although no test failed (an unhandled error? see its log)',
      'QEMU 9.9.9 (other) was found but no real-QEMU test ran on it',
    ]);
    expect(v.failed).toBe(4);
    expect(v.exitCode).toBe(1);
  });

  it('never calls an empty matrix green', () => {
    const empty: VitestReport = { success: true, files: [] };
    const v = decide({ nixRuns: [{ suite: 's', nix: '2.8.0', outcome: { kind: 'report', report: empty, exitCode: 0 } }], qemuRun: null, missing: [], ci: false });
    expect(v.problems).toEqual(['nix 2.8.0 (s): the case suite reported no tests']);
    expect(v.exitCode).toBe(1);
  });
});
