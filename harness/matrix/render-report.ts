// The matrix report (reports/matrix.md, also printed): what ran on which release, the tables,
// the differences, failures and problems, warnings, timings, and a last plain line
// `N passed, N failed` that CI reads. Pure: timings and dates come in as data.
import { realQemuCheckOf } from './case-rows.ts';
import { differenceLines } from './diff-versions.ts';
import { caseQemuTable, nixTable, qemuTable } from './render-tables.ts';
import type { MatrixVerdict } from './verdict.ts';

export interface ToolchainLine {
  readonly tool: 'nix' | 'qemu';
  readonly version: string;
  readonly suite: string;
  readonly path: string;
}

export interface Timing {
  readonly step: string;
  readonly seconds: number;
}

export interface ReportContext {
  /** ISO date of the run */
  readonly date: string;
  readonly toolchains: readonly ToolchainLine[];
  readonly timings: readonly Timing[];
  /** how many runs went at once */
  readonly jobs: number;
}

export function summaryLine(v: Pick<MatrixVerdict, 'passed' | 'failed'>): string {
  return `${v.passed} passed, ${v.failed} failed`;
}

export function renderReport(v: MatrixVerdict, ctx: ReportContext): string {
  const out: string[] = ['# flakecase version matrix', ''];
  out.push(`Run ${ctx.date}, ${ctx.jobs} run(s) at a time. Releases:`, '');
  for (const t of ctx.toolchains) out.push(`- ${t.tool} ${t.version} (${t.suite}): \`${t.path}\``);

  out.push('', '## Nix release × case × condition', '');
  out.push(v.caseRows.length > 0 ? nixTable(v.caseRows, v.nixVersions) : '(no case-suite results)');

  out.push('', '## QEMU release × qemu line', '', 'harness/qemu/real: the qemu model against each real QEMU.', '');
  out.push(v.qemuRows.length > 0 ? qemuTable(v.qemuRows, v.qemuVersions) : '(no real-QEMU results)');
  if (v.caseRows.some((r) => realQemuCheckOf(r.condition) !== null)) {
    out.push('', "The case suite's per-case checks: each case's builder qemu line on each real QEMU, under each Nix release.", '');
    out.push(caseQemuTable(v.caseRows, v.qemuVersions, v.nixVersions));
  }

  out.push('', '## Differences between Nix releases', '');
  if (v.differences.length === 0) {
    out.push(v.nixVersions.length > 1 ? `None: every (case, condition) ends the same on nix ${v.nixVersions.join(', ')}.` : 'Not compared: fewer than two Nix releases ran.');
  } else {
    out.push(`${v.differences.length} test(s) end differently (each fails the matrix):`, '');
    for (const d of differenceLines(v.differences)) out.push(`- ${d.name}: ${d.cells.map((c) => `${c.nix} ${c.status}`).join(', ')}`);
  }
  if (v.failures.length > 0) {
    out.push('', '## Failed tests', '');
    for (const f of v.failures) out.push(`- ${f.name} (${f.where.join(', ')})${f.detail ? `: ${f.detail}` : ''}`);
  }
  if (v.problems.length > 0) out.push('', '## Problems (these fail the matrix)', '', ...v.problems.map(bullet));
  if (v.warnings.length > 0) out.push('', '## Warnings', '', ...v.warnings.map(bullet));
  if (ctx.timings.length > 0) {
    out.push('', '## Timings', '', '| step | seconds |', '| --- | --- |');
    for (const t of ctx.timings) out.push(`| ${t.step} | ${t.seconds.toFixed(1)} |`);
  }
  out.push('', `${v.skipped} skipped`, summaryLine(v), '');
  return out.join('\n');
}

function bullet(text: string): string {
  const [head = '', ...rest] = text.split('\n');
  return [`- ${head}`, ...rest.map((l) => `  ${l}`)].join('\n');
}
