/**
 * The accelerator QEMU ends up with for a command line on a host, the lines it prints
 * (QEMU's wording, with error_report()'s "program: " and "-accel x: " location prefixes) and
 * how the process ends. Pure; each rule cites its source and the reports it rests on.
 *
 * Order, as in system/vl.c qemu_init(): configure_accelerators() (accelerator init), then
 * board init (hw/arm/virt.c machvirt_init(): GIC version, CPU count). A failure at one stage
 * means the later ones never run, so e.g. HVF's GICv2 refusal comes after a successful HVF
 * init, and no fallback to TCG can happen there.
 */
import type { HostProfile } from './host-profile.ts';
import type { AcceleratorSelection, MergedMachine } from './merge-options.ts';
import { qemuVersionFacts, type QemuVersionFacts } from './qemu-versions.ts';

export type ExitBehaviour = { readonly kind: 'runs' } | { readonly kind: 'exit'; readonly code: number } | { readonly kind: 'abort'; readonly signal: 'SIGABRT' };

export type RuleId =
  | 'accel-conflict'
  | 'default-accelerator'
  | 'invalid-accelerator'
  | 'accelerator-initialised'
  | 'hvf-unusable-aborts'
  | 'no-accelerator'
  | 'falling-back'
  | 'gic-host-needs-kvm'
  | 'gic-unsupported'
  | 'gicv2-cpu-limit';

export interface ResolutionStep {
  readonly rule: RuleId;
  readonly detail: string;
}

export interface AccelResolution {
  /** The accelerator QEMU runs with, null when it never got one. */
  readonly accelerator: string | null;
  /** stderr lines QEMU prints on the way, in order. */
  readonly lines: readonly string[];
  readonly exit: ExitBehaviour;
  readonly boots: boolean;
  readonly failedAt: 'options' | 'accelerator' | 'machine' | null;
  readonly steps: readonly ResolutionStep[];
  /** A line contains a part the model cannot know exactly (the assert's source location). */
  readonly approximate: boolean;
}

export interface ResolveInput {
  readonly machine: MergedMachine;
  readonly accelerators: AcceleratorSelection;
  readonly host: HostProfile;
  /** -smp maxcpus after merging (virt checks it against the GIC); default 1. */
  readonly maxCpus?: number | null;
}

// accel/*: AccelClass.name, which "falling back to %s" and the GIC errors print.
const CLASS_NAME: Readonly<Record<string, string>> = { tcg: 'tcg', kvm: 'KVM', hvf: 'HVF' };

/** accel_find(): is the accelerator compiled into this binary? */
function compiledIn(name: string, host: HostProfile): boolean {
  if (name === 'tcg') return true;
  if (name === 'kvm') return host.kvm === 'available';
  if (name === 'hvf') return host.hvf !== 'absent';
  return false;
}

/** accel/hvf/hvf-all.c assert_hvf_ok(): the line before abort(). */
function hvUnsupportedLine(facts: QemuVersionFacts): { text: string; approximate: boolean } {
  if (facts.hvfAssert === 'bare') return { text: 'Error: HV_UNSUPPORTED', approximate: false };
  const at = facts.hvUnsupportedAt;
  return { text: `Error: ret = HV_UNSUPPORTED (0xfae9400f, at ${at ?? '<source location>'})`, approximate: at === null };
}

export function resolveAccelerators(input: ResolveInput): AccelResolution {
  const { host, machine, accelerators } = input;
  const facts = qemuVersionFacts(host.qemuVersion);
  const lines: string[] = [];
  const steps: ResolutionStep[] = [];
  let approximate = false;
  const say = (text: string, location: string | null = null): void => {
    lines.push(`${host.program}: ${location === null ? '' : `${location}: `}${text}`);
  };
  const end = (accelerator: string | null, exit: ExitBehaviour, failedAt: AccelResolution['failedAt']): AccelResolution => ({
    accelerator,
    lines,
    exit,
    boots: exit.kind === 'runs',
    failedAt,
    steps,
    approximate,
  });

  // system/vl.c configure_accelerators(): -accel and -machine accel= together -> exit(1).
  // Verified on QEMU 7.2.22: `-machine virt,accel=tcg -accel tcg`.
  if (accelerators.kind === 'conflict') {
    steps.push({ rule: 'accel-conflict', detail: `-machine accel=${accelerators.machineAccel} and -accel` });
    say('The -accel and "-machine accel=" options are incompatible');
    return end(null, { kind: 'exit', code: 1 }, 'options');
  }

  let initFailed = false;
  type Candidate = { name: string; location: string | null; props: Readonly<Record<string, string>> };
  const candidates: Candidate[] = [];
  if (accelerators.kind === 'default') {
    // vl.c: no accelerator given -> "tcg" (or "tcg:kvm"; TCG initialises first either way).
    steps.push({ rule: 'default-accelerator', detail: 'no accelerator given: tcg' });
    candidates.push({ name: 'tcg', location: null, props: {} });
  } else if (accelerators.kind === 'machine') {
    // vl.c filters `-machine accel=a:b` through accel_find() first: "invalid accelerator %s",
    // printed without a location (verified on 7.2 and, per nix-here.md, 11.1).
    for (const request of accelerators.requests) {
      if (compiledIn(request.name, host)) candidates.push({ name: request.name, location: null, props: request.props });
      else {
        initFailed = true;
        steps.push({ rule: 'invalid-accelerator', detail: `${request.name} is not compiled into this QEMU` });
        say(`invalid accelerator ${request.name}`);
      }
    }
  } else {
    for (const request of accelerators.requests) {
      const raw = [request.name, ...Object.entries(request.props).map(([k, v]) => `${k}=${v}`)].join(',');
      candidates.push({ name: request.name, location: `-accel ${raw}`, props: request.props });
    }
  }

  // vl.c do_configure_accelerator() for each in order; the first whose init succeeds wins.
  let chosen: Candidate | null = null;
  for (const candidate of candidates) {
    if (!compiledIn(candidate.name, host)) {
      // Verified on 7.2: "qemu-system-aarch64: -accel hvf: invalid accelerator hvf".
      initFailed = true;
      steps.push({ rule: 'invalid-accelerator', detail: `${candidate.name} is not compiled into this QEMU` });
      say(`invalid accelerator ${candidate.name}`, candidate.location);
      continue;
    }
    if (candidate.name === 'hvf' && host.hvf === 'unusable') {
      // hvf_accel_init(): hv_vm_create() -> HV_UNSUPPORTED -> assert_hvf_ok() -> abort(). No
      // error is returned, so vl.c never tries the next accelerator (qemu-versions.ts cites).
      const line = hvUnsupportedLine(facts);
      approximate = line.approximate;
      steps.push({ rule: 'hvf-unusable-aborts', detail: 'Hypervisor.framework refuses to create a VM; QEMU aborts' });
      say(line.text, candidate.location);
      return end(null, { kind: 'abort', signal: 'SIGABRT' }, 'accelerator');
    }
    chosen = candidate;
    steps.push({ rule: 'accelerator-initialised', detail: candidate.name });
    break;
  }
  if (chosen === null) {
    // vl.c: "no accelerator found" only when nothing was invalid; exit(1) either way
    // (7.2: `-machine virt,accel=hvf` prints just "invalid accelerator hvf", exit 1).
    steps.push({ rule: 'no-accelerator', detail: 'no accelerator could be initialised' });
    if (!initFailed) say('no accelerator found');
    return end(null, { kind: 'exit', code: 1 }, 'accelerator');
  }
  const name = CLASS_NAME[chosen.name] ?? chosen.name;
  if (initFailed) {
    // vl.c: error_report("falling back to %s", current_accel_name()).
    steps.push({ rule: 'falling-back', detail: name });
    say(`falling back to ${name}`);
  }

  const machineFailure = checkVirtBoard(machine, chosen, name, facts, input.maxCpus ?? 1);
  if (machineFailure !== null) {
    steps.push(machineFailure.step);
    say(machineFailure.line);
    return end(chosen.name, { kind: 'exit', code: 1 }, 'machine');
  }
  return end(chosen.name, { kind: 'runs' }, null);
}

/**
 * hw/arm/virt.c finalize_gic_version() and machvirt_init() for the virt board.
 * gics_supported: TCG (and HVF before 11.1) v2+v3 (+v4 with virtualization=on); HVF from 11.1
 * with its in-kernel vGIC only v3; KVM is taken as v2+v3 (the host GIC is not modelled).
 * Verified on QEMU 7.2.22: "gic-version=host requires KVM"; gic-version=2 with -smp 9 ->
 * "Number of SMP CPUs requested (9) exceeds max CPUs supported by machine 'mach-virt' (8)".
 */
function checkVirtBoard(
  machine: MergedMachine,
  chosen: { name: string; props: Readonly<Record<string, string>> },
  accelName: string,
  facts: QemuVersionFacts,
  maxCpus: number,
): { step: ResolutionStep; line: string } | null {
  if (machine.type === null || !/^virt(-\d+\.\d+)?$/.test(machine.type)) return null;
  const requested = machine.props['gic-version'];
  const irqchipOff = machine.props['kernel-irqchip'] === 'off' || chosen.props['kernel-irqchip'] === 'off';
  const v2 = !(chosen.name === 'hvf' && facts.hvfRefusesGicV2 && !irqchipOff);
  const v4 = chosen.name !== 'kvm' && v2 && machine.props['virtualization'] === 'on';
  if (requested === 'host' && chosen.name !== 'kvm') {
    return { step: { rule: 'gic-host-needs-kvm', detail: accelName }, line: 'gic-version=host requires KVM' };
  }
  let version: string;
  if (requested === undefined) version = v2 && maxCpus <= 8 ? '2' : '3';
  else if (requested === 'max' || requested === 'host') version = v4 ? '4' : '3';
  else version = requested;
  if (version === '2' && !v2) {
    return { step: { rule: 'gic-unsupported', detail: `${accelName}: GICv2` }, line: `${accelName} does not support GICv2 emulation` };
  }
  if (version === '4' && !v4) {
    return {
      step: { rule: 'gic-unsupported', detail: `${accelName}: GICv4` },
      line: `${accelName} does not support GICv4 emulation, is virtualization=on?`,
    };
  }
  if (version === '2' && maxCpus > 8) {
    return {
      step: { rule: 'gicv2-cpu-limit', detail: `${maxCpus} CPUs with GICv2` },
      line: `Number of SMP CPUs requested (${maxCpus}) exceeds max CPUs supported by machine 'mach-virt' (8)`,
    };
  }
  return null;
}
