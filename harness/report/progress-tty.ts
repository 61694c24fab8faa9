// Console output on a terminal: finished tasks scroll up as permanent lines; below them, a live
// region with one line per running task (its stage and elapsed time), redrawn in place ten
// times a second. Lines are cut to the terminal width: a wrapped line would break the count of
// lines to erase on the next redraw.
import type { StageName } from '../result/index.ts';
import { runEndLines, runStartLine, seconds, taskEndLines } from './progress-lines.ts';
import type { Reporter, ReporterContext, ReporterOptions, RunStart, TaskRef } from './reporter.ts';
import type { RunReport } from './run-report.ts';
import type { TaskReport } from './task-report.ts';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const ESC = '\u001b[';

interface Running {
  readonly ref: TaskRef;
  stage: StageName | 'queued';
  readonly startedAt: number;
}

/** The live region's lines at time `now`. Pure, for tests. */
export function liveLines(running: readonly Running[], queued: number, now: number, columns: number): string[] {
  const frame = FRAMES[Math.floor(now / 100) % FRAMES.length] ?? '-';
  const lines = running.map((r) => `${frame} ${r.ref.caseName} › ${r.ref.condition}  ${r.stage}  ${seconds(now - r.startedAt)}`);
  if (queued > 0) lines.push(`  … ${queued} waiting`);
  return lines.map((l) => (l.length >= columns ? `${l.slice(0, Math.max(1, columns - 2))}…` : l));
}

export class TtyReporter implements Reporter {
  private readonly running = new Map<string, Running>();
  private total = 0;
  private ended = 0;
  private drawn = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: ReporterContext,
    _options: ReporterOptions = {},
  ) {}

  private key(t: TaskRef): string {
    return `${t.caseName}\0${t.condition}`;
  }

  private redraw(permanent: readonly string[] = []): void {
    // A pty without a window size reports 0 columns: treat it as unknown.
    const columns = this.ctx.out.columns || 80;
    const live = liveLines([...this.running.values()], this.total - this.ended - this.running.size, this.ctx.now(), columns);
    // Up to the first live line, erase to the end of the screen, print what stays, then live.
    const erase = this.drawn > 0 ? `\r${ESC}${this.drawn}A${ESC}J` : `\r${ESC}J`;
    const text = [...permanent, ...live].map((l) => `${l}\n`).join('');
    this.ctx.out.write(`${erase}${text}`);
    this.drawn = live.length;
  }

  onRunStart(run: RunStart): void {
    this.total = run.tasks.length;
    this.ctx.out.write(`${runStartLine(run)}\n`);
    this.timer = setInterval(() => this.redraw(), 100);
    this.timer.unref();
  }

  onTaskStart(task: TaskRef): void {
    this.running.set(this.key(task), { ref: task, stage: 'queued', startedAt: this.ctx.now() });
    this.redraw();
  }

  onTaskStage(task: TaskRef, stage: StageName): void {
    const r = this.running.get(this.key(task));
    if (r) r.stage = stage;
    this.redraw();
  }

  onTaskEnd(t: TaskReport): void {
    this.running.delete(this.key({ caseName: t.caseName, condition: t.condition }));
    this.ended++;
    this.redraw(taskEndLines(t));
  }

  onRunEnd(report: RunReport): void {
    if (this.timer) clearInterval(this.timer);
    this.running.clear();
    this.total = this.ended;
    this.redraw(runEndLines(report));
  }
}
