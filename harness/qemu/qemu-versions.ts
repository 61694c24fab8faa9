/**
 * What differs between QEMU releases for the accelerator model, each fact with where it comes
 * from. Only the rules the model needs are here; the rules themselves live in
 * resolve-accelerators.ts.
 */

/** Releases the suite knows by name (Debian ships 7.2, 10.0 and 11.1; nixpkgs had 9.1 in late 2024). */
export const KNOWN_QEMU_VERSIONS = ['7.2', '8.2', '9.1', '9.2', '10.0', '11.1'] as const;
export type KnownQemuVersion = (typeof KNOWN_QEMU_VERSIONS)[number];
/** Any "major.minor"; facts for unknown ones follow from the thresholds below. */
export type QemuVersion = KnownQemuVersion | `${number}.${number}`;

export interface Citation {
  /** Upstream source (file, commit or patch) the rule is read from. */
  readonly source: string;
  /** Public reports of the behaviour on real machines. */
  readonly reports: readonly string[];
}

export interface VersionChange extends Citation {
  /** First release with the new behaviour. */
  readonly since: QemuVersion;
  /** How sure the threshold is. */
  readonly confidence: 'verified' | 'from-source' | 'inferred';
  readonly note: string;
}

export const CHANGES = {
  /**
   * assert_hvf_ok() learned to print the failed expression and location. Before:
   * "Error: HV_UNSUPPORTED"; after: "Error: ret = HV_UNSUPPORTED (0xfae9400f, at FILE:LINE)".
   */
  hvfAssertPrintsExpression: {
    since: '9.1',
    confidence: 'inferred',
    source:
      'qemu-devel "[PATCH v3 7/7] hvf: Makes assert_hvf_ok report failed expression" (Phil Dennis-Jordan, 2024-06-05): accel/hvf/hvf-all.c assert_hvf_ok() -> assert_hvf_ok_impl(), error_report("Error: %s = %s (0x%x, at %s:%u)")',
    reports: [
      'actions/runner-images#9460 (2024-03, QEMU 8.x on macos-14 arm64): "qemu-system-aarch64: -accel hvf: Error: HV_UNSUPPORTED"',
      'osbuild/bootc-image-builder#166 (2024-01): "qemu-system-aarch64: -accel hvf: Error: HV_UNSUPPORTED"',
      'a CI log of QEMU 11.1.1 on a GitHub macOS arm64 runner: "-accel hvf: Error: ret = HV_UNSUPPORTED (0xfae9400f, at ../target/arm/hvf/hvf.c:1269)"',
    ],
    note: 'Posted before the 9.1 soft freeze (2024-07-23); not checked against the v9.1.0 tag. 8.2 prints the old form, 9.2 the new one either way.',
  },
  /**
   * With the in-kernel vGIC (Apple's platform GIC), HVF supports only GICv3, and the virt board
   * refuses gic-version=2 at machine init: "HVF does not support GICv2 emulation", exit 1.
   */
  hvfRefusesGicV2: {
    since: '11.1',
    confidence: 'from-source',
    source:
      'qemu-devel "[PATCH v6 03/13] accel, hw/arm, include/system/hvf: infrastructure changes for HVF vGIC" (Mohamed Mediouni, 2025-08-08): hw/arm/virt.c finalize_gic_version() gives HVF only VIRT_GIC_VERSION_3_MASK unless kernel-irqchip=off; finalize_gic_version_do() error_report("%s does not support GICv2 emulation", accel_name); exit(1). accel/hvf/hvf-all.c defaults hvf_kernel_irqchip = true on arm64.',
    reports: [
      'project notes: QEMU 11.0.2 ran virt,gic-version=2,accel=hvf; QEMU 11.1.1 refuses it with "qemu-system-aarch64: HVF does not support GICv2 emulation" (reproduced with a bare qemu-system-aarch64 -machine virt,gic-version=2 -accel hvf)',
      'a nix-darwin config (2026): nixpkgs qemu-common.nix pins gic-version=2 for aarch64-darwin hosts, so from QEMU 11.1 the linux-builder dies with "HVF does not support GICv2 emulation"; fixed with virtualisation.qemu.options = [ "-machine gic-version=3" ] because repeated -machine merge, last key wins',
      'measured notes: under HVF gic-version=2 -> refused, 3 -> starts, 4 -> "HVF does not support GICv4 emulation, is virtualization=on?", max -> starts, host -> "gic-version=host requires KVM"',
    ],
    note: 'kernel-irqchip=off (accel property, or -machine kernel-irqchip=off as sugar) brings back the userspace GICv2 per the patch; whether the merged release kept that escape is not verified here.',
  },
} as const satisfies Record<string, VersionChange>;

/** Numeric comparison of "major.minor" strings. */
export function compareQemuVersions(a: QemuVersion, b: QemuVersion): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

const atLeast = (version: QemuVersion, change: VersionChange): boolean => compareQemuVersions(version, change.since) >= 0;

export interface QemuVersionFacts {
  readonly version: QemuVersion;
  readonly hvfAssert: 'bare' | 'expression';
  readonly hvfRefusesGicV2: boolean;
  /** FILE:LINE of the HV_UNSUPPORTED assertion when a public report gives it for this release. */
  readonly hvUnsupportedAt: string | null;
}

// Only where a real report shows the location; other releases get a placeholder.
const HV_UNSUPPORTED_AT: Partial<Record<string, string>> = { '11.1': '../target/arm/hvf/hvf.c:1269' };

export function qemuVersionFacts(version: QemuVersion): QemuVersionFacts {
  return {
    version,
    hvfAssert: atLeast(version, CHANGES.hvfAssertPrintsExpression) ? 'expression' : 'bare',
    hvfRefusesGicV2: atLeast(version, CHANGES.hvfRefusesGicV2),
    hvUnsupportedAt: HV_UNSUPPORTED_AT[version] ?? null,
  };
}
