/**
 * The merging QEMU does after parsing, modelled from system/vl.c (commit 00cfbdcb...):
 * - every `-machine`/`-M` is keyval-parsed INTO one dict (keyval_parse_into(machine_opts_dict,
 *   ...)): repeated options merge and the last value of a key wins, so `-machine gic-version=3`
 *   from $QEMU_OPTS, placed after run-nixos-vm's own flags, overrides gic-version=2 (verified on
 *   QEMU 7.2: qom-get /machine gic-version answers "3");
 * - some plain options write machine keys too, in argv order (vl.c qdict_put_str):
 *   -nographic graphics=off, -kernel/-initrd/-append/-dtb/-shim, -bios firmware,
 *   -enable-kvm accel=kvm, -usb/-usbdevice usb=on, -no-fd-bootchk fd-bootchk=off;
 * - `-smp` and `-m` lists have merge_lists: all occurrences merge, last key wins (7.2:
 *   `-m 3072 -m 2G` gives base-memory 2 GiB);
 * - `-cpu`: the last one wins (vl.c `cpu_option = optarg`).
 */
import { optionsNamed, type ParsedCommandLine } from './parse-command-line.ts';
import { parseMemoryMiB } from './parse-size.ts';
import { lastValue } from './split-option-string.ts';

export interface MergedMachine {
  /** The machine type (implied key `type`), or null when none was given. */
  readonly type: string | null;
  /** Every other key after merging, values as written. */
  readonly props: Readonly<Record<string, string>>;
  /** argv index of the option that last set each key (type included). */
  readonly setBy: Readonly<Record<string, number>>;
}

const SUGAR: Readonly<Record<string, (value: string) => [string, string]>> = {
  nographic: () => ['graphics', 'off'],
  kernel: (v) => ['kernel', v],
  initrd: (v) => ['initrd', v],
  append: (v) => ['append', v],
  dtb: (v) => ['dtb', v],
  shim: (v) => ['shim', v],
  bios: (v) => ['firmware', v],
  'enable-kvm': () => ['accel', 'kvm'],
  usb: () => ['usb', 'on'],
  usbdevice: () => ['usb', 'on'],
  'no-fd-bootchk': () => ['fd-bootchk', 'off'],
};

export function mergeMachine(parsed: ParsedCommandLine): MergedMachine {
  const dict: Record<string, string> = {};
  const setBy: Record<string, number> = {};
  for (const option of parsed.options) {
    if (option.kind === 'opts' && option.name === 'machine') {
      for (const pair of option.pairs) {
        dict[pair.key] = pair.value;
        setBy[pair.key] = option.index;
      }
      continue;
    }
    if ((option.kind === 'flag' || option.kind === 'string') && option.name in SUGAR) {
      const sugar = SUGAR[option.name];
      if (sugar === undefined) continue;
      const [key, value] = sugar(option.kind === 'string' ? option.value : '');
      dict[key] = value;
      setBy[key] = option.index;
    }
  }
  const { type = null, ...props } = dict;
  return { type, props, setBy };
}

export interface AcceleratorRequest {
  readonly name: string;
  readonly from: 'machine' | 'accel-option';
  /** argv index of the option that asked for it. */
  readonly index: number;
  /** Further -accel properties (`-accel hvf,kernel-irqchip=off`). */
  readonly props: Readonly<Record<string, string>>;
}

/**
 * What QEMU will try, in order. vl.c configure_accelerators(): with no -accel it splits
 * `-machine accel=` on ':' (or picks a default); with -accel options it refuses a machine
 * accel= too: "The -accel and \"-machine accel=\" options are incompatible" (exit 1).
 */
export type AcceleratorSelection =
  | { readonly kind: 'machine'; readonly raw: string; readonly requests: readonly AcceleratorRequest[] }
  | { readonly kind: 'accel-options'; readonly requests: readonly AcceleratorRequest[] }
  | { readonly kind: 'default' }
  | { readonly kind: 'conflict'; readonly machineAccel: string; readonly requests: readonly AcceleratorRequest[] };

export function selectAccelerators(parsed: ParsedCommandLine, machine: MergedMachine): AcceleratorSelection {
  const accelOptions: AcceleratorRequest[] = optionsNamed(parsed, 'accel', 'opts').map((o) => {
    const props: Record<string, string> = {};
    for (const pair of o.pairs) if (pair.key !== 'accel') props[pair.key] = pair.value;
    return { name: lastValue(o.pairs, 'accel') ?? '', from: 'accel-option', index: o.index, props };
  });
  const machineAccel = machine.props['accel'];
  if (accelOptions.length > 0) {
    return machineAccel === undefined
      ? { kind: 'accel-options', requests: accelOptions }
      : { kind: 'conflict', machineAccel, requests: accelOptions };
  }
  if (machineAccel === undefined) return { kind: 'default' };
  const index = machine.setBy['accel'] ?? -1;
  const requests = machineAccel.split(':').map((name) => ({ name, from: 'machine' as const, index, props: {} }));
  return { kind: 'machine', raw: machineAccel, requests };
}

export interface SmpConfig {
  readonly cpus: number | null;
  readonly maxCpus: number | null;
  /** Whether any -smp was given (virt's default is one CPU). */
  readonly explicit: boolean;
  readonly props: Readonly<Record<string, string>>;
  /** QEMU's wording for a non-integer value, e.g. "Parameter 'smp.cpus' expects integer". */
  readonly problems: readonly string[];
}

const TOPOLOGY = ['sockets', 'dies', 'clusters', 'cores', 'threads'] as const;

/** hw/core/machine-smp.c machine_parse_smp_config(): cpus defaults to maxcpus, which defaults to the topology product. */
export function mergeSmp(parsed: ParsedCommandLine): SmpConfig {
  const props: Record<string, string> = {};
  const smp = optionsNamed(parsed, 'smp', 'opts');
  for (const option of smp) for (const pair of option.pairs) props[pair.key] = pair.value;
  const problems: string[] = [];
  const int = (key: string): number | null => {
    const value = props[key];
    if (value === undefined) return null;
    if (!/^[0-9]+$/.test(value)) {
      problems.push(`Parameter 'smp.${key}' expects integer`);
      return null;
    }
    return Number(value);
  };
  const cpus = int('cpus');
  const maxGiven = int('maxcpus');
  const product = TOPOLOGY.map(int).reduce<number>((acc, n) => acc * (n ?? 1), 1);
  const maxCpus = maxGiven ?? (smp.length === 0 ? 1 : product);
  const resolvedCpus = smp.length === 0 ? 1 : (cpus ?? maxCpus);
  return { cpus: problems.length > 0 ? null : resolvedCpus, maxCpus: Math.max(maxCpus, resolvedCpus), explicit: smp.length > 0, props, problems };
}

export interface MemoryConfig {
  /** MiB after vl.c's suffix-less fix-up; null when the value does not parse. */
  readonly mib: number | null;
  readonly explicit: boolean;
  readonly raw: string | null;
}

// hw/arm/virt.c leaves MachineClass default_ram_size at 128 MiB (hw/core/machine.c).
const DEFAULT_RAM_MIB = 128;

export function mergeMemory(parsed: ParsedCommandLine): MemoryConfig {
  const pairs = optionsNamed(parsed, 'm', 'opts').flatMap((o) => o.pairs);
  const raw = lastValue(pairs, 'size') ?? null;
  if (raw === null) return { mib: DEFAULT_RAM_MIB, explicit: false, raw };
  const parsedSize = parseMemoryMiB(raw);
  return { mib: parsedSize.ok ? parsedSize.mib : null, explicit: true, raw };
}

export interface CpuConfig {
  readonly model: string;
  readonly props: Readonly<Record<string, string>>;
  readonly index: number;
}

export function lastCpu(parsed: ParsedCommandLine): CpuConfig | null {
  const cpu = optionsNamed(parsed, 'cpu', 'cpu').at(-1);
  if (cpu === undefined) return null;
  return { model: cpu.model, props: Object.fromEntries(cpu.props.map((p) => [p.key, p.value])), index: cpu.index };
}
