// Turns a case-suite report (cases/cases.test.ts, one run with one Nix) into matrix rows.
// Test names there: describe `nix X.Y.Z` > describe `<case>` > it `<case> › <condition>`, and
// the real-QEMU cross-checks `<case> › <condition> › real qemu <version>`. Setup failures are
// `flakecase setup` and `<case> › case.yaml`; they become rows too, so nothing is dropped.
import type { CaseRow } from './status.ts';
import { failureSummary, firstLine } from './text.ts';
import type { VitestReport } from './vitest-report.ts';

export const NAME_SEPARATOR = ' › ';
const NIX_HEADER = /^nix (\d+\.\d+\.\d+\S*)$/;

export interface CaseRows {
  readonly rows: readonly CaseRow[];
  /** the versions the suite itself printed in its `nix X.Y.Z` describe blocks */
  readonly headerVersions: readonly string[];
}

export function caseRowsFrom(report: VitestReport, nix: string): CaseRows {
  const rows: CaseRow[] = [];
  const headers = new Set<string>();
  for (const f of report.files) {
    for (const t of f.tests) {
      const rest = [...t.ancestors];
      const header = rest[0] === undefined ? null : NIX_HEADER.exec(rest[0]);
      if (header?.[1]) {
        headers.add(header[1]);
        rest.shift();
      }
      const parts = t.title.split(NAME_SEPARATOR);
      const [first, ...others] = parts;
      const named = first !== undefined && others.length > 0;
      rows.push({
        nix,
        case: named ? first : rest.length > 0 ? rest.join(NAME_SEPARATOR) : '(suite)',
        condition: named ? others.join(NAME_SEPARATOR) : t.title,
        status: t.status,
        detail: t.status === 'fail' ? failureSummary(t.failureMessages[0] ?? '') : t.status === 'skip' ? `vitest: ${t.vitestStatus}` : '',
      });
    }
    // A file that failed outside any test (import error, a throwing afterAll) is a failure
    // of its own; without this row a suite that never loaded would look empty, not red.
    if (f.failed && !f.tests.some((t) => t.status === 'fail')) {
      rows.push({ nix, case: '(file)', condition: baseName(f.file), status: 'fail', detail: firstLine(f.message) || 'the file failed outside any test' });
    }
  }
  return { rows, headerVersions: [...headers] };
}

const REAL_QEMU = /^(.*) › real qemu (\d\S*)$/;

/** A per-case real-QEMU cross-check: `hvf › real qemu 11.1.3` → { condition: hvf, qemu: 11.1.3 }. */
export function realQemuCheckOf(condition: string): { readonly condition: string; readonly qemu: string } | null {
  const m = REAL_QEMU.exec(condition);
  return m?.[1] && m[2] ? { condition: m[1], qemu: m[2] } : null;
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}
