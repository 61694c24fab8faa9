import { describe, expect, it } from 'vitest';
import type { Toolchain } from '../toolchains/index.ts';
import { planMatrix } from './plan.ts';

const system: Toolchain = { suite: 'bookworm', origin: 'system', nix: { path: '/usr/bin/nix', version: '2.8.0' }, qemu: { path: '/usr/bin/qemu-system-aarch64', version: '7.2.22', extraArgs: [] } };
const fetched = (suite: string, nix: string, qemu: string): Toolchain => ({
  suite,
  origin: 'fetched',
  nix: { path: `/c/${suite}/bin/nix`, version: nix },
  qemu: { path: `/c/${suite}/bin/qemu-system-aarch64`, version: qemu, extraArgs: ['-L', `/c/${suite}/prefix/usr/share/qemu`] },
});

describe('planMatrix', () => {
  it('runs the system release and the fetched trixie and sid ones, in that order', () => {
    const p = planMatrix([system, fetched('sid', '2.34.8', '11.1.3'), fetched('trixie', '2.26.3', '10.0.13')]);
    expect(p.nix.map((t) => `${t.suite} ${t.version} ${t.path}`)).toEqual(['bookworm 2.8.0 /usr/bin/nix', 'trixie 2.26.3 /c/trixie/bin/nix', 'sid 2.34.8 /c/sid/bin/nix']);
    expect(p.qemu.map((t) => t.qemu)).toEqual(['7.2.22', '10.0.13', '11.1.3']);
    expect(p.missing).toEqual([]);
  });

  it('names every missing release with how to get it, using the fetch failure when there was one', () => {
    const noQemu: Toolchain = { suite: 'bookworm', origin: 'system', nix: { path: '/usr/bin/nix', version: '2.8.0' } };
    const p = planMatrix([noQemu, fetched('sid', '2.34.8', '11.1.3')], 'scripts/fetch-toolchains failed (exit 1)');
    expect(p.missing).toEqual([
      { tool: 'qemu', suite: 'bookworm', reason: 'not found; apt-get install qemu-system-arm (bash scripts/setup)' },
      { tool: 'nix', suite: 'trixie', reason: 'scripts/fetch-toolchains failed (exit 1)' },
      { tool: 'qemu', suite: 'trixie', reason: 'scripts/fetch-toolchains failed (exit 1)' },
    ]);
  });

  it('does not count a fetched bookworm-backports QEMU as the system one', () => {
    const backports: Toolchain = { suite: 'bookworm-backports', origin: 'fetched', qemu: { path: '/c/bb/q', version: '10.0.2', extraArgs: [] } };
    const p = planMatrix([backports]);
    expect(p.missing.map((m) => `${m.tool} ${m.suite}`)).toEqual(['nix system', 'qemu system', 'nix trixie', 'qemu trixie', 'nix sid', 'qemu sid']);
  });
});
