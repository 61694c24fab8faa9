// npm run bench: flakecase against the plain way (a loop of `nix build` per case and condition,
// each in a fresh store), on the real case suite, in ONE run; prints wall-time and peak-memory
// ratios. Never a timed test: these machines are noisy, so the figures are printed, not asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builderAtStart, conditionSettings } from '../harness/conditions/index.ts';
import { overridesFor } from '../harness/run/evaluate-case.ts';
import { makeTempRoot, openSuite, removeTree, type Suite } from '../harness/run/index.ts';
import { seedUpstreamCache } from '../harness/run/upstream-cache.ts';
import { flakecaseCacheDir } from '../harness/run/cache-dir.ts';
import { loadSuiteConfig } from '../harness/spec/index.ts';

const casesDir = fileURLToPath(new URL('../cases/', import.meta.url));

// Peak total RSS of nix processes, sampled every 50 ms from /proc.
function sampleNixRss(): { stop: () => number } {
  let peak = 0;
  const tick = () => {
    let total = 0;
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'nix') continue;
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (m) total += Number(m[1]);
      } catch {
        // the process ended between listing and reading
      }
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(tick, 50);
  return { stop: () => (clearInterval(timer), peak / 1024) };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; peakMiB: number }> {
  const rss = sampleNixRss();
  const t0 = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t0) / 1000, peakMiB: rss.stop() };
}

async function open(resultCache: boolean, cacheDir?: string): Promise<Suite> {
  const r = await openSuite({ casesDir, resultCache, ...(cacheDir ? { cacheDir } : {}) });
  if (!r.ok) throw new Error(`setup failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

function tasksOf(s: Suite) {
  return s.cases.flatMap(({ load }) => (load.ok ? load.value.conditions.map((cc) => ({ c: load.value, cc })) : []));
}

async function runAll(s: Suite): Promise<number> {
  const outcomes = await Promise.all(tasksOf(s).map(({ c, cc }) => s.runCondition(c.name, cc.condition.name)));
  return outcomes.filter((o) => o.mismatches.length > 0).length;
}

const setup = await open(false);
const config = await loadSuiteConfig(casesDir);
if (!config.ok) throw new Error(config.message);
// Both ways use the same seeded upstream cache; seeding is not part of either timing.
const seeded = await seedUpstreamCache(setup.nix, config.value.upstreamCache, join(flakecaseCacheDir(), 'upstream-cache'), { timeoutMs: 600_000 });
if (!seeded.ok) throw new Error(seeded.error.message);
const tasks = tasksOf(setup);
console.log(`bench: ${tasks.length} tasks (${setup.cases.length} cases), nix ${setup.nix.binary.version.text}, ${availableParallelism()} cores`);

// 1. The plain way: one `nix build` per (case, condition), sequential, each in a fresh store.
const plainRoot = await makeTempRoot('bench-plain');
const plain = await timed(async () => {
  let i = 0;
  let failures = 0;
  for (const { c, cc } of tasks) {
    const settings = conditionSettings(cc.condition.parts, join(plainRoot, `s${i++}`), seeded.value.cache, builderAtStart(cc.condition.parts));
    const args = ['build', '--no-link', '--json', '--no-write-lock-file'];
    for (const [n, ref] of Object.entries(overridesFor(c))) args.push('--override-input', n, ref);
    for (const t of c.targets) args.push(`path:${c.dir}#${t.attribute}`);
    const r = await setup.nix.run(settings, args, { timeoutMs: 600_000 });
    if (!r.ok) failures++;
  }
  return failures;
});
await removeTree(plainRoot);
await setup.close();

// 2. flakecase, cold: every task really runs (eval once per case, tasks in parallel).
const cold = await timed(async () => {
  const s = await open(false);
  const failed = await runAll(s);
  await s.close();
  return failed;
});

// 3. flakecase, warm: an unchanged suite answered by the result cache.
const cacheRoot = await makeTempRoot('bench-cache');
const fill = await open(true, cacheRoot);
await runAll(fill);
await fill.close();
const warm = await timed(async () => {
  const s = await open(true, cacheRoot);
  const failed = await runAll(s);
  await s.close();
  return failed;
});
await removeTree(cacheRoot);

const row = (name: string, r: { seconds: number; peakMiB: number }) =>
  `${name.padEnd(34)} ${r.seconds.toFixed(2).padStart(8)} s  ${r.peakMiB.toFixed(0).padStart(6)} MiB peak nix RSS   ${(plain.seconds / r.seconds).toFixed(2).padStart(7)}x faster than plain`;
console.log(row('plain loop of nix build', plain));
console.log(row('flakecase (cold, no result cache)', cold));
console.log(row('flakecase (unchanged, result cache)', warm));
console.log(`plain: ${plain.value} nix build(s) failed (expected failures included); flakecase: ${cold.value} task(s) with unmet expectations cold, ${warm.value} warm`);
console.log(`memory: flakecase cold peak / plain peak = ${(cold.peakMiB / Math.max(plain.peakMiB, 1)).toFixed(2)} (parallel tasks hold more nix processes at once; bounded by --concurrency)`);
