// npm run test:matrix: the case suite once per Nix release and the real-QEMU tests once, then
// one report (reports/matrix.md and stdout) ending in `N passed, N failed`. A thin shell over
// harness/matrix: fetch, find, run, decide, print. See docs/matrix.md.
//
//   tsx scripts/matrix.ts [--jobs N] [--no-fetch] [--timeout-minutes M]
//
// --jobs: runs at once (default 1, measured in docs/matrix.md). --no-fetch: use what is there.
// CI=true turns a missing release or a skipped test from a warning into a failure.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import pLimit from 'p-limit';
import { dir } from 'tmp-promise';
import {
  decide,
  planMatrix,
  renderReport,
  runVitest,
  summaryLine,
  type NixRun,
  type Timing,
  type ToolchainLine,
  type VitestRun,
} from '../harness/matrix/index.ts';
import { findToolchains } from '../harness/toolchains/index.ts';

const repoDir = fileURLToPath(new URL('..', import.meta.url));
const ci = /^(1|true)$/i.test(process.env.CI ?? '');

const { values: opts } = parseArgs({
  options: {
    jobs: { type: 'string', default: '1' },
    'no-fetch': { type: 'boolean', default: false },
    'timeout-minutes': { type: 'string', default: '30' },
  },
});
const jobs = Math.max(1, Number.parseInt(opts.jobs, 10) || 1);
const timeoutMs = Math.max(1, Number(opts['timeout-minutes']) || 30) * 60_000;

const say = (text: string) => process.stdout.write(`${text}\n`);
const loud = (text: string) => process.stderr.write(`\n!!! ${text}\n\n`);
const started = performance.now();
const timings: Timing[] = [];

// 1. Toolchains. fetch-toolchains prints its own reason (archive unreachable, ...) on stderr.
let fetchProblem: string | null = null;
if (!opts['no-fetch']) {
  say('matrix: fetching toolchains (scripts/fetch-toolchains --suite all)');
  const t0 = performance.now();
  const f = await execa('bash', [join(repoDir, 'scripts/fetch-toolchains'), '--suite', 'all'], { stdio: 'inherit', reject: false });
  timings.push({ step: 'fetch-toolchains', seconds: (performance.now() - t0) / 1000 });
  if (f.exitCode !== 0) {
    fetchProblem = `scripts/fetch-toolchains failed (exit ${f.exitCode ?? f.signal}): Debian's archive unreachable? See its error above; try 'apt-get update' on this machine`;
    loud(`matrix: ${fetchProblem}.${ci ? ' Under CI this fails the matrix.' : ' Running with what is there.'}`);
  }
}
const work = await dir({ prefix: 'flakecase-matrix-', unsafeCleanup: true });
let found = await findToolchains();
if (!found.ok) {
  fetchProblem = `${found.error.code}: ${found.error.message} (${found.error.hint})`;
  loud(`matrix: ${fetchProblem}`);
  // Still run the machine's own releases: an empty folder has no manifest.
  found = await findToolchains({ toolchainsDir: join(work.path, 'no-toolchains') });
}
const plan = planMatrix(found.ok ? found.value : [], fetchProblem);
if (plan.missing.length > 0) {
  const what = plan.missing.map((m) => `${m.tool} ${m.suite}`).join(', ');
  loud(`matrix: MISSING ${what}; ${ci ? 'under CI this fails the matrix' : 'running without them'} (reasons at the end)`);
}

// 2. Runs: the case suite per Nix release, the real-QEMU tests once (they iterate every QEMU).
const logDir = join(repoDir, 'reports', 'matrix-logs');
await mkdir(logDir, { recursive: true });
const limit = pLimit(jobs);
// A green run shows vitest's summary; a red or broken one its whole output (CI logs are where
// people look). Every log is also kept in reports/matrix-logs/.
const announce = (label: string, run: VitestRun) => {
  say(`\n===== ${label}: ${run.seconds.toFixed(1)}s =====`);
  const green = run.outcome.kind === 'report' && run.outcome.exitCode === 0 && run.outcome.report.success;
  process.stdout.write(green ? `${run.log.split('\n').filter((l) => /^\s*(\$ |Test Files|Tests|Duration)/.test(l)).join('\n')}\n` : run.log);
  timings.push({ step: label, seconds: run.seconds });
};
const nixRuns = plan.nix.map((t) =>
  limit(async (): Promise<NixRun> => {
    const label = `case suite, nix ${t.version} (${t.suite})`;
    say(`matrix: starting ${label}`);
    const run = await runVitest({
      label: `nix-${t.version}`,
      args: ['--project', 'cases'],
      env: { FLAKECASE_NIX: t.path },
      repoDir,
      workDir: work.path,
      logFile: join(logDir, `nix-${t.version}.log`),
      timeoutMs,
    });
    announce(label, run);
    return { suite: t.suite, nix: t.version, outcome: run.outcome };
  }),
);
const qemuRun = limit(async () => {
  const label = `real-QEMU tests (${plan.qemu.map((q) => q.qemu).join(', ') || 'none found'})`;
  say(`matrix: starting ${label}`);
  const run = await runVitest({
    label: 'real-qemu',
    args: ['--project', 'unit', 'harness/qemu/real'],
    env: {},
    repoDir,
    workDir: work.path,
    logFile: join(logDir, 'real-qemu.log'),
    timeoutMs,
  });
  announce(label, run);
  return { expected: plan.qemu, outcome: run.outcome };
});

// 3. Verdict and report.
const verdict = decide({ nixRuns: await Promise.all(nixRuns), qemuRun: await qemuRun, missing: plan.missing, ci });
timings.push({ step: `total (with ${jobs} run(s) at a time)`, seconds: (performance.now() - started) / 1000 });
const toolchains: ToolchainLine[] = [
  ...plan.nix.map((t) => ({ tool: 'nix' as const, version: t.version, suite: t.suite, path: t.path })),
  ...plan.qemu.map((t) => ({ tool: 'qemu' as const, version: t.qemu, suite: t.suite, path: t.path })),
];
const report = renderReport(verdict, { date: new Date().toISOString(), toolchains, timings, jobs });
await writeFile(join(repoDir, 'reports', 'matrix.md'), report);
await work.cleanup();
say(`\n${report.trimEnd()}\n(written to reports/matrix.md; logs in reports/matrix-logs/)`);
for (const w of verdict.warnings) loud(`WARNING: ${w}`);
// The summary is the very last line, on stdout, for CI.
say(summaryLine(verdict));
process.exitCode = verdict.exitCode;
