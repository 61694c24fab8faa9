// Text for people: the static/dynamic argv diff, and what the model made of a builder's qemu
// line on the condition's host. Pure.
import type { ArgDiff } from '../../qemu/index.ts';
import type { QemuStageFacts } from './qemu-result.ts';

export function describeDiffs(diffs: readonly ArgDiff[]): string[] {
  return diffs.map((d) => {
    switch (d.kind) {
      case 'changed':
        return `script arg #${d.staticIndex} ${JSON.stringify(d.expected)} but recorded #${d.dynamicIndex} ${JSON.stringify(d.actual)}`;
      case 'missing':
        return `script arg #${d.staticIndex} ${JSON.stringify(d.expected)} was not recorded`;
      case 'extra':
        return `recorded #${d.dynamicIndex} ${JSON.stringify(d.actual)} is not in the script`;
      default: {
        const never: never = d;
        return never;
      }
    }
  });
}

/** A shell-like one-liner of an argv (for reading, not for pasting). */
export function showArgv(program: string, argv: readonly string[]): string {
  const q = (a: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return [program, ...argv].map(q).join(' ');
}

export function describeQemuFacts(q: QemuStageFacts): string[] {
  const f = q.facts;
  const version =
    q.qemuVersionSource.from === 'condition' ? 'from the condition' : q.qemuVersionSource.from === 'store-path' ? "from the builder's qemu store path" : 'default';
  const exit = f.resolution.exit.kind === 'runs' ? 'runs' : f.resolution.exit.kind === 'abort' ? `aborts (${f.resolution.exit.signal})` : `exits ${f.resolution.exit.code}`;
  return [
    `target ${q.target}: ${q.builderOut}/bin/create-builder -> ${q.runner}`,
    `host ${f.host.name} (HVF ${f.host.hvf}, QEMU ${q.qemuVersion} ${version})`,
    `accelerator ${f.resolution.accelerator ?? 'none'}, ${exit}, boots: ${f.boots ? 'yes' : 'no'}`,
    ...f.messages.map((m) => `QEMU prints: ${m}`),
    `machine ${f.machine.type ?? '(none)'} ${Object.entries(f.machine.props)
      .filter(([k]) => !['kernel', 'initrd', 'append'].includes(k))
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}; cpu ${f.cpu ?? '(default)'}; smp ${f.smp ?? '(default)'}; memory ${f.memoryMiB ?? '(default)'} MiB`,
    `environment: ${Object.entries(q.env).filter(([, v]) => v !== '').map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ') || '(nothing set)'}`,
    `command line (${q.mode}): ${showArgv(q.dynamic.program, q.normalisedArgv)}`,
  ];
}
