// Markdown tables of the matrix: Nix release × case × condition, QEMU release × qemu line, and
// the case suite's per-case real-QEMU checks by QEMU and Nix release. A cell is pass, FAIL,
// skip, or — when the test did not exist in that run. Pure.
import { realQemuCheckOf } from './case-rows.ts';
import { indexRows, orderedKeys, rowKey, type Cell } from './diff-versions.ts';
import type { CaseRow, QemuRow } from './status.ts';

export function cellText(c: Cell): string {
  switch (c) {
    case 'pass':
      return 'pass';
    case 'fail':
      return '**FAIL**';
    case 'skip':
      return 'skip';
    case 'absent':
      return '—';
    default: {
      const never: never = c;
      return never;
    }
  }
}

// `|` inside a cell would split it into two columns.
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function table(head: readonly string[], body: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

/** The per-case real-QEMU checks are left out here: caseQemuTable shows them. */
export function nixTable(rows: readonly CaseRow[], versions: readonly string[]): string {
  const index = indexRows(rows);
  const body = orderedKeys(rows.filter((r) => realQemuCheckOf(r.condition) === null)).map((k) => [
    k.case,
    k.condition,
    ...versions.map((v) => cellText(index.get(`${v}\0${rowKey(k)}`)?.status ?? 'absent')),
  ]);
  return table(['case', 'condition', ...versions.map((v) => `nix ${v}`)], body);
}

/** Rows tied to a release form the table; version-independent ones are listed below it. */
export function qemuTable(rows: readonly QemuRow[], versions: readonly string[]): string {
  const lines: string[] = [];
  const cells = new Map<string, Cell>();
  for (const r of rows) {
    if (r.qemu === null) continue;
    if (!lines.includes(r.line)) lines.push(r.line);
    const k = `${r.qemu}\0${r.line}`;
    // Two rows with one name: the worse one shows, a failure is never hidden.
    if (cells.get(k) !== 'fail') cells.set(k, r.status);
  }
  const head = ['qemu line', ...versions.map((v) => `qemu ${v}`)];
  const body = lines.map((l) => [l, ...versions.map((v) => cellText(cells.get(`${v}\0${l}`) ?? 'absent'))]);
  const out = [table(head, body)];
  const free = rows.filter((r) => r.qemu === null);
  if (free.length > 0) {
    out.push('', 'Not tied to one release:', '', ...free.map((r) => `- ${cellText(r.status)}: ${r.line}${r.detail ? ` (${r.detail})` : ''}`));
  }
  return out.join('\n');
}

/** `<case> › <condition> › real qemu <q>` tests: one row per (case, condition), a column per (QEMU, Nix). */
export function caseQemuTable(rows: readonly CaseRow[], qemuVersions: readonly string[], nixVersions: readonly string[]): string {
  const checks = rows.flatMap((r) => {
    const c = realQemuCheckOf(r.condition);
    return c ? [{ ...r, condition: c.condition, qemu: c.qemu }] : [];
  });
  const cell = new Map<string, Cell>();
  const names: string[] = [];
  for (const c of checks) {
    const name = `${c.case} › ${c.condition}`;
    if (!names.includes(name)) names.push(name);
    const k = `${name}\0${c.qemu}\0${c.nix}`;
    if (cell.get(k) !== 'fail') cell.set(k, c.status);
  }
  const columns = qemuVersions.flatMap((q) => nixVersions.map((n) => ({ q, n })));
  const head = ['case › condition', ...columns.map(({ q, n }) => `qemu ${q} / nix ${n}`)];
  return table(head, names.map((name) => [name, ...columns.map(({ q, n }) => cellText(cell.get(`${name}\0${q}\0${n}`) ?? 'absent'))]));
}
