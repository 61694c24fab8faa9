// I/O edge: one vitest run with the json reporter to a file, its console output kept in a log.
// Output is captured, not streamed, so runs that overlap do not interleave their lines.
// Each run gets its own process group: on a timeout or Ctrl-C the whole group goes (vitest,
// its workers and the nix/qemu they started), not just the top process, whose children would
// otherwise keep the pipes open and the matrix waiting.
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

const KILL_GRACE_MS = 10_000;
const liveGroups = new Set<number>();
let signalsHooked = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

// Detached groups do not get the terminal's Ctrl-C: pass it on, then leave as the signal asks.
function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const pid of liveGroups) killGroup(pid, 'SIGTERM');
      setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 500).unref();
    });
  }
}

export async function runVitest(o: VitestRunOptions): Promise<VitestRun> {
  hookSignals();
  const reportFile = join(o.workDir, `${o.label.replace(/[^A-Za-z0-9.-]+/g, '_')}.json`);
  const args = ['run', ...o.args, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
  const envText = Object.entries(o.env).map(([k, v]) => `${k}=${v}`).join(' ');
  const command = `${envText ? `${envText} ` : ''}npx vitest ${args.join(' ')}`;
  // Plain text for the log files: vitest's colours (tinyrainbow) turn on whenever FORCE_COLOR
  // is set at all, even to 0, so it is removed rather than overridden.
  const { FORCE_COLOR: _forced, ...inherited } = process.env;
  const started = performance.now();
  const child = execa(join(o.repoDir, 'node_modules/.bin/vitest'), args, {
    cwd: o.repoDir,
    env: { ...inherited, ...o.env, NO_COLOR: '1' },
    extendEnv: false,
    all: true,
    reject: false,
    stdin: 'ignore',
    detached: true,
  });
  const pid = child.pid;
  if (pid !== undefined) liveGroups.add(pid);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (pid === undefined) return;
    killGroup(pid, 'SIGTERM');
    setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS).unref();
  }, o.timeoutMs);
  const r = await child;
  clearTimeout(timer);
  if (pid !== undefined) {
    // Stragglers (a nix a worker started) must not outlive the run.
    killGroup(pid, 'SIGKILL');
    liveGroups.delete(pid);
  }
  const seconds = (performance.now() - started) / 1000;
  const log = `$ ${command}\n${String(r.all ?? '')}\n`;
  await writeFile(o.logFile, log);
  if (timedOut) return { outcome: { kind: 'broken', reason: `timed out after ${Math.round(o.timeoutMs / 1000)}s (log: ${o.logFile})` }, seconds, command, log };
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
