/**
 * The real qemu-system-aarch64 binaries the cross-check can run, as harness/toolchains finds
 * them: the system one (Debian 12: 7.2) and those scripts/fetch-toolchains unpacked from
 * Debian trixie / sid / bookworm-backports (10.0, 11.1). Their wrappers already add
 * `-L <prefix>/usr/share/qemu`, so no extra arguments are passed again.
 */
import { findToolchains, type FindToolchainsOptions } from '../../toolchains/index.ts';
import type { QemuBinary } from './run-real-qemu.ts';

export interface FoundQemus {
  readonly system: readonly QemuBinary[];
  readonly fetched: readonly QemuBinary[];
  /** Why the fetched list may be short (an unreadable or stale manifest), for skip messages. */
  readonly problem: string | null;
}

export async function findQemuBinaries(options: FindToolchainsOptions = {}): Promise<FoundQemus> {
  const found = await findToolchains(options);
  if (!found.ok) return { system: [], fetched: [], problem: `${found.error.code}: ${found.error.message}` };
  const binaries = found.value.flatMap((t) =>
    t.qemu === undefined
      ? []
      : [{ origin: t.origin, binary: { label: `${t.suite} ${t.qemu.version}`, path: t.qemu.path, extraArgs: [], version: t.qemu.version } }],
  );
  return {
    system: binaries.filter((b) => b.origin === 'system').map((b) => b.binary),
    fetched: binaries.filter((b) => b.origin === 'fetched').map((b) => b.binary),
    problem: null,
  };
}

/** Major.minor of a binary's version, for the model's host profile. */
export function majorMinor(version: string): `${number}.${number}` {
  const [major = '0', minor = '0'] = version.split('.');
  return `${Number(major)}.${Number(minor)}`;
}
