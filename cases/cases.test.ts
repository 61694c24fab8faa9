// The case suite: every folder in cases/ with a case.yaml is a describe block, every condition
// in it a test named "<case> › <condition>" (so `npx vitest -t no-hvf` picks a condition).
// Tasks run concurrently (bounded by the suite's p-limit); each test awaits its own.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFailure } from '../harness/report/index.ts';
import { openSuite, type Suite } from '../harness/run/index.ts';
import { formatSpecProblem } from '../harness/spec/index.ts';

const casesDir = fileURLToPath(new URL('.', import.meta.url));
const opened = await openSuite({ casesDir });

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
        it(`${c.name} › ${cc.condition.name}`, async () => {
          const outcome = await suite.runCondition(c.name, cc.condition.name);
          if (outcome.mismatches.length > 0) expect.fail(formatFailure(c, outcome.result, outcome.mismatches));
        });
      }
    });
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
  describe(`nix ${v.major}.${v.minor}.${v.patch}`, () => declareCases(suite));
}
