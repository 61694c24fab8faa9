// The reporter interface: optional lifecycle hooks, as vitest's node/types/reporter.ts. A
// reporter implements the hooks it needs; the CLI calls every reporter's hook in turn.
import type { StageName } from '../result/index.ts';
import type { RunReport } from './run-report.ts';
import type { TaskReport } from './task-report.ts';

export interface TaskRef {
  readonly caseName: string;
  readonly condition: string;
}

export interface RunStart {
  readonly tasks: readonly TaskRef[];
  readonly concurrency: number;
  readonly nixVersion: string;
  readonly inputs: 'stand-ins' | 'locked';
}

export interface Reporter {
  onRunStart?(run: RunStart): void | Promise<void>;
  onTaskStart?(task: TaskRef): void;
  onTaskStage?(task: TaskRef, stage: StageName): void;
  onTaskEnd?(task: TaskReport): void;
  onRunEnd?(report: RunReport): void | Promise<void>;
}

/** Where a reporter writes, and what it may know of its surroundings. Injected for tests. */
export interface ReporterContext {
  /** the terminal or log the run prints to */
  readonly out: { write(text: string): unknown; readonly columns?: number };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** ms since some origin; Date.now in real runs */
  readonly now: () => number;
  /** writes a report file (creating its folder); the JSON/JUnit/summary reporters use it */
  readonly writeFile: (path: string, text: string, mode: 'replace' | 'append') => Promise<void>;
}

export interface ReporterOptions {
  /** file the reporter writes (json, junit); the summary reporter reads $GITHUB_STEP_SUMMARY */
  readonly file?: string;
}

export type ReporterClass = new (ctx: ReporterContext, options: ReporterOptions) => Reporter;
