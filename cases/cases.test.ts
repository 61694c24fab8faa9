// The case suite: every folder in cases/ with a case.yaml is a describe block, every condition
// in it a test named "<case> › <condition>" (so `npx vitest -t no-hvf` picks a condition).
// Tasks run concurrently (bounded by the suite's p-limit); each test awaits its own.
//
// Then the real-QEMU cross-check: for every task whose result has a qemu line, one test per
// real qemu-system-aarch64 here ("<case> › <condition> › real qemu <version>"). Which tasks
// have a qemu line is known only once they ran, so that block's describe awaits the tasks
// while vitest collects it (all tasks start at once there, under the suite's own limit);
// the per-condition tests then find their results ready.
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { afterAll, describe, expect, it } from 'vitest';
import { findQemuBinaries, runRealQemu, type QemuBinary } from '../harness/qemu/index.ts';
import { formatFailure } from '../harness/report/index.ts';
import { openSuite, type Suite, type TaskOutcome } from '../harness/run/index.ts';
import { qemuFactsOf, realQemuExpectation, showArgv, type QemuStageFacts } from '../harness/run/stages/index.ts';
import { formatSpecProblem } from '../harness/spec/index.ts';

const casesDir = fileURLToPath(new URL('.', import.meta.url));
const opened = await openSuite({ casesDir });

// One file per (case, condition), not vitest's per-test-name snapshot: test names carry the
// nix version, and the argv must not depend on it.
const snapshotFile = (caseName: string, condition: string) => `__snapshots__/qemu/${caseName}.${condition}.argv.json`;

function declareCases(suite: Suite): void {
  for (const { dir, load } of suite.cases) {
    if (!load.ok) {
      const name = dir.split('/').pop() ?? dir;
      it(`${name} › case.yaml`, () => {
        expect.fail(load.errors.map((e) => formatSpecProblem(e, load.source)).join('\n'));
      });
      continue;
    }
    const c = load.value;
    describe.concurrent(c.name, () => {
      for (const cc of c.conditions) {
        it(`${c.name} › ${cc.condition.name}`, async ({ expect }) => {
          const outcome = await suite.runCondition(c.name, cc.condition.name);
          if (outcome.mismatches.length > 0) expect.fail(formatFailure(c, outcome.result, outcome.mismatches));
          if (cc.expect.qemu?.snapshot === true) {
            const facts = qemuFactsOf(outcome.result);
            expect(facts, 'qemu.snapshot: true needs the qemu stage to have run').toBeDefined();
            await expect(`${JSON.stringify(facts?.normalisedArgv, null, 2)}\n`).toMatchFileSnapshot(snapshotFile(c.name, cc.condition.name));
          }
        });
      }
    });
  }
}

// Real QEMU starts a VM (never run, -S) per test: a few at a time across the whole suite.
const realQemuLimit = pLimit(2);
const SYSTEM_QEMU = '/usr/bin/qemu-system-aarch64';

function crossCheck(name: string, facts: QemuStageFacts, binary: QemuBinary): void {
  it(name, async ({ expect }) => {
    const want = realQemuExpectation(facts.static.program, facts.argv, binary.version ?? '0.0');
    const real = await realQemuLimit(() => runRealQemu(facts.argv, binary));
    const context = `parser ${want.parserAccepts ? 'accepts' : 'refuses'} the line; ran:${showArgv(binary.path, real.argv)}\n${real.stderr}`;
    // (a) QEMU accepts what the parser accepts (and stops where the model says it stops).
    expect(real.status, context).toBe(want.status);
    // (b) its accelerator lines are the model's for a host without HVF (Linux).
    expect(real.modelLines, context).toEqual(want.lines);
    if (real.status !== 'accepted') return;
    // (c) the CPUs QMP reports are the parsed -smp; (d) the GIC is the merged machine's.
    expect(real.facts.cpuCount, context).toBe(want.cpus);
    expect(real.facts.gicVersion, context).toBe(want.gicVersion);
  });
}

async function declareRealQemu(suite: Suite): Promise<void> {
  const found = await findQemuBinaries();
  const runs: Promise<TaskOutcome | null>[] = [];
  for (const { load } of suite.cases) {
    if (!load.ok) continue;
    for (const cc of load.value.conditions) runs.push(suite.runCondition(load.value.name, cc.condition.name).catch(() => null));
  }
  const withLine = (await Promise.all(runs)).flatMap((o) => {
    const facts = o === null ? undefined : qemuFactsOf(o.result);
    return o !== null && facts !== undefined ? [{ name: `${o.case.name} › ${o.condition.condition.name}`, facts }] : [];
  });
  const system = found.system[0];
  for (const { name, facts } of withLine) {
    // Skipped (visibly, the reason in the name) only where a binary is missing.
    if (system === undefined) it.skip(`${name} › real qemu - SKIPPED: ${SYSTEM_QEMU} not installed (apt-get install qemu-system-arm)`, () => {});
    else crossCheck(`${name} › real qemu ${system.version ?? system.label}`, facts, system);
    if (found.fetched.length === 0) {
      it.skip(`${name} › real qemu (fetched 10.0, 11.1) - SKIPPED: ${found.problem ?? 'none fetched (run scripts/fetch-toolchains)'}`, () => {});
    }
    for (const binary of found.fetched) crossCheck(`${name} › real qemu ${binary.version ?? binary.label}`, facts, binary);
  }
}

if (!opened.ok) {
  it('flakecase setup', () => {
    const e = opened.error;
    expect.fail(e.kind === 'nix' ? `${e.error.message}\nhint: ${e.error.hint}` : e.message);
  });
} else {
  const suite = opened.value;
  afterAll(() => suite.close());
  const v = suite.nix.binary.version;
  // The nix version heads every test name, so a run over several versions reads as one table.
  describe(`nix ${v.major}.${v.minor}.${v.patch}`, () => {
    declareCases(suite);
    describe.concurrent('real qemu', () => declareRealQemu(suite));
  });
}
