// Inside GitHub Actions: a job summary (markdown appended to $GITHUB_STEP_SUMMARY): a matrix
// of cases × conditions with pass/fail, the accelerator QEMU would use and whether the builder
// boots (from result.extra.qemu when a qemu stage recorded it, else —), then each failure.
import type { Reporter, ReporterContext, ReporterOptions } from './reporter.ts';
import { countsLine, type RunReport } from './run-report.ts';
import type { TaskReport } from './task-report.ts';

const STATUS = { passed: '✅ pass', failed: '❌ fail', skipped: '⏭️ skipped' } as const;

function cell(t: TaskReport | undefined): string {
  if (!t) return '';
  const accel = t.qemu?.accelerator ?? '—';
  const boots = t.qemu?.boots === undefined ? '—' : t.qemu.boots ? 'yes' : 'no';
  return `${STATUS[t.status]}<br>accel: ${accel}<br>boots: ${boots}`;
}

const md = (s: string) => s.replace(/\|/g, '\\|');

export function renderSummary(report: RunReport): string {
  const cases = [...new Set(report.tasks.map((t) => t.caseName))];
  const conditions = [...new Set(report.tasks.map((t) => t.condition))];
  const find = (c: string, k: string) => report.tasks.find((t) => t.caseName === c && t.condition === k);
  const lines = [
    `## flakecase: ${countsLine(report.counts)}`,
    '',
    `nix ${report.meta.nixVersion}, ${report.meta.inputs === 'locked' ? 'locked (real) inputs' : 'offline stand-ins'}, ${(report.durationMs / 1000).toFixed(1)}s`,
    '',
    `| case | ${conditions.map(md).join(' | ')} |`,
    `| --- | ${conditions.map(() => '---').join(' | ')} |`,
    ...cases.map((c) => `| ${md(c)} | ${conditions.map((k) => cell(find(c, k))).join(' | ')} |`),
    '',
  ];
  for (const t of report.tasks.filter((x) => x.status === 'failed')) {
    lines.push(`<details><summary>❌ ${t.caseName} › ${t.condition}${t.stage ? ` (stage ${t.stage})` : ''}</summary>`, '', '```text', t.failureText ?? '', '```', '', '</details>', '');
  }
  for (const t of report.tasks.filter((x) => x.skipped.length > 0)) {
    lines.push(`<details><summary>⏭️ ${t.caseName} › ${t.condition}: ${t.skipped.length} expectation(s) not checked</summary>`, '');
    for (const s of t.skipped) lines.push(`- \`${s.path}\`${s.where ? ` (${s.where.file}:${s.where.line})` : ''}: ${s.reason}`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

export class GithubSummaryReporter implements Reporter {
  constructor(
    private readonly ctx: ReporterContext,
    private readonly options: ReporterOptions,
  ) {}

  async onRunEnd(report: RunReport): Promise<void> {
    const file = this.options.file ?? this.ctx.env.GITHUB_STEP_SUMMARY;
    if (file) await this.ctx.writeFile(file, renderSummary(report), 'append');
  }
}
