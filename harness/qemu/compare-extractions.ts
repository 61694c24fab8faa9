/**
 * Static vs dynamic extraction: does the argv read from the script text equal the argv the
 * recorder saw when the script really ran? Store hashes are normalised on both sides (a
 * rebuilt script differs only there), and each unresolved part of the static argv is a
 * wildcard: inside a word it matches any text; an unquoted unresolved word on its own (an
 * unknown `$QEMU_OPTS`) matches any run of words, zero included. Differences come back as a
 * minimal list of changed / missing / extra arguments.
 */
import { normaliseText, type NormaliseOptions } from './normalise-argv.ts';
import type { RecordedInvocation } from './read-recording.ts';
import { wordText, type ShellWord } from './shell-words.ts';

export type ArgDiff =
  | { readonly kind: 'changed'; readonly staticIndex: number; readonly dynamicIndex: number; readonly expected: string; readonly actual: string }
  | { readonly kind: 'missing'; readonly staticIndex: number; readonly expected: string }
  | { readonly kind: 'extra'; readonly dynamicIndex: number; readonly actual: string };

export interface WildcardMatch {
  readonly staticIndex: number;
  readonly refs: readonly string[];
  /** What the recording had there (one word, or the run of words a bare unresolved word covered). */
  readonly matched: readonly string[];
}

export interface ExtractionComparison {
  readonly equal: boolean;
  readonly program: { readonly static: string; readonly dynamic: string; readonly equal: boolean };
  readonly diffs: readonly ArgDiff[];
  readonly wildcards: readonly WildcardMatch[];
}

export interface StaticSide {
  readonly program: string;
  readonly words: readonly ShellWord[];
}

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isRunWildcard(word: ShellWord): boolean {
  const [only] = word.segments;
  return word.segments.length === 1 && only?.kind === 'unresolved' && !only.quoted;
}

function matcher(word: ShellWord, options: NormaliseOptions): RegExp {
  const body = word.segments
    .map((seg) => (seg.kind === 'text' ? escape(normaliseText(seg.text, options)) : '[\\s\\S]*'))
    .join('');
  return new RegExp(`^${body}$`);
}

type Op = { kind: 'match' | 'missing' | 'extra' | 'absorb' | 'skip-run'; i: number; j: number };

export function compareExtractions(
  staticSide: StaticSide,
  dynamic: Pick<RecordedInvocation, 'program' | 'args'>,
  options: NormaliseOptions = {},
): ExtractionComparison {
  const words = staticSide.words;
  const actual = dynamic.args.map((a) => normaliseText(a, options));
  const regexes = words.map((w) => matcher(w, options));
  const runs = words.map(isRunWildcard);
  const n = words.length;
  const m = actual.length;
  const memo = new Map<number, number>();
  const cost = (i: number, j: number): number => {
    if (i === n) return m - j;
    if (j === m) return runs.slice(i).filter((r) => !r).length;
    const key = i * (m + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let best = 1 + Math.min(cost(i + 1, j), cost(i, j + 1));
    if (runs[i]) best = Math.min(best, cost(i + 1, j), cost(i, j + 1));
    else if (regexes[i]?.test(actual[j] ?? '')) best = Math.min(best, cost(i + 1, j + 1));
    memo.set(key, best);
    return best;
  };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = cost(i, j);
    if (i < n && j < m && runs[i] && cost(i, j + 1) === here) ops.push({ kind: 'absorb', i, j: j++ });
    else if (i < n && runs[i] && cost(i + 1, j) === here) ops.push({ kind: 'skip-run', i: i++, j });
    else if (i < n && j < m && !runs[i] && regexes[i]?.test(actual[j] ?? '') && cost(i + 1, j + 1) === here) ops.push({ kind: 'match', i: i++, j: j++ });
    else if (i < n && cost(i + 1, j) === here - 1) ops.push({ kind: 'missing', i: i++, j });
    else ops.push({ kind: 'extra', i, j: j++ });
  }
  return {
    equal: ops.every((op) => op.kind !== 'missing' && op.kind !== 'extra') && basename(staticSide.program) === basename(dynamic.program),
    program: { static: staticSide.program, dynamic: dynamic.program, equal: basename(staticSide.program) === basename(dynamic.program) },
    diffs: toDiffs(ops, words, dynamic.args),
    wildcards: toWildcards(ops, words, dynamic.args),
  };
}

function toDiffs(ops: readonly Op[], words: readonly ShellWord[], args: readonly string[]): ArgDiff[] {
  const diffs: ArgDiff[] = [];
  const missing: Op[] = [];
  const extra: Op[] = [];
  const flush = (): void => {
    while (missing.length > 0 && extra.length > 0) {
      const a = missing.shift() as Op;
      const b = extra.shift() as Op;
      diffs.push({ kind: 'changed', staticIndex: a.i, dynamicIndex: b.j, expected: wordText(words[a.i] ?? { segments: [] }), actual: args[b.j] ?? '' });
    }
    for (const a of missing.splice(0)) diffs.push({ kind: 'missing', staticIndex: a.i, expected: wordText(words[a.i] ?? { segments: [] }) });
    for (const b of extra.splice(0)) diffs.push({ kind: 'extra', dynamicIndex: b.j, actual: args[b.j] ?? '' });
  };
  for (const op of ops) {
    if (op.kind === 'missing') missing.push(op);
    else if (op.kind === 'extra') extra.push(op);
    else flush();
  }
  flush();
  return diffs;
}

function toWildcards(ops: readonly Op[], words: readonly ShellWord[], args: readonly string[]): WildcardMatch[] {
  const byIndex = new Map<number, string[]>();
  for (const op of ops) {
    const word = words[op.i];
    if (word === undefined || !word.segments.some((s) => s.kind === 'unresolved')) continue;
    if (op.kind === 'match' || op.kind === 'absorb') byIndex.set(op.i, [...(byIndex.get(op.i) ?? []), args[op.j] ?? '']);
    if (op.kind === 'skip-run' && !byIndex.has(op.i)) byIndex.set(op.i, []);
  }
  return [...byIndex].map(([staticIndex, matched]) => ({
    staticIndex,
    refs: (words[staticIndex]?.segments ?? []).flatMap((s) => (s.kind === 'unresolved' ? [s.ref] : [])),
    matched,
  }));
}
