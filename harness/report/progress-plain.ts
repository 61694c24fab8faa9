// Console output when stdout is not a terminal, or CI=true: one line per event, never redrawn,
// so a CI log reads top to bottom.
import type { StageName } from '../result/index.ts';
import { runEndLines, runStartLine, taskEndLines } from './progress-lines.ts';
import type { Reporter, ReporterContext, ReporterOptions, RunStart, TaskRef } from './reporter.ts';
import type { RunReport } from './run-report.ts';
import type { TaskReport } from './task-report.ts';

export class PlainReporter implements Reporter {
  constructor(
    private readonly ctx: ReporterContext,
    _options: ReporterOptions = {},
  ) {}

  private print(lines: readonly string[]): void {
    this.ctx.out.write(`${lines.join('\n')}\n`);
  }

  onRunStart(run: RunStart): void {
    this.print([runStartLine(run)]);
  }

  onTaskStage(task: TaskRef, stage: StageName): void {
    this.print([`  ${task.caseName} › ${task.condition}: ${stage}`]);
  }

  onTaskEnd(t: TaskReport): void {
    this.print(taskEndLines(t));
  }

  onRunEnd(report: RunReport): void {
    this.print(runEndLines(report));
  }
}
