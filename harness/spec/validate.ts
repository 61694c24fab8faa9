// case.yaml text -> a parsed case, or every problem in it with its position. Pure: the loader
// reads the file, this only looks at text. Three steps, as changesets' parse.ts: YAML syntax,
// the schema, then named rules that need the whole document.
import { LineCounter, isMap, isPair, isScalar, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { BUILTIN_CONDITION_NAMES, isBuiltinCondition } from '../conditions/index.ts';
import { linePosOf, type SpecError, type SpecErrorCode, type SpecWarning, type SpecWarningCode } from './errors.ts';
import { nearest } from './nearest.ts';
import { CaseSpecSchema, type ParsedCase } from './schema.ts';
import { keysAt } from './zod-walk.ts';

export type ValidateResult =
  | { readonly ok: true; readonly value: ParsedCase; readonly warnings: readonly SpecWarning[]; readonly locate: Locator }
  | { readonly ok: false; readonly errors: readonly SpecError[]; readonly warnings: readonly SpecWarning[] };

/** Finds the source position of a document path, for messages raised after loading. */
export type Locator = (path: readonly PropertyKey[]) => { range: [number, number] | undefined; linePos: { line: number; col: number } | undefined };

type Path = readonly PropertyKey[];

function rangeOf(doc: Document, path: Path, keyOnly: boolean): [number, number] | undefined {
  // Walk down to the deepest node that exists; for a key's own problems point at the key.
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    if (keyOnly && n === path.length && n > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === sub[sub.length - 1]);
        if (pair && isScalar(pair.key) && pair.key.range) return [pair.key.range[0], pair.key.range[1]];
      }
      continue;
    }
    const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
    const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (r) return [r[0], r[1]];
  }
  return undefined;
}

function dotted(path: Path): string {
  return path.map(String).join('.');
}

export function validateCase(text: string, file: string): ValidateResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const errors: SpecError[] = [];
  const warnings: SpecWarning[] = [];

  const problem = <C extends string>(code: C, path: Path, message: string, hint?: string, keyOnly = false) => {
    const range = rangeOf(doc, path, keyOnly);
    return { code, file, path: dotted(path), range, linePos: linePosOf(counter, range?.[0]), message, hint };
  };
  const error = (code: SpecErrorCode, path: Path, message: string, hint?: string, keyOnly = false) =>
    errors.push(problem(code, path, message, hint, keyOnly));
  const warn = (code: SpecWarningCode, path: Path, message: string, hint?: string) => warnings.push(problem(code, path, message, hint));

  // 1. YAML syntax: report every error the composer collected, with its own offsets.
  for (const e of doc.errors) {
    errors.push({
      code: 'SPEC_YAML_SYNTAX',
      file,
      path: '',
      range: [e.pos[0], e.pos[1]],
      linePos: linePosOf(counter, e.pos[0]),
      message: e.message.split('\n')[0] ?? e.message,
      hint: e.code === 'DUPLICATE_KEY' ? 'Each key may appear once; merge the two entries.' : 'Fix the YAML syntax at this position.',
    });
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  if (!/^#\s*yaml-language-server:\s*\$schema=/m.test(text)) {
    warn('SPEC_NO_SCHEMA_LINE', [], 'no schema line, so editors cannot check this file', 'Start the file with: # yaml-language-server: $schema=../../harness/spec/case.schema.json');
  }

  // 2. The schema.
  const parsed = CaseSpecSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportIssue(issue, error);
    return { ok: false, errors, warnings };
  }
  const spec = parsed.data;

  // 3. Rules over the whole document.
  const targets = [...Object.keys(spec.targets), ...(spec.phases ?? []).flatMap((p) => Object.keys(p.targets))];
  const seen = new Set<string>();
  (spec.phases ?? []).forEach((p, i) => {
    for (const t of Object.keys(p.targets)) {
      if (Object.hasOwn(spec.targets, t) || seen.has(t)) error('SPEC_DUPLICATE_TARGET', ['phases', i, 'targets', t], `target '${t}' is named twice`, 'Target names are unique across all phases; rename one.', true);
      seen.add(t);
    }
  });
  const checkBuilder = (lb: { package: string; machines: string } | undefined, own: readonly string[], path: Path) => {
    if (!lb) return;
    for (const key of ['package', 'machines'] as const) {
      if (!own.includes(lb[key])) error('SPEC_UNKNOWN_TARGET', [...path, key], `unknown target '${lb[key]}'`, `A phase's linux-builder names targets of the same phase: ${own.join(', ') || '(none)'}.`);
    }
  };
  checkBuilder(spec['linux-builder'], Object.keys(spec.targets), ['linux-builder']);
  (spec.phases ?? []).forEach((p, i) => checkBuilder(p['linux-builder'], Object.keys(p.targets), ['phases', i, 'linux-builder']));
  if (targets.length === 0) error('SPEC_NO_TARGETS', ['targets'], 'no targets: nothing would be evaluated or built', 'Add at least one `name: flake.attribute.path` under targets.');
  const checkTarget = (name: string | undefined, path: Path) => {
    if (name === undefined) {
      if (targets.length > 1) error('SPEC_AMBIGUOUS_TARGET', path, `this case has ${targets.length} targets; say which one`, `Add target: one of ${targets.join(', ')}.`);
      return;
    }
    if (!targets.includes(name)) {
      const near = nearest(name, targets);
      error('SPEC_UNKNOWN_TARGET', [...path, 'target'], `unknown target '${name}'`, `${near ? `Did you mean '${near}'? ` : ''}Targets: ${targets.join(', ')}.`);
    }
  };
  for (const [name, c] of Object.entries(spec.conditions)) {
    const at: Path = ['conditions', name];
    if (!isBuiltinCondition(name) && c.simulate === undefined) {
      const near = nearest(name, BUILTIN_CONDITION_NAMES);
      error(
        'SPEC_UNKNOWN_CONDITION',
        at,
        `unknown condition '${name}'`,
        `${near ? `Did you mean '${near}'? ` : ''}Built-in conditions: ${BUILTIN_CONDITION_NAMES.join(', ')}; declare your own with a simulate: block.`,
        true,
      );
    }
    if (typeof c.build === 'object') {
      for (const t of Object.keys(c.build)) {
        if (!targets.includes(t)) {
          const near = nearest(t, targets);
          error('SPEC_UNKNOWN_TARGET', [...at, 'build', t], `unknown target '${t}'`, `${near ? `Did you mean '${near}'? ` : ''}Targets: ${targets.join(', ')}.`, true);
        }
      }
    }
    if (c.error && c.error.class !== 'builder-did-not-boot' && (c.build === 'ok' || (typeof c.build === 'object' && Object.values(c.build).every((v) => v === 'ok')))) {
      error('SPEC_CONTRADICTION', [...at, 'error'], 'an error is expected but every build is expected to succeed', 'Set build: fails (or fails for the target that breaks), or remove error:.');
    }
    if (c.error?.target !== undefined) checkTarget(c.error.target, [...at, 'error']);
    if (c.qemu?.target !== undefined) checkTarget(c.qemu.target, [...at, 'qemu']);
    (c.outputs ?? []).forEach((o, i) => checkTarget(o.target, [...at, 'outputs', i]));
    if (c.build === undefined && c.error === undefined && !c.outputs?.length && c.qemu === undefined) {
      warn('SPEC_NOTHING_CHECKED', at, `nothing is checked under ${name}`, 'Add build: ok | fails, or remove the condition.');
    }
  }
  if (errors.length > 0) return { ok: false, errors, warnings };
  const locate: Locator = (path) => {
    const range = rangeOf(doc, path, false);
    return { range, linePos: linePosOf(counter, range?.[0]) };
  };
  return { ok: true, value: spec, warnings, locate };
}

type Report = (code: SpecErrorCode, path: Path, message: string, hint?: string, keyOnly?: boolean) => void;

function reportIssue(issue: z.core.$ZodIssue, error: Report): void {
  const path = issue.path as PropertyKey[];
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) {
        const valid = keysAt(CaseSpecSchema, path);
        const near = nearest(key, valid);
        error('SPEC_UNKNOWN_KEY', [...path, key], `unknown key '${key}'`, `${near ? `Did you mean '${near}'? ` : ''}Valid keys here: ${valid.join(', ')}.`, true);
      }
      return;
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined) {
        error('SPEC_MISSING_KEY', path, `missing required key '${String(path[path.length - 1])}'`, `Add ${String(path[path.length - 1])}: (${issue.expected}).`);
      } else {
        error('SPEC_INVALID_TYPE', path, `expected ${issue.expected}`, issue.message);
      }
      return;
    case 'invalid_value':
      error('SPEC_INVALID_VALUE', path, `expected one of ${issue.values.map(String).join(' | ')}`, 'Use one of the listed values.');
      return;
    case 'invalid_union':
      error('SPEC_INVALID_VALUE', path, 'value has none of the accepted shapes', path[path.length - 1] === 'build' ? 'Write build: ok | fails, or a map of target: ok | fails.' : issue.message);
      return;
    case 'custom':
      error('SPEC_BAD_REGEX', path, issue.message, 'Regexes use JavaScript syntax; escape a literal dot or bracket with a backslash.');
      return;
    default:
      error('SPEC_INVALID', path, issue.message);
  }
}
