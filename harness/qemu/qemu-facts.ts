/**
 * Everything the harness asserts about a builder's qemu line, computed from an argv and a
 * host profile: the merged machine, the accelerators asked for, what QEMU would do with them
 * there, the CPU model, CPU count and memory. Pure.
 *
 * A command line QEMU cannot parse stops it before any accelerator is tried: it prints the
 * first problem (with its "-opt value: " location, as verified on 7.2) and exits 1.
 */
import type { HostProfile } from './host-profile.ts';
import { lastCpu, mergeMachine, mergeMemory, mergeSmp, selectAccelerators, type AcceleratorSelection } from './merge-options.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { resolveAccelerators, type AccelResolution } from './resolve-accelerators.ts';

export interface QemuFacts {
  readonly program: string;
  readonly argv: readonly string[];
  readonly host: HostProfile;
  /** After merging every -machine (and the options that write machine keys). */
  readonly machine: { readonly type: string | null; readonly props: Readonly<Record<string, string>> };
  /** Where the accelerator list came from and the names in it, in order. */
  readonly accelerators: { readonly source: AcceleratorSelection['kind']; readonly names: readonly string[] };
  readonly resolution: AccelResolution;
  /** -cpu model (null: the board's default). */
  readonly cpu: string | null;
  readonly cpuProps: Readonly<Record<string, string>>;
  readonly smp: number | null;
  readonly memoryMiB: number | null;
  readonly boots: boolean;
  /** Lines QEMU prints about all this, in order. */
  readonly messages: readonly string[];
  /** Parse and merge problems (QEMU would stop at the first). */
  readonly problems: readonly string[];
}

export interface FactsInput {
  readonly program: string;
  readonly argv: readonly string[];
  readonly host: HostProfile;
}

function acceleratorNames(selection: AcceleratorSelection): string[] {
  return selection.kind === 'default' ? [] : selection.requests.map((r) => r.name);
}

export function computeQemuFacts({ program, argv, host }: FactsInput): QemuFacts {
  const parsed = parseCommandLine(argv);
  const machine = mergeMachine(parsed);
  const selection = selectAccelerators(parsed, machine);
  const smp = mergeSmp(parsed);
  const memory = mergeMemory(parsed);
  const cpu = lastCpu(parsed);
  const problems = [...parsed.problems.map((p) => p.message), ...smp.problems];
  const resolution: AccelResolution =
    problems.length > 0
      ? {
          accelerator: null,
          lines: [`${host.program}: ${problems[0] ?? ''}`],
          exit: { kind: 'exit', code: 1 },
          boots: false,
          failedAt: 'options',
          steps: [],
          approximate: false,
        }
      : resolveAccelerators({ machine, accelerators: selection, host, maxCpus: smp.maxCpus });
  return {
    program,
    argv,
    host,
    machine: { type: machine.type, props: machine.props },
    accelerators: { source: selection.kind, names: acceleratorNames(selection) },
    resolution,
    cpu: cpu?.model ?? null,
    cpuProps: cpu?.props ?? {},
    smp: smp.cpus,
    memoryMiB: memory.mib,
    boots: resolution.boots,
    messages: resolution.lines,
    problems,
  };
}
