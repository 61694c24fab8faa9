/**
 * A host as the accelerator model sees it: which accelerators the QEMU binary has and whether
 * they work there, and which QEMU release it is. Data only.
 */
import type { QemuVersion } from './qemu-versions.ts';

/**
 * - available: HVF compiled in and Hypervisor.framework works (an Apple-silicon Mac);
 * - unusable: compiled in, but hv_vm_create() returns HV_UNSUPPORTED (a GitHub macOS arm64
 *   runner: a VM itself, no nested virtualization);
 * - absent: not compiled in (any QEMU built for Linux).
 */
export type HvfState = 'available' | 'unusable' | 'absent';

export interface HostProfile {
  readonly name: string;
  readonly hvf: HvfState;
  /** KVM for the guest architecture (aarch64 guest on an aarch64 Linux host with /dev/kvm). */
  readonly kvm: 'available' | 'absent';
  readonly qemuVersion: QemuVersion;
  /** What error_report() prefixes lines with: the basename of argv[0]. */
  readonly program: string;
}

const PROGRAM = 'qemu-system-aarch64';

/** A developer's Apple-silicon Mac (conditions `hvf` and `no-builder`). */
export function appleSiliconMac(qemuVersion: QemuVersion): HostProfile {
  return { name: `apple-silicon-mac/qemu-${qemuVersion}`, hvf: 'available', kvm: 'absent', qemuVersion, program: PROGRAM };
}

/** A GitHub Actions macOS arm64 runner (condition `no-hvf`). */
export function githubMacosRunner(qemuVersion: QemuVersion): HostProfile {
  return { name: `github-macos-runner/qemu-${qemuVersion}`, hvf: 'unusable', kvm: 'absent', qemuVersion, program: PROGRAM };
}

/** Linux with a Debian-built qemu-system-aarch64 and no usable KVM for aarch64 (this machine). */
export function linuxWithoutKvm(qemuVersion: QemuVersion): HostProfile {
  return { name: `linux/qemu-${qemuVersion}`, hvf: 'absent', kvm: 'absent', qemuVersion, program: PROGRAM };
}

/** The host profile each built-in condition stands for (design.md "condition"). */
export function hostForCondition(condition: 'hvf' | 'no-builder' | 'no-hvf', qemuVersion: QemuVersion): HostProfile {
  switch (condition) {
    case 'hvf':
    case 'no-builder':
      return appleSiliconMac(qemuVersion);
    case 'no-hvf':
      return githubMacosRunner(qemuVersion);
    default: {
      const never: never = condition;
      throw new Error(`unknown condition ${String(never)}`);
    }
  }
}
