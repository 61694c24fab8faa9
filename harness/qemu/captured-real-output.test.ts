/**
 * The accelerator model against real QEMU output captured by scripts/capture-qemu-fixtures
 * (fixtures/real-qemu/<version>/, see its README): for every release and scenario, the lines
 * the model predicts for a host without HVF equal the real stderr lines of those kinds, and
 * "boots" matches whether QEMU was still running after 2 s (else the exit status).
 * Runs without any QEMU installed. Skipped scenarios: `version` (no command line) and
 * `defaults-nic-rom` (a missing iPXE ROM file on this machine, outside the model).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linuxWithoutKvm } from './host-profile.ts';
import { computeQemuFacts } from './qemu-facts.ts';
import { majorMinor } from './real/find-qemu-binaries.ts';
import { modelRelevantLines } from './real/run-real-qemu.ts';

const ROOT = new URL('./fixtures/real-qemu/', import.meta.url);
const NOT_MODELLED = new Set(['version', 'defaults-nic-rom']);

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((dir) =>
    readdirSync(new URL(`${dir.name}/`, ROOT))
      .filter((f) => f.endsWith('.cmd') && !NOT_MODELLED.has(f.slice(0, -4)))
      .map((f) => ({ version: dir.name, scenario: f.slice(0, -4) })),
  );

function load(version: string, scenario: string) {
  const cmd = readFileSync(new URL(`${version}/${scenario}.cmd`, ROOT), 'utf8').trim().split('\n');
  const header = (name: string) => cmd.find((l) => l.startsWith(`# ${name}`))?.split(': ').at(-1);
  const [, ...argv] = (cmd.filter((l) => !l.startsWith('#')).at(-1) ?? '').split(' ');
  const stderr = readFileSync(new URL(`${version}/${scenario}.stderr`, ROOT), 'utf8');
  return { argv, stderr, stillRunning: header('still running') === 'yes', exitStatus: Number(header('exit status')) };
}

describe('the model against captured real QEMU output', () => {
  it('has captures to check', () => {
    expect(new Set(cases.map((c) => c.version)).size).toBeGreaterThanOrEqual(1);
  });

  it.each(cases)('QEMU $version, $scenario', ({ version, scenario }) => {
    const real = load(version, scenario);
    const model = computeQemuFacts({ program: 'qemu-system-aarch64', argv: real.argv, host: linuxWithoutKvm(majorMinor(version)) });
    expect(model.messages).toEqual(modelRelevantLines(real.stderr));
    expect(model.boots).toBe(real.stillRunning);
    if (!model.boots && model.resolution.exit.kind === 'exit') expect(model.resolution.exit.code).toBe(real.exitStatus);
  });
});
