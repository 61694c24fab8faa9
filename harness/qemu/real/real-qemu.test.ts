/**
 * Cross-checks the model against real qemu-system-aarch64 binaries: the system one (Debian 12,
 * QEMU 7.2) and any fetched by scripts/fetch-toolchains (10.0, 11.1). On Linux HVF is not
 * compiled in, so these check the "HVF absent" rules, the parser and the merging; the HVF
 * rules rest on cited source and reports (qemu-versions.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQemuCommand } from '../extract-static.ts';
import { LAUNCHD_ENV } from '../fixtures/upstream-argv.ts';
import { linuxWithoutKvm } from '../host-profile.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { computeQemuFacts } from '../qemu-facts.ts';
import { findQemuBinaries, majorMinor } from './find-qemu-binaries.ts';
import { makeHarmless } from './make-harmless.ts';
import { runRealQemu, type QemuBinary } from './run-real-qemu.ts';

function extracted(fixture: string, qemuOpts: string | null = null): string[] {
  const script = readFileSync(new URL(`../fixtures/${fixture}`, import.meta.url), 'utf8');
  const r = extractQemuCommand(script, { vars: { ...LAUNCHD_ENV, QEMU_OPTS: qemuOpts }, args: [] });
  if (!r.ok) throw new Error(r.error.message);
  return [...r.value.argv];
}

const LINES = {
  upstream: extracted('run-nixos-vm.upstream-2024-12.sh'),
  'upstream + QEMU_OPTS gic-version=3 -smp 4': extracted('run-nixos-vm.upstream-2024-12.sh', '-machine gic-version=3 -smp 4'),
  'story override': extracted('run-nixos-vm.story-override.sh'),
};

// Lines the model says QEMU refuses, each for a different rule.
const REFUSED: Record<string, string[]> = {
  '-accel with -machine accel=': ['-machine', 'virt,accel=tcg', '-accel', 'tcg'],
  'GICv2 with 9 CPUs': ['-machine', 'virt,gic-version=2', '-smp', '9'],
  'gic-version=host without KVM': ['-machine', 'virt,gic-version=host'],
  'only an accelerator that is not compiled in': ['-machine', 'virt,accel=hvf'],
  'a bare word in -machine': ['-machine', 'virt,highmem'],
  'a bad -m size': ['-machine', 'virt', '-m', '3x'],
};

const SYSTEM_QEMU = '/usr/bin/qemu-system-aarch64';
const found = await findQemuBinaries();
const system = found.system[0] ?? null;
const toolchains = found.fetched;

function crossCheck(binary: QemuBinary): void {
  const host = linuxWithoutKvm(majorMinor(binary.version ?? '0.0'));

  describe.each(Object.entries(LINES))('%s line', (_name, argv) => {
    const model = computeQemuFacts({ program: 'qemu-system-aarch64', argv, host });

    it('is accepted, prints what the model predicts, and builds the CPUs, GIC and RAM the line asks for', async () => {
      expect(parseCommandLine(argv).problems).toEqual([]);
      const real = await runRealQemu(argv, binary);
      expect(real.status, real.stderr).toBe('accepted');
      if (real.status !== 'accepted') return;
      expect(real.modelLines).toEqual(model.messages);
      expect(real.facts.cpuCount).toBe(model.smp);
      expect(real.facts.gicVersion).toBe(model.machine.props['gic-version']);
      expect(real.facts.memoryMiB).toBe(model.memoryMiB);
      if (real.facts.tcgActive !== null) expect(real.facts.tcgActive).toBe(model.resolution.accelerator === 'tcg');
    });
  });

  describe.each(Object.entries(REFUSED))('refuses %s', (_name, argv) => {
    it('as the model predicts, with the same lines', async () => {
      const model = computeQemuFacts({ program: 'qemu-system-aarch64', argv, host });
      expect(model.boots).toBe(false);
      const real = await runRealQemu(argv, binary);
      expect(real.status, real.stderr).toBe('rejected');
      if (real.status !== 'rejected') return;
      expect(real.exitCode).toBe(1);
      expect(real.modelLines).toEqual(model.messages);
    });
  });
}

// When a binary is missing the same tests are registered as skipped, with the reason in the title.
const PLACEHOLDER: QemuBinary = { label: 'absent', path: '/nonexistent', extraArgs: [], version: '0.0' };

describe.skipIf(system === null)(
  system === null ? `${SYSTEM_QEMU} - SKIPPED: not installed (apt-get install qemu-system-arm)` : `real QEMU: ${system.label}`,
  () => crossCheck(system ?? PLACEHOLDER),
);

if (toolchains.length === 0) {
  describe.skip(`fetched QEMU toolchains - SKIPPED: none found (${found.problem ?? 'run scripts/fetch-toolchains'})`, () => crossCheck(PLACEHOLDER));
}
for (const binary of toolchains) describe(`real QEMU: ${binary.label}`, () => crossCheck(binary));

describe('runRealQemu housekeeping', () => {
  it.skipIf(system === null)('reports a binary that cannot start, and removes its workspace', async () => {
    const real = await runRealQemu(['-machine', 'virt'], { label: 'missing', path: '/nonexistent/qemu-system-aarch64', extraArgs: [], version: null });
    expect(real.status).toBe('spawn-failed');
  });

  it('times out, kills a process that never opens QMP, and removes its workspace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flakecase-stuck-'));
    try {
      const stuckPath = join(dir, 'stuck-qemu');
      writeFileSync(stuckPath, `#!/bin/sh\necho $$ > ${dir}/pid\nexec sleep 30\n`, { mode: 0o755 });
      const started = Date.now();
      const real = await runRealQemu(['-machine', 'virt'], { label: 'stuck', path: stuckPath, extraArgs: [], version: null }, 1500);
      expect(real.status).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(4000);
      const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
      const workspace = real.argv.find((a) => a.startsWith('unix:'))?.slice(5).replace(/\/qmp\.sock,.*$/, '');
      expect(workspace && existsSync(workspace)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes the upstream line harmless without touching what is checked', () => {
    const h = makeHarmless(LINES.upstream, { workspace: '/tmp/ws', extraArgs: ['-L', '/x'] });
    expect(h.argv.slice(0, 12)).toEqual(['-L', '/x', '-machine', 'virt,gic-version=2,accel=hvf:tcg', '-cpu', 'max', '-name', 'nixos', '-m', '3072', '-smp', '1']);
    expect(h.argv).toContain('user,id=user.0');
    expect(h.argv.filter((a) => a.includes('/nix/store/') && !a.includes('init='))).toEqual([]);
    expect(h.argv.slice(-8)).toEqual(['-nographic', '-S', '-qmp', 'unix:/tmp/ws/qmp.sock,server=on,wait=off', '-display', 'none', '-global', 'virtio-net-pci.romfile=']);
    expect(h.standIns.map((s) => s.kind)).toEqual(['dir', 'dir', 'dir', 'dir', 'file', 'file', 'file', 'file']);
  });
});
