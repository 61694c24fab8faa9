// Inside GitHub Actions: one `::error file=…,line=…,col=…::` workflow command per failing
// expectation, on its case.yaml line, so the pull request shows it beside the diff; skipped
// expectations become `::warning` (not checked is not passed). Escaping follows the runner's
// rules as implemented in actions/toolkit packages/core/src/command.ts (escapeData and
// escapeProperty): % CR LF in data; also : and , in properties.
import type { Reporter, ReporterContext, ReporterOptions } from './reporter.ts';
import type { TaskReport, Where } from './task-report.ts';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning', where: Where | undefined, file: string, title: string, message: string): string {
  const props = [`file=${escapeProperty(where?.file ?? file)}`, ...(where ? [`line=${where.line}`, `col=${where.col}`] : []), `title=${escapeProperty(title)}`];
  return `::${kind} ${props.join(',')}::${escapeData(message)}`;
}

/** The workflow commands for one finished task (none when it passed). Pure. */
export function renderAnnotations(t: TaskReport): string[] {
  const title = `flakecase ${t.caseName} › ${t.condition}`;
  const errors = t.mismatches.map((m) =>
    command('error', m.where, t.caseFile, title, [`${m.path}: expected ${m.expected}`, `actual: ${m.actual}`, ...(t.stage ? [`stage: ${t.stage}`] : []), `re-run: ${t.reproduce}`].join('\n')),
  );
  const warnings = t.skipped.map((s) => command('warning', s.where, t.caseFile, title, `${s.path}: not checked: ${s.reason}`));
  return [...errors, ...warnings];
}

export class AnnotationsReporter implements Reporter {
  constructor(
    private readonly ctx: ReporterContext,
    _options: ReporterOptions = {},
  ) {}

  onTaskEnd(t: TaskReport): void {
    for (const line of renderAnnotations(t)) this.ctx.out.write(`${line}\n`);
  }
}
