// I/O edge: one vitest run with the json reporter to a file, its console output kept in a log.
// Output is captured, not streamed, so runs that overlap do not interleave their lines.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { RunOutcome } from './verdict.ts';
import { parseVitestReport } from './vitest-report.ts';

export interface VitestRunOptions {
  readonly label: string;
  /** vitest CLI arguments before the reporters: `['--project', 'cases']` */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly repoDir: string;
  /** where the JSON report goes (a temp folder) */
  readonly workDir: string;
  /** where the console log is kept (reports/matrix-logs) */
  readonly logFile: string;
  readonly timeoutMs: number;
}

export interface VitestRun {
  readonly outcome: RunOutcome;
  readonly seconds: number;
  readonly command: string;
  readonly log: string;
}

export async function runVitest(o: VitestRunOptions): Promise<VitestRun> {
  const reportFile = join(o.workDir, `${o.label.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`);
  const args = ['vitest', 'run', ...o.args, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
  const envText = Object.entries(o.env).map(([k, v]) => `${k}=${v}`).join(' ');
  const command = `${envText ? `${envText} ` : ''}npx ${args.join(' ')}`;
  const started = performance.now();
  // Plain text for the log files: vitest's colours (tinyrainbow) turn on whenever FORCE_COLOR
  // is set at all, even to 0, so it is removed rather than overridden.
  const { FORCE_COLOR: _forced, ...inherited } = process.env;
  const r = await execa('npx', args, {
    cwd: o.repoDir,
    env: { ...inherited, ...o.env, NO_COLOR: '1' },
    extendEnv: false,
    all: true,
    reject: false,
    timeout: o.timeoutMs,
    stdin: 'ignore',
  });
  const seconds = (performance.now() - started) / 1000;
  const log = `$ ${command}\n${String(r.all ?? '')}\n`;
  await writeFile(o.logFile, log);
  if (r.timedOut) return { outcome: { kind: 'broken', reason: `timed out after ${o.timeoutMs / 1000}s (log: ${o.logFile})` }, seconds, command, log };
  let text: string;
  try {
    text = await readFile(reportFile, 'utf8');
  } catch {
    const how = r.exitCode === undefined ? `killed by ${r.signal ?? 'a signal'}` : `exit ${r.exitCode}`;
    return { outcome: { kind: 'broken', reason: `vitest wrote no report (${how}; log: ${o.logFile})` }, seconds, command, log };
  }
  const parsed = parseVitestReport(text, reportFile);
  if (!parsed.ok) return { outcome: { kind: 'broken', reason: parsed.error }, seconds, command, log };
  return { outcome: { kind: 'report', report: parsed.value, exitCode: r.exitCode ?? null }, seconds, command, log };
}
