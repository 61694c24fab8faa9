// Failed tests for the report, one entry per test name: the same (case, condition) failing on
// three Nix releases is one problem seen three times, and reads best as one line.
import type { CaseRow, QemuRow } from './status.ts';

export interface FailureGroup {
  /** `case › condition` or `qemu line` */
  readonly name: string;
  /** where it failed, in run order: `nix 2.26.3`, `qemu 11.1.3` */
  readonly where: readonly string[];
  /** why, from the first place it failed (the text differs per run only in paths and times) */
  readonly detail: string;
}

export function groupFailures(caseRows: readonly CaseRow[], qemuRows: readonly QemuRow[]): FailureGroup[] {
  const groups = new Map<string, { name: string; where: string[]; detail: string }>();
  const add = (name: string, where: string, detail: string) => {
    const g = groups.get(name);
    if (g) g.where.push(where);
    else groups.set(name, { name, where: [where], detail });
  };
  for (const r of caseRows) if (r.status === 'fail') add(`${r.case} › ${r.condition}`, `nix ${r.nix}`, r.detail);
  for (const r of qemuRows) if (r.status === 'fail') add(r.line, r.qemu === null ? 'any qemu' : `qemu ${r.qemu}`, r.detail);
  return [...groups.values()];
}
