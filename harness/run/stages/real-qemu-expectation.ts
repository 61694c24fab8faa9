// What a real qemu-system-aarch64 on this Linux machine (HVF not compiled in, no KVM for
// aarch64) must show for a builder's line, per the model: the cross-check in the case suite
// runs the real binary (harness/qemu/real) and compares with this. Pure.
import { computeQemuFacts, linuxWithoutKvm, majorMinor, parseCommandLine } from '../../qemu/index.ts';

export interface RealQemuExpectation {
  /** The parser finds nothing QEMU would refuse while parsing. */
  readonly parserAccepts: boolean;
  /** accepted: QEMU gets to QMP with the VM created; rejected: it exits first. */
  readonly status: 'accepted' | 'rejected';
  /** The accelerator/board lines QEMU prints (the model for HVF absent, this release). */
  readonly lines: readonly string[];
  /** CPUs QMP query-cpus-fast reports: the parsed -smp (QEMU's default is 1). */
  readonly cpus: number;
  /** gic-version qom-get on /machine answers (the virt board's finalised version), or null
   * when the line does not run the virt board. */
  readonly gicVersion: string | null;
}

/**
 * The GIC the virt board finalises under TCG, from the merged -machine options
 * (hw/arm/virt.c finalize_gic_version(): unset -> 2, or 3 when more CPUs than GICv2's 8;
 * `max` -> the highest TCG supports: 3, or 4 with virtualization=on; 2/3/4 as written).
 * Seen on QEMU 7.2.22 and 11.1.3: `-machine virt,gic-version=2 -machine gic-version=max`
 * answers "3".
 */
export function tcgGicVersion(props: Readonly<Record<string, string>>, maxCpus: number): string {
  const requested = props['gic-version'];
  if (requested === undefined) return maxCpus <= 8 ? '2' : '3';
  if (requested === 'max') return props.virtualization === 'on' ? '4' : '3';
  return requested;
}

export function realQemuExpectation(program: string, argv: readonly string[], binaryVersion: string): RealQemuExpectation {
  const model = computeQemuFacts({ program, argv, host: linuxWithoutKvm(majorMinor(binaryVersion)) });
  const cpus = model.smp ?? 1;
  const isVirt = model.machine.type !== null && /^virt(-\d+\.\d+)?$/.test(model.machine.type);
  return {
    parserAccepts: parseCommandLine(argv).problems.length === 0,
    status: model.boots ? 'accepted' : 'rejected',
    lines: model.messages,
    cpus,
    gicVersion: isVirt ? tcgGicVersion(model.machine.props, cpus) : null,
  };
}
