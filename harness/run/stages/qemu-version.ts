// Which QEMU release the accelerator model assumes for a task: the condition's (`simulate:
// { qemu: '11.1' }`), else the release the modelled nixpkgs ships. This is the ONE place that
// default lives.
//
// "The release nixpkgs ships" is read from the builder itself first: run-nixos-vm execs
// /nix/store/<hash>-qemu[-host-cpu-only]-X.Y.Z/bin/qemu-system-aarch64, and that name is the
// package nixpkgs built (pkgs/applications/virtualization/qemu/default.nix: pname "qemu" +
// "-host-cpu-only" when hostCpuOnly). Only when the path carries no version does the fallback
// below apply.
import type { QemuVersion } from '../../qemu/index.ts';
import type { QemuVersionSource } from './qemu-result.ts';

/**
 * nixpkgs of the story (December 2024) shipped QEMU 9.1: NixOS/nixpkgs#350407 "qemu: 9.1.0 ->
 * 9.1.1" merged 2024-10-22, and 9.2 arrived later (NixOS/nixpkgs#385474 "qemu: 9.2.0 -> 9.2.2",
 * 2025-02); the stand-in nixpkgs models that revision with qemu-9.1.2.
 */
export const DEFAULT_QEMU_VERSION: QemuVersion = '9.1';
const DEFAULT_WHY = 'nixpkgs of December 2024 shipped QEMU 9.1 (NixOS/nixpkgs#350407; 9.2 came with #385474 in 2025-02)';

const STORE_QEMU = /^\/nix\/store\/[0-9a-df-np-sv-z]{32}-qemu(?:-[a-z][a-z0-9-]*?)?-(\d+)\.(\d+)(?:\.\d+)?(?:-[^/]*)?\//;

export type VersionResult =
  | { readonly ok: true; readonly version: QemuVersion; readonly source: QemuVersionSource }
  | { readonly ok: false; readonly message: string };

/** "11.1", "11.1.3" or "9" -> major.minor; anything else is refused. */
export function parseQemuVersion(written: string): QemuVersion | null {
  const m = /^\s*(\d+)(?:\.(\d+))?(?:\.\d+)?\s*$/.exec(written);
  if (!m) return null;
  return `${Number(m[1])}.${Number(m[2] ?? '0')}`;
}

export function qemuVersionFor(conditionVersion: string | undefined, qemuProgram: string): VersionResult {
  if (conditionVersion !== undefined) {
    const version = parseQemuVersion(conditionVersion);
    if (version === null) return { ok: false, message: `simulate.qemu: "${conditionVersion}" is not a QEMU version (write e.g. '11.1')` };
    return { ok: true, version, source: { from: 'condition', written: conditionVersion } };
  }
  const m = STORE_QEMU.exec(qemuProgram);
  if (m) return { ok: true, version: `${Number(m[1])}.${Number(m[2])}`, source: { from: 'store-path', path: qemuProgram } };
  return { ok: true, version: DEFAULT_QEMU_VERSION, source: { from: 'default', why: DEFAULT_WHY } };
}
