// `flakecase [filters] [options]`: open the suite, select tasks, run them through every
// reporter, and turn the outcome into an exit code.
import { existsSync, statSync } from 'node:fs';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { REPORTERS, makeRunReport, toTaskReport, type Reporter, type ReporterContext, type TaskReport } from '../report/index.ts';
import { openSuite as realOpenSuite, type TaskEvent } from '../run/index.ts';
import { formatSpecProblem } from '../spec/index.ts';
import type { RunOptions } from './args.ts';
import { CliError, EXIT } from './errors.ts';
import type { CliIO } from './io.ts';
import { selectTasks } from './select.ts';

export interface RunDeps {
  readonly openSuite: typeof realOpenSuite;
  readonly version: string;
}

function resolveFlakeInputs(flakeInputs: Readonly<Record<string, string>>, cwd: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, path] of Object.entries(flakeInputs)) {
    const abs = resolve(cwd, path);
    if (!existsSync(join(abs, 'flake.nix'))) {
      throw new CliError('E_FLAKE_INPUT', `--flake-input ${name}=${path}: ${abs} has no flake.nix`, `Give the folder of a flake, e.g. your nixfiles checkout: --flake-input ${name}=/path/to/nixfiles.`);
    }
    out[name] = `path:${abs}`;
  }
  return out;
}

/** Console reporter by terminal, plus the file and GitHub reporters the options and env ask for. */
export function chooseReporters(o: RunOptions, io: CliIO): Reporter[] {
  const ctx: ReporterContext = {
    out: io.stdout,
    env: io.env,
    now: () => Date.now(),
    writeFile: async (path, text, mode) => {
      const abs = resolve(io.cwd, path);
      await mkdir(dirname(abs), { recursive: true });
      await (mode === 'append' ? appendFile(abs, text) : writeFile(abs, text));
    },
  };
  const ci = io.env.CI === 'true' || io.env.CI === '1';
  const list: Reporter[] = [io.stdout.isTTY && !ci ? new REPORTERS.tty(ctx, {}) : new REPORTERS.plain(ctx, {})];
  if (o.json) list.push(new REPORTERS.json(ctx, { file: o.json }));
  if (o.junit) list.push(new REPORTERS.junit(ctx, { file: o.junit }));
  if (io.env.GITHUB_ACTIONS === 'true') list.push(new REPORTERS['github-annotations'](ctx, {}));
  if (io.env.GITHUB_STEP_SUMMARY) list.push(new REPORTERS['github-summary'](ctx, {}));
  return list;
}

export async function runCases(o: RunOptions, io: CliIO, deps: RunDeps): Promise<number> {
  const casesDir = resolve(io.cwd, o.cases);
  if (!existsSync(casesDir) || !statSync(casesDir).isDirectory()) {
    throw new CliError('E_NO_CASES_DIR', `no cases folder at ${casesDir}`, 'Pass --cases DIR, or write a starter folder with: flakecase init');
  }
  const inputOverrides = resolveFlakeInputs(o.flakeInputs, io.cwd);
  const reporters = chooseReporters(o, io);
  const started = new Set<string>();
  const key = (c: string, k: string) => `${c}\0${k}`;
  const onTaskEvent = (e: TaskEvent) => {
    if (e.kind !== 'stage') return;
    const ref = { caseName: e.caseName, condition: e.condition };
    if (!started.has(key(e.caseName, e.condition))) {
      started.add(key(e.caseName, e.condition));
      for (const r of reporters) r.onTaskStart?.(ref);
    }
    for (const r of reporters) r.onTaskStage?.(ref, e.stage);
  };
  const opened = await deps.openSuite({ casesDir, concurrency: o.concurrency, inputOverrides, inputs: o.inputs, onTaskEvent, hostSystem: io.env.FLAKECASE_HOST_SYSTEM || undefined });
  if (!opened.ok) {
    const e = opened.error;
    if (e.kind === 'nix') throw new CliError('E_NIX_SETUP', e.error.message, e.error.hint);
    throw new CliError('E_SUITE_CONFIG', e.message, 'Fix suite.yaml in the cases folder (its keys: upstream-cache: [{flake, attribute}]).');
  }
  const suite = opened.value;
  try {
    const { dirs, tasks } = selectTasks(suite.cases, o.filters, o.conditions);
    const broken = dirs.flatMap((c) => (c.load.ok ? [] : [c.load]));
    for (const c of dirs) for (const w of c.load.warnings) io.stderr.write(`warning: ${formatSpecProblem(w)}\n`);
    if (broken.length > 0) {
      const text = broken.flatMap((b) => (b.ok ? [] : b.errors.map((e) => formatSpecProblem(e, b.source)))).join('\n');
      throw new CliError('E_SPEC', `${broken.length} case.yaml file(s) have errors:\n${text}`, 'Fix the case.yaml at the positions above; nothing was run.');
    }
    const v = suite.nix.binary.version;
    const nixVersion = `${v.major}.${v.minor}.${v.patch}`;
    const t0 = Date.now();
    for (const r of reporters) await r.onRunStart?.({ tasks, concurrency: suite.concurrency, nixVersion, inputs: o.inputs });
    const reports: TaskReport[] = await Promise.all(
      tasks.map(async (t) => {
        const report = toTaskReport(await suite.runCondition(t.caseName, t.condition));
        for (const r of reporters) r.onTaskEnd?.(report);
        return report;
      }),
    );
    const run = makeRunReport(
      { flakecaseVersion: deps.version, nixVersion, inputs: o.inputs, casesDir, startedAt: new Date(t0).toISOString(), hostname: hostname() },
      reports,
      Date.now() - t0,
    );
    for (const r of reporters) await r.onRunEnd?.(run);
    return run.counts.failed > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    await suite.close();
  }
}
