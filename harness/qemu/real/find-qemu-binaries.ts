/**
 * The real qemu-system-aarch64 binaries on this machine the cross-check can run: the system
 * one (Debian 12: 7.2) and those scripts/fetch-toolchains unpacked from Debian trixie/sid/
 * bookworm-backports (10.0, 11.1), listed in node_modules/.cache/flakecase/toolchains/
 * manifest.json with their -L arguments. I/O at the edge: reads files, runs --version.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QemuBinary } from './run-real-qemu.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const TOOLCHAIN_MANIFEST = `${REPO}node_modules/.cache/flakecase/toolchains/manifest.json`;
export const SYSTEM_QEMU = '/usr/bin/qemu-system-aarch64';

/** "QEMU emulator version 7.2.22 (Debian ...)" -> "7.2.22"; null when it does not run. */
export function qemuVersionOf(path: string, extraArgs: readonly string[] = []): string | null {
  try {
    const out = execFileSync(path, [...extraArgs, '--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
    return /QEMU emulator version (\d+\.\d+(?:\.\d+)?)/.exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

export function systemQemu(path = SYSTEM_QEMU): QemuBinary | null {
  if (!existsSync(path)) return null;
  const version = qemuVersionOf(path);
  return version === null ? null : { label: `system ${version}`, path, extraArgs: [], version };
}

interface ManifestEntry {
  readonly suite?: string;
  readonly qemu?: { readonly path?: string; readonly version?: string; readonly extraArgs?: readonly string[] };
}

export function toolchainQemus(manifest = TOOLCHAIN_MANIFEST): QemuBinary[] {
  if (!existsSync(manifest)) return [];
  let entries: ManifestEntry[];
  try {
    entries = (JSON.parse(readFileSync(manifest, 'utf8')) as { toolchains?: ManifestEntry[] }).toolchains ?? [];
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const qemu = entry.qemu;
    if (qemu?.path === undefined || !existsSync(qemu.path)) return [];
    return [{ label: `${entry.suite ?? 'toolchain'} ${qemu.version ?? '?'}`, path: qemu.path, extraArgs: qemu.extraArgs ?? [], version: qemu.version ?? null }];
  });
}

/** Major.minor of a binary's version, for the model's host profile. */
export function majorMinor(version: string): `${number}.${number}` {
  const [major = '0', minor = '0'] = version.split('.');
  return `${Number(major)}.${Number(minor)}`;
}
