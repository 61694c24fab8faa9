/**
 * The `qemu:` block of a case.yaml condition, and the pure check of it against QemuFacts.
 * The spec loader validates YAML into QemuExpectation; this only compares. Every key is
 * optional; `{{name}}` in any string is replaced from `vars` first (e.g. smp: '{{cores}}').
 *
 *   qemu:
 *     target: builder            # which target's create-builder (selection, not checked here)
 *     accelerator: tcg           # tcg | hvf | kvm | none
 *     boots: true
 *     message: 'invalid accelerator hvf'   # JS regex over QEMU's printed lines joined by \n
 *     machine: { type: virt, gic-version: '3' }   # after merging; values compared as strings
 *     cpu: max
 *     smp: '{{cores}}'
 *     memory: 3072               # MiB
 *     args-present: ['-nographic']   # exact argv elements that must be present
 *     args-absent: ['accel=hvf']     # substrings no argv element may contain
 */
import type { QemuFacts } from './qemu-facts.ts';

export interface QemuExpectation {
  readonly target?: string;
  readonly accelerator?: 'tcg' | 'hvf' | 'kvm' | 'none';
  readonly boots?: boolean;
  readonly message?: string;
  readonly machine?: Readonly<Record<string, string | number | boolean>>;
  readonly cpu?: string;
  readonly smp?: number | string;
  readonly memory?: number | string;
  readonly 'args-present'?: readonly string[];
  readonly 'args-absent'?: readonly string[];
}

/** The keys QemuExpectation allows, for the spec loader's unknown-key check. */
export const QEMU_EXPECTATION_KEYS = [
  'target',
  'accelerator',
  'boots',
  'message',
  'machine',
  'cpu',
  'smp',
  'memory',
  'args-present',
  'args-absent',
] as const satisfies ReadonlyArray<keyof QemuExpectation>;

export interface Mismatch {
  /** Dotted key in the qemu: block, e.g. `machine.gic-version` or `args-absent`. */
  readonly key: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly message: string;
}

export type ExpectationVars = Readonly<Record<string, string | number>>;

function substitute(text: string, vars: ExpectationVars, missing: string[]): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) {
      missing.push(name);
      return whole;
    }
    return String(value);
  });
}

export function checkQemuExpectation(exp: QemuExpectation, facts: QemuFacts, vars: ExpectationVars = {}): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const sub = (key: string, value: string | number | boolean): string => {
    const missing: string[] = [];
    const out = substitute(String(value), vars, missing);
    for (const name of missing) {
      mismatches.push({ key, expected: value, actual: undefined, message: `${key}: unknown variable {{${name}}}` });
    }
    return out;
  };
  const compare = (key: string, expected: string, actual: string | null): void => {
    if (expected !== (actual ?? 'none')) {
      mismatches.push({ key, expected, actual, message: `${key}: expected ${expected}, got ${actual ?? 'none'}` });
    }
  };

  if (exp.accelerator !== undefined) compare('accelerator', exp.accelerator, facts.resolution.accelerator);
  if (exp.boots !== undefined && exp.boots !== facts.boots) {
    mismatches.push({ key: 'boots', expected: exp.boots, actual: facts.boots, message: `boots: expected ${exp.boots}, got ${facts.boots}` });
  }
  if (exp.message !== undefined) {
    const source = sub('message', exp.message);
    const text = facts.messages.join('\n');
    try {
      if (!new RegExp(source).test(text)) {
        mismatches.push({ key: 'message', expected: source, actual: text, message: `message: /${source}/ not found in QEMU's lines` });
      }
    } catch (error) {
      mismatches.push({ key: 'message', expected: source, actual: text, message: `message: invalid regular expression: ${(error as Error).message}` });
    }
  }
  for (const [name, value] of Object.entries(exp.machine ?? {})) {
    const actual = name === 'type' ? facts.machine.type : (facts.machine.props[name] ?? null);
    const key = `machine.${name}`;
    const expected = sub(key, value);
    if (expected !== actual) mismatches.push({ key, expected, actual, message: `${key}: expected ${expected}, got ${actual ?? 'unset'}` });
  }
  if (exp.cpu !== undefined) compare('cpu', sub('cpu', exp.cpu), facts.cpu);
  if (exp.smp !== undefined) compare('smp', sub('smp', exp.smp), facts.smp === null ? null : String(facts.smp));
  if (exp.memory !== undefined) compare('memory', sub('memory', exp.memory), facts.memoryMiB === null ? null : String(facts.memoryMiB));
  for (const wanted of exp['args-present'] ?? []) {
    const element = sub('args-present', wanted);
    if (!facts.argv.includes(element)) {
      mismatches.push({ key: 'args-present', expected: element, actual: null, message: `args-present: no argument is exactly ${JSON.stringify(element)}` });
    }
  }
  for (const unwanted of exp['args-absent'] ?? []) {
    const part = sub('args-absent', unwanted);
    const offending = facts.argv.filter((arg) => arg.includes(part));
    if (offending.length > 0) {
      mismatches.push({ key: 'args-absent', expected: part, actual: offending, message: `args-absent: ${JSON.stringify(part)} appears in ${offending.map((a) => JSON.stringify(a)).join(', ')}` });
    }
  }
  return mismatches;
}
