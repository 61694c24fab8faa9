// --json FILE: the run report as JSON, typed results included (RunReport in run-report.ts).
import type { Reporter, ReporterContext, ReporterOptions } from './reporter.ts';
import type { RunReport } from './run-report.ts';

export function renderJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export class JsonReporter implements Reporter {
  constructor(
    private readonly ctx: ReporterContext,
    private readonly options: ReporterOptions,
  ) {}

  async onRunEnd(report: RunReport): Promise<void> {
    if (this.options.file) await this.ctx.writeFile(this.options.file, renderJson(report), 'replace');
  }
}
