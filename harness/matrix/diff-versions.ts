// Compares the case suite across Nix releases: every (case, condition) must end the same way on
// each. An intended difference (an error's wording) lives in case.yaml as a version-range
// expectation, so the status stays equal; anything else that differs is listed here.
import { realQemuCheckOf } from './case-rows.ts';
import type { CaseRow, Status } from './status.ts';
import { compareVersions } from './text.ts';

export type Cell = Status | 'absent';

export interface VersionDifference {
  readonly case: string;
  readonly condition: string;
  /** one entry per compared version, in the order given */
  readonly cells: readonly { readonly nix: string; readonly status: Cell; readonly detail: string }[];
}

export function rowKey(r: { readonly case: string; readonly condition: string }): string {
  return `${r.case}\0${r.condition}`;
}

/** (case, condition) keys in first-seen order: the suite's own order. */
export function orderedKeys(rows: readonly CaseRow[]): { case: string; condition: string }[] {
  const seen = new Map<string, { case: string; condition: string }>();
  for (const r of rows) if (!seen.has(rowKey(r))) seen.set(rowKey(r), { case: r.case, condition: r.condition });
  return [...seen.values()];
}

/** Lookup (version, key) → row. A duplicate name keeps the worse outcome, never hides a failure. */
export function indexRows(rows: readonly CaseRow[]): Map<string, CaseRow> {
  const byKey = new Map<string, CaseRow>();
  for (const r of rows) {
    const k = `${r.nix}\0${rowKey(r)}`;
    const had = byKey.get(k);
    if (!had || (had.status !== 'fail' && r.status === 'fail')) byKey.set(k, r);
  }
  return byKey;
}

export function diffVersions(rows: readonly CaseRow[], versions: readonly string[]): VersionDifference[] {
  if (versions.length < 2) return [];
  const index = indexRows(rows);
  const out: VersionDifference[] = [];
  for (const key of orderedKeys(rows)) {
    const cells = versions.map((nix) => {
      const r = index.get(`${nix}\0${rowKey(key)}`);
      return { nix, status: r ? r.status : ('absent' as const), detail: r?.detail ?? '' };
    });
    if (new Set(cells.map((c) => c.status)).size > 1) out.push({ ...key, cells });
  }
  return out;
}

export interface DifferenceLine {
  /** `case › condition`, or `case › condition › real qemu 7.2.22, 10.0.13` for grouped checks */
  readonly name: string;
  readonly cells: VersionDifference['cells'];
}

/**
 * One line per difference, except that a case's real-QEMU checks that differ in the same way
 * on every QEMU release share a line: they usually follow from the condition itself.
 */
export function differenceLines(diffs: readonly VersionDifference[]): DifferenceLine[] {
  const out: DifferenceLine[] = [];
  const grouped = new Map<string, { base: string; qemus: string[]; cells: VersionDifference['cells'] }>();
  for (const d of diffs) {
    const check = realQemuCheckOf(d.condition);
    if (!check) {
      out.push({ name: `${d.case} › ${d.condition}`, cells: d.cells });
      continue;
    }
    const base = `${d.case} › ${check.condition}`;
    const key = `${base}\0${d.cells.map((c) => `${c.nix}=${c.status}`).join(',')}`;
    const g = grouped.get(key);
    if (g) g.qemus.push(check.qemu);
    else grouped.set(key, { base, qemus: [check.qemu], cells: d.cells });
  }
  for (const g of grouped.values()) out.push({ name: `${g.base} › real qemu ${[...g.qemus].sort(compareVersions).join(', ')}`, cells: g.cells });
  return out;
}
