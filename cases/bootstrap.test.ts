// The bootstrap simulation beyond what case.yaml can say: the upstream cache is seeded once
// per suite (and reused across suites), and phase 2's aarch64-linux derivations are built only
// because phase 1's builder booted: without phase 1 the same configuration fails.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSuite } from '../harness/run/index.ts';

const casesDir = fileURLToPath(new URL('.', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'bootstrap-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function suite(dir: string, cacheDir: string) {
  const r = await openSuite({ casesDir: dir, cacheDir });
  if (!r.ok) throw new Error(`setup failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('bootstrap', () => {
  it('seeds the upstream cache once per suite run, and reuses it in the next run', async () => {
    const cacheDir = join(scratch, 'seed-cache');
    const first = await suite(casesDir, cacheDir);
    // Three tasks that all need the cache, started together.
    const outcomes = await Promise.all([
      first.runCondition('default-builder', 'no-builder'),
      first.runCondition('default-builder', 'no-hvf'),
      first.runCondition('linux-needs-builder', 'no-builder'),
    ]);
    expect(outcomes.map((o) => o.mismatches)).toEqual([[], [], []]);
    expect(first.seedings()).toBe(1);
    await first.close();
    const second = await suite(casesDir, cacheDir);
    expect((await second.runCondition('default-builder', 'no-builder')).mismatches).toEqual([]);
    expect(second.seedings()).toBe(0);
    await second.close();
  });

  it("builds phase 2's aarch64-linux derivations only on the builder phase 1 booted", async () => {
    const withPhase1 = await suite(casesDir, join(scratch, 'cache-a'));
    const full = await withPhase1.runCondition('story-bootstrap', 'no-hvf');
    await withPhase1.close();
    const laptop = full.result.targets.find((t) => t.name === 'laptop');
    expect(full.result.stages.find((s) => s.stage === 'boot')).toMatchObject({ status: 'ok', phase: 'main' });
    expect(laptop?.outcome).toMatchObject({ status: 'built', how: 'built-on-builder' });

    // The same laptop configuration with phase 1 removed: its VM image has nothing to build it.
    const dir = join(scratch, 'cases', 'story-bootstrap');
    cpSync(join(casesDir, 'story-bootstrap'), dir, { recursive: true });
    const standIns = join(casesDir, 'stand-ins');
    writeFileSync(
      join(dir, 'case.yaml'),
      `# yaml-language-server: $schema=${join(casesDir, '..', 'harness', 'spec', 'case.schema.json')}
description: story-bootstrap without its bootstrap phase
inputs: { nixpkgs: ${join(standIns, 'nixpkgs')}, nix-darwin: ${join(standIns, 'nix-darwin')} }
targets:
  laptop: darwinConfigurations.laptop.system
  laptop-builder: darwinConfigurations.laptop.config.nix.linux-builder.package
linux-builder: { package: laptop-builder, machines: laptop }
conditions:
  no-hvf: { build: fails, error: { class: missing-builder, stage: build, system: aarch64-linux } }
`,
    );
    expect(readFileSync(join(dir, 'flake.nix'), 'utf8')).toContain('darwinConfigurations.laptop');
    const without = await suite(join(scratch, 'cases'), join(scratch, 'cache-a'));
    const alone = await without.runCondition('story-bootstrap', 'no-hvf');
    await without.close();
    expect(alone.mismatches).toEqual([]);
    expect(alone.result.targets.find((t) => t.name === 'laptop')?.outcome).toMatchObject({ status: 'failed', stage: 'build' });
    expect(alone.result.stages.find((s) => s.stage === 'boot')).toMatchObject({ status: 'skipped' });
  });
});
