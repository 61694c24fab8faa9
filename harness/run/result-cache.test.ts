// The result cache on real nix: an unchanged task is answered from disk without running nix,
// and any change to the case folder runs it again.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSuite } from './suite.ts';

const root = mkdtempSync(join(tmpdir(), 'result-cache-test-'));
const casesDir = join(root, 'cases');
cpSync(fileURLToPath(new URL('./fixtures/cases/quick', import.meta.url)), join(casesDir, 'quick'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function once() {
  const r = await openSuite({ casesDir, cacheDir: join(root, 'cache'), resultCache: true });
  if (!r.ok) throw new Error('setup failed');
  const started = performance.now();
  const o = await r.value.runCondition('quick', 'hvf');
  const ms = performance.now() - started;
  await r.value.close();
  return { o, ms };
}

describe('result cache', () => {
  it('answers an unchanged task from disk, and re-runs after a change', async () => {
    const first = await once();
    expect(first.o.cached).toBe(false);
    expect(first.o.result.commands.length).toBeGreaterThan(0);
    const second = await once();
    expect(second.o.cached).toBe(true);
    expect(second.o.mismatches).toEqual([]);
    expect(second.o.result.targets).toEqual(first.o.result.targets);
    writeFileSync(join(casesDir, 'quick', 'flake.nix'), `${'# changed\n'}${'{ outputs = { self }: { quick = derivation { name = "quick"; system = "aarch64-darwin"; builder = "/bin/sh"; args = [ "-c" "echo changed > $out" ]; }; }; }'}\n`);
    const third = await once();
    expect(third.o.cached).toBe(false);
    expect(third.o.result.targets[0]?.drvPath).not.toBe(first.o.result.targets[0]?.drvPath);
  });
});
