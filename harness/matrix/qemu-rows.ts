// Turns the real-QEMU test report (harness/qemu/real/real-qemu.test.ts) into rows of the QEMU
// table. That file names its blocks `real QEMU: <suite> <version>` (one per binary found), then
// `<line> line` / `refuses <what>`, then the test. A binary that is missing is registered as a
// skipped block whose title says SKIPPED and why; housekeeping tests run no particular release.
// (The case suite's own per-case checks, `<case> › <condition> › real qemu <version>`, stay
// case rows: they ran once per Nix release; render-tables shows them per QEMU and Nix release.)
import { NAME_SEPARATOR } from './case-rows.ts';
import type { QemuRow } from './status.ts';
import { failureSummary, firstLine } from './text.ts';
import type { VitestReport } from './vitest-report.ts';

const BLOCK = /^real QEMU: (\S+) (\d+\.\d+\.\d+\S*)$/;

export function qemuRowsFrom(report: VitestReport): QemuRow[] {
  const rows: QemuRow[] = [];
  for (const f of report.files) {
    for (const t of f.tests) {
      const [top = '', ...inner] = t.ancestors;
      const block = BLOCK.exec(top);
      const detail = t.status === 'fail' ? failureSummary(t.failureMessages[0] ?? '') : t.status === 'skip' ? firstLine(top) : '';
      rows.push({
        qemu: block?.[2] ?? null,
        suite: block?.[1] ?? null,
        line: [...(block ? inner : t.ancestors), t.title].join(NAME_SEPARATOR),
        status: t.status,
        detail,
      });
    }
    if (f.failed && !f.tests.some((t) => t.status === 'fail')) {
      rows.push({ qemu: null, suite: null, line: f.file.split('/').pop() ?? f.file, status: 'fail', detail: firstLine(f.message) || 'the file failed outside any test' });
    }
  }
  return rows;
}
