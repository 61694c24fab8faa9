// A suite: every case in a folder, loaded once, each evaluated once, every (case, condition)
// task run at most once and at most `concurrency` at a time. Callers (the vitest case suite,
// the CLI) ask for tasks in any order; the suite shares the work between them.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { checkTask, type ExtraCheck, type Mismatch } from '../assert/index.ts';
import type { BinaryCache } from '../conditions/index.ts';
import { createNixAdapter, detectHostSetup, findNix, type NixAdapter, type NixError } from '../nix/index.ts';
import type { TaskResult } from '../result/index.ts';
import { discoverCases, loadCase, loadSuiteConfig, type CaseCondition, type LoadResult, type ResolvedCase, type SuiteConfig } from '../spec/index.ts';
import { flakecaseCacheDir } from './cache-dir.ts';
import { evaluateCase, type EvaluatedCase } from './evaluate-case.ts';
import { observeStages, type TaskEvent } from './observe-stages.ts';
import { nodeHostSystem, planOnlyReason, runPlanOnly, type SkippedCheck } from './plan-only.ts';
import { runTask } from './run-task.ts';
import { interruptible, makeTempRoot, removeTree } from './temp-root.ts';
import { dropInFingerprint } from './drop-in-module.ts';
import { fileResultCache, taskKey } from './result-cache.ts';
import { seedUpstreamCache } from './upstream-cache.ts';

export interface SuiteOptions {
  readonly casesDir: string;
  readonly concurrency?: number;
  readonly nix?: NixAdapter;
  readonly cacheDir?: string;
  /** extra --override-input for every case (e.g. nixfiles=path:/home/me/nixfiles) */
  readonly inputOverrides?: Readonly<Record<string, string>>;
  readonly extraChecks?: readonly ExtraCheck[];
  /** 'stand-ins' (default): case.yaml inputs replace the flake's; 'locked': the flake.lock's
   * inputs are used, and a condition this host cannot build runs plan-only (plan-only.ts). */
  readonly inputs?: 'stand-ins' | 'locked';
  /** the system this host builds natively (default: from Node's platform and arch) */
  readonly hostSystem?: string;
  /** Reuse results of unchanged tasks from the on-disk result cache (default false). */
  readonly resultCache?: boolean;
  /** progress: a task entered a stage, or ended */
  readonly onTaskEvent?: (e: TaskEvent) => void;
}

export interface TaskOutcome {
  readonly case: ResolvedCase;
  readonly condition: CaseCondition;
  readonly result: TaskResult;
  readonly mismatches: readonly Mismatch[];
  /** expectations that could not be checked here (plan-only), never counted as passed */
  readonly skipped: readonly SkippedCheck[];
  /** true when the result came from the result cache and no nix ran for it */
  readonly cached?: boolean;
}

export type SetupError = { readonly kind: 'nix'; readonly error: NixError } | { readonly kind: 'suite-config'; readonly message: string };

export interface Suite {
  readonly nix: NixAdapter;
  readonly cases: readonly { readonly dir: string; readonly load: LoadResult }[];
  readonly concurrency: number;
  runCondition(caseName: string, conditionName: string): Promise<TaskOutcome>;
  /** how many times this suite built and filled the upstream cache (0 when reused, at most 1) */
  readonly seedings: () => number;
  close(): Promise<void>;
}

export async function openSuite(opts: SuiteOptions): Promise<{ ok: true; value: Suite } | { ok: false; error: SetupError }> {
  let nix = opts.nix;
  if (!nix) {
    const found = await findNix();
    if (!found.ok) return { ok: false, error: { kind: 'nix', error: found.error } };
    nix = createNixAdapter(found.value, await detectHostSetup());
  }
  const config = await loadSuiteConfig(opts.casesDir);
  if (!config.ok) return { ok: false, error: { kind: 'suite-config', message: config.message } };
  const dirs = await discoverCases(opts.casesDir);
  const cases = await Promise.all(dirs.map(async (dir) => ({ dir, load: await loadCase(dir) })));
  return { ok: true, value: createSuite(nix, config.value, cases, opts) };
}

function createSuite(nix: NixAdapter, config: SuiteConfig, cases: Suite['cases'], opts: SuiteOptions): Suite {
  const concurrency = Math.max(1, opts.concurrency ?? availableParallelism());
  const limit = pLimit(concurrency);
  const { controller, release } = interruptible();
  const vars = { cores: String(availableParallelism()) };
  let root: Promise<string> | undefined;
  const workRoot = () => (root ??= makeTempRoot('run'));
  const evaluations = new Map<string, Promise<EvaluatedCase>>();
  const tasks = new Map<string, Promise<TaskOutcome>>();
  let seedings = 0;
  const results = opts.resultCache ? fileResultCache(join(opts.cacheDir ?? flakecaseCacheDir(), 'results')) : undefined;
  let cache: Promise<BinaryCache | undefined> | undefined;
  const emit = (e: TaskEvent) => opts.onTaskEvent?.(e);
  const evaluating = new Set<string>();
  const hostSystem = opts.hostSystem ?? nodeHostSystem();
  const ctxFor = (c: ResolvedCase) => ({ timeoutMs: c.timeoutMs, signal: controller.signal });

  const upstreamCache = () =>
    (cache ??= (async () => {
      if (config.upstreamCache.length === 0) return undefined;
      const r = await limit(() => seedUpstreamCache(nix, config.upstreamCache, join(opts.cacheDir ?? flakecaseCacheDir(), 'upstream-cache'), { timeoutMs: 600_000, signal: controller.signal }));
      if (!r.ok) throw new Error(`seeding the upstream cache failed: ${r.error.message}\n${r.error.stderrTail}`);
      if (r.value.seededNow) seedings++;
      return r.value.cache;
    })());

  const evaluate = (c: ResolvedCase) => {
    let e = evaluations.get(c.name);
    if (!e) {
      // With locked inputs the case.yaml stand-ins are not passed; --flake-input still is.
      const asRun = opts.inputs === 'locked' ? { ...c, inputs: {} } : c;
      e = (async () =>
        limit(async () => {
          evaluating.add(c.name);
          for (const cc of c.conditions) if (tasks.has(`${c.name}\0${cc.condition.name}`)) emit({ kind: 'stage', caseName: c.name, condition: cc.condition.name, stage: 'evaluate' });
          return evaluateCase(nix, asRun, await workRoot(), ctxFor(c), opts.inputOverrides);
        }))();
      evaluations.set(c.name, e);
    }
    return e;
  };

  const find = (caseName: string, conditionName: string) => {
    const entry = cases.find((x) => x.load.ok && x.load.value.name === caseName);
    if (!entry || !entry.load.ok) throw new Error(`no loaded case named ${caseName}`);
    const c = entry.load.value;
    const cc = c.conditions.find((x) => x.condition.name === conditionName);
    if (!cc) throw new Error(`case ${caseName} has no condition ${conditionName}`);
    return { c, cc };
  };

  return {
    nix,
    cases,
    concurrency,
    seedings: () => seedings,
    runCondition(caseName, conditionName) {
      const key = `${caseName}\0${conditionName}`;
      let t = tasks.get(key);
      if (!t) {
        const { c, cc } = find(caseName, conditionName);
        const ref = { caseName, condition: conditionName };
        const taskNix = observeStages(nix, (stage) => emit({ kind: 'stage', ...ref, stage }));
        if (evaluating.has(caseName)) queueMicrotask(() => emit({ kind: 'stage', ...ref, stage: 'evaluate' }));
        const reason = planOnlyReason(opts.inputs ?? 'stand-ins', hostSystem, cc.condition.parts);
        t = (async () => {
          const needsCache = cc.condition.parts.cache === 'upstream';
          const bc = needsCache ? await upstreamCache() : undefined;
          if (reason !== undefined) {
            const ev = await evaluate(c);
            const p = await limit(async () => runPlanOnly(c, cc, ev, { nix: taskNix, cache: bc, workRoot: await workRoot(), ctx: ctxFor(c), vars, hostSystem, reason }));
            return { case: c, condition: cc, ...p };
          }
          const cacheKey = results
            ? await taskKey({ caseDir: c.dir, inputDirs: Object.values(c.inputs), condition: cc, nix: `${nix.binary.path} ${nix.binary.version.text}`, upstreamCache: bc?.uri, extra: [opts.inputOverrides ?? null, vars, dropInFingerprint(), opts.inputs ?? 'stand-ins'] })
            : undefined;
          const hit = cacheKey && results ? await results.get(cacheKey) : undefined;
          if (hit) return { case: c, condition: cc, result: hit, mismatches: checkTask(cc, hit, opts.extraChecks), skipped: [], cached: true };
          const ev = await evaluate(c);
          const result = await limit(async () => runTask(c, cc, ev, { nix: taskNix, cache: bc, workRoot: await workRoot(), ctx: ctxFor(c), vars }));
          // An interrupted or timed-out run says nothing about the next one: never keep it.
          const transient = result.stages.some((s) => s.status === 'failed' && s.error.source === 'nix' && (s.error.nix.failure.kind === 'cancelled' || s.error.nix.failure.kind === 'timeout'));
          if (cacheKey && results && !transient) await results.put(cacheKey, result);
          return { case: c, condition: cc, result, mismatches: checkTask(cc, result, opts.extraChecks), skipped: [], cached: false };
        })().finally(() => emit({ kind: 'end', ...ref }));
        tasks.set(key, t);
      }
      return t;
    },
    async close() {
      controller.abort();
      release();
      if (root) await removeTree(await root);
    },
  };
}
