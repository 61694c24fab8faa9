import { describe, expect, it } from 'vitest';
import { caseRowsFrom } from './case-rows.ts';
import { differenceLines, diffVersions } from './diff-versions.ts';
import { loadReport } from './load-fixture.ts';
import type { CaseRow } from './status.ts';

const VERSIONS = ['2.8.0', '2.26.3', '2.34.8'];
const realRows = (): CaseRow[] => VERSIONS.flatMap((v) => caseRowsFrom(loadReport(`cases-nix-${v}.json`), v).rows);

describe('diffVersions', () => {
  it('finds nothing when the three real runs end the same way (the same three failures on each)', () => {
    expect(diffVersions(realRows(), VERSIONS)).toEqual([]);
  });

  it('lists a (case, condition) whose status differs, with every version\'s cell', () => {
    const rows = realRows().map((r) =>
      r.nix === '2.34.8' && r.case === 'linux-needs-builder' && r.condition === 'no-builder' ? { ...r, status: 'fail' as const, detail: 'Error: wording' } : r,
    );
    expect(diffVersions(rows, VERSIONS)).toEqual([
      {
        case: 'linux-needs-builder',
        condition: 'no-builder',
        cells: [
          { nix: '2.8.0', status: 'pass', detail: '' },
          { nix: '2.26.3', status: 'pass', detail: '' },
          { nix: '2.34.8', status: 'fail', detail: 'Error: wording' },
        ],
      },
    ]);
  });

  it('treats a test that exists under one release only as a difference (absent)', () => {
    const rows = [...realRows(), { nix: '2.26.3', case: 'new-case', condition: 'hvf', status: 'pass' as const, detail: '' }];
    const d = diffVersions(rows, VERSIONS);
    expect(d.map((x) => x.cells.map((c) => c.status))).toEqual([['absent', 'pass', 'absent']]);
  });

  it('compares nothing with a single release', () => {
    expect(diffVersions([{ nix: '2.8.0', case: 'a', condition: 'b', status: 'fail', detail: '' }], ['2.8.0'])).toEqual([]);
  });
});

describe('differenceLines', () => {
  it("groups a case's real-QEMU checks that differ the same way, and keeps other lines apart", () => {
    const rows: CaseRow[] = [];
    for (const q of ['11.1.3', '7.2.22', '10.0.13']) rows.push({ nix: '2.8.0', case: 'story', condition: `hvf › real qemu ${q}`, status: 'pass', detail: '' });
    rows.push({ nix: '2.8.0', case: 'story', condition: 'hvf', status: 'pass', detail: '' }, { nix: '2.26.3', case: 'story', condition: 'hvf', status: 'fail', detail: 'actual: x' });
    const lines = differenceLines(diffVersions(rows, ['2.8.0', '2.26.3']));
    expect(lines.map((l) => `${l.name}: ${l.cells.map((c) => c.status).join(' ')}`)).toEqual([
      'story › hvf: pass fail',
      'story › hvf › real qemu 7.2.22, 10.0.13, 11.1.3: pass absent',
    ]);
  });
});
