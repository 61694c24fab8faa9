/**
 * Turns one simple shell command (from a run-nixos-vm script) into words, the way a POSIX
 * shell would after quote removal, parameter expansion and field splitting:
 * - `\` + newline is a line continuation (outside single quotes), so upstream's
 *   `serial=root\` + newline + `    -drive` still splits at the indentation;
 * - single quotes are literal; in double quotes `\` escapes only $ ` " \ and newline;
 * - `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}`, `$@`, `"$@"`,
 *   `$1`..`$9`, `$#` expand from the given environment and arguments; unquoted results are
 *   split on spaces, tabs and newlines (default IFS);
 * - what cannot be known statically becomes a typed unresolved segment, never a crash:
 *   a variable missing from the environment (null means "known to be unset"), `$(...)`,
 *   backquotes, `$((...))`, and other `${...}` forms.
 * Not modelled: globbing, tilde expansion, aliases, here-documents, redirections (reported).
 */

export type UnresolvedReason = 'unknown-variable' | 'command-substitution' | 'unsupported-expansion';

export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'unresolved'; readonly ref: string; readonly reason: UnresolvedReason; readonly quoted: boolean };

export interface ShellWord {
  readonly segments: readonly Segment[];
}

export interface ShellEnv {
  /** Variable values; null = known to be unset; a missing key = unknown (unresolved). */
  readonly vars: Readonly<Record<string, string | null>>;
  /** Positional parameters ("$@"). */
  readonly args: readonly string[];
}

export interface LexResult {
  readonly words: readonly ShellWord[];
  /** Offset just past the command's terminator. */
  readonly end: number;
  readonly problems: readonly string[];
}

const IFS = /[ \t\n]/;

/** Offset of the character closing a `${`/`$(`/`$((` opened just before `start`, honouring quotes and nesting. */
function findClose(s: string, start: number, open: string, close: string): number {
  let depth = 1;
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === "'") i = s.indexOf("'", i + 1) < 0 ? s.length : s.indexOf("'", i + 1) + 1;
    else if (c === '"') {
      i += 1;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (c === open) {
      depth += 1;
      i += 1;
    } else if (c === close) {
      depth -= 1;
      if (depth === 0) return i;
      i += 1;
    } else i += 1;
  }
  return -1;
}

class WordBuilder {
  readonly words: ShellWord[] = [];
  private segments: Segment[] = [];
  private started = false;

  text(text: string): void {
    this.started = true;
    const last = this.segments.at(-1);
    if (last?.kind === 'text') this.segments[this.segments.length - 1] = { kind: 'text', text: last.text + text };
    else if (text.length > 0) this.segments.push({ kind: 'text', text });
  }

  /** An expansion result: quoted ones join the word, unquoted ones are field-split. */
  expanded(value: string, quoted: boolean): void {
    if (quoted) return this.text(value);
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0) this.finish();
      if (piece.length > 0) this.text(piece);
    });
  }

  unresolved(ref: string, reason: UnresolvedReason, quoted: boolean): void {
    this.started = true;
    this.segments.push({ kind: 'unresolved', ref, reason, quoted });
  }

  /** Marks the word as present even if empty (`""`). */
  touch(): void {
    this.started = true;
  }

  finish(): void {
    if (this.started) this.words.push({ segments: this.segments });
    this.segments = [];
    this.started = false;
  }
}

interface Expansion {
  readonly end: number;
  /** Words for "$@"-like expansions, one string otherwise. */
  readonly value: { kind: 'string'; text: string } | { kind: 'words'; words: readonly string[] } | { kind: 'unresolved'; ref: string; reason: UnresolvedReason };
}

/** Expands the `$...` at `i` (s[i] === '$'). */
function expandDollar(s: string, i: number, env: ShellEnv): Expansion | null {
  const next = s[i + 1];
  if (next === '(') {
    const arithmetic = s[i + 2] === '(';
    const close = findClose(s, i + 2, '(', ')');
    const end = close < 0 ? s.length : close + 1 + (arithmetic && s[close + 1] === ')' ? 1 : 0);
    return { end, value: { kind: 'unresolved', ref: s.slice(i, end), reason: arithmetic ? 'unsupported-expansion' : 'command-substitution' } };
  }
  if (next === '{') {
    const close = findClose(s, i + 2, '{', '}');
    const end = close < 0 ? s.length : close + 1;
    const body = s.slice(i + 2, close < 0 ? s.length : close);
    return { end, value: expandBraced(body, s.slice(i, end), env) };
  }
  if (next !== undefined && /[@*#?$!0-9-]/.test(next)) return { end: i + 2, value: special(next, env) };
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1))?.[0];
  if (name === undefined) return null; // a lone `$` is literal
  return { end: i + 1 + name.length, value: variable(name, `$${name}`, env) };
}

function special(c: string, env: ShellEnv): Expansion['value'] {
  if (c === '@' || c === '*') return { kind: 'words', words: env.args };
  if (c === '#') return { kind: 'string', text: String(env.args.length) };
  if (/[1-9]/.test(c)) return { kind: 'string', text: env.args[Number(c) - 1] ?? '' };
  return { kind: 'unresolved', ref: `$${c}`, reason: 'unsupported-expansion' };
}

function variable(name: string, ref: string, env: ShellEnv): Expansion['value'] {
  if (!(name in env.vars)) return { kind: 'unresolved', ref, reason: 'unknown-variable' };
  return { kind: 'string', text: env.vars[name] ?? '' };
}

/** `${...}` bodies: NAME, NAME:-word, NAME-word, NAME:+word, NAME+word; anything else is unresolved. */
function expandBraced(body: string, ref: string, env: ShellEnv): Expansion['value'] {
  const match = /^([A-Za-z_][A-Za-z0-9_]*|[@*#0-9])(?:(:?)([-+])([\s\S]*))?$/.exec(body);
  if (!match) return { kind: 'unresolved', ref, reason: 'unsupported-expansion' };
  const [, name = '', colon, op, word = ''] = match;
  const base = /^[@*#0-9]$/.test(name) ? special(name, env) : variable(name, ref, env);
  if (op === undefined) return base;
  if (base.kind === 'unresolved') return { kind: 'unresolved', ref, reason: 'unknown-variable' };
  const isSet = /^[A-Za-z_]/.test(name) ? env.vars[name] !== null : true;
  const text = base.kind === 'string' ? base.text : base.words.join(' ');
  const useWord = op === '-' ? !isSet || (colon === ':' && text === '') : isSet && !(colon === ':' && text === '');
  if (!useWord) return op === '-' ? base : { kind: 'string', text: '' };
  const inner = expandString(word, env);
  return inner.every((seg) => seg.kind === 'text')
    ? { kind: 'string', text: inner.map((seg) => (seg.kind === 'text' ? seg.text : '')).join('') }
    : { kind: 'unresolved', ref, reason: inner.find((seg) => seg.kind === 'unresolved')?.reason ?? 'unknown-variable' };
}

/** Expands a `${X:-word}` word as one string (as if double-quoted; quotes inside it are not modelled). */
function expandString(word: string, env: ShellEnv): Segment[] {
  const lexed = lexCommand(`"${word.replace(/"/g, '\\"')}"`, 0, env);
  return [...(lexed.words[0]?.segments ?? [])];
}

/** Lexes the simple command starting at `start`, up to an unquoted newline, `;`, `&` or `|`. */
export function lexCommand(s: string, start: number, env: ShellEnv): LexResult {
  const out = new WordBuilder();
  const problems: string[] = [];
  let i = start;
  const applyExpansion = (exp: Expansion, quoted: boolean): void => {
    const v = exp.value;
    if (v.kind === 'string') out.expanded(v.text, quoted);
    else if (v.kind === 'unresolved') out.unresolved(v.ref, v.reason, quoted);
    else
      v.words.forEach((w, k) => {
        if (k > 0) out.finish();
        out.expanded(w, quoted);
      });
  };
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c === '\\') {
      if (s[i + 1] === '\n') i += 2;
      else {
        out.text(s[i + 1] ?? '');
        i += 2;
      }
    } else if (IFS.test(c)) {
      if (c === '\n') {
        i += 1;
        break;
      }
      out.finish();
      i += 1;
    } else if (c === ';' || c === '&' || c === '|') {
      i += 1;
      break;
    } else if (c === '<' || c === '>') {
      problems.push(`redirection at offset ${i} ends the command (not modelled)`);
      break;
    } else if (c === '#' && (i === start || IFS.test(s[i - 1] ?? ' '))) {
      const eol = s.indexOf('\n', i);
      i = eol < 0 ? s.length : eol;
    } else if (c === "'") {
      const close = s.indexOf("'", i + 1);
      out.touch();
      out.text(s.slice(i + 1, close < 0 ? s.length : close));
      if (close < 0) problems.push('unterminated single quote');
      i = close < 0 ? s.length : close + 1;
    } else if (c === '"') {
      i = lexDoubleQuoted(s, i + 1, env, out, applyExpansion, problems);
    } else if (c === '`') {
      const close = s.indexOf('`', i + 1);
      const end = close < 0 ? s.length : close + 1;
      out.unresolved(s.slice(i, end), 'command-substitution', false);
      i = end;
    } else if (c === '$') {
      const exp = expandDollar(s, i, env);
      if (exp === null) {
        out.text('$');
        i += 1;
      } else {
        applyExpansion(exp, false);
        i = exp.end;
      }
    } else {
      out.text(c);
      i += 1;
    }
  }
  out.finish();
  return { words: out.words, end: i, problems };
}

function lexDoubleQuoted(
  s: string,
  start: number,
  env: ShellEnv,
  out: WordBuilder,
  applyExpansion: (exp: Expansion, quoted: boolean) => void,
  problems: string[],
): number {
  let i = start;
  let onlyAt = true;
  let sawAt = false;
  while (i < s.length && s[i] !== '"') {
    const c = s[i] ?? '';
    if (c === '\\' && /[$`"\\\n]/.test(s[i + 1] ?? '')) {
      if (s[i + 1] !== '\n') out.text(s[i + 1] ?? '');
      onlyAt = false;
      i += 2;
    } else if (c === '$') {
      const exp = expandDollar(s, i, env);
      if (exp === null) {
        out.text('$');
        onlyAt = false;
        i += 1;
      } else {
        if (exp.value.kind === 'words') sawAt = true;
        else onlyAt = false;
        applyExpansion(exp, true);
        i = exp.end;
      }
    } else if (c === '`') {
      const close = s.indexOf('`', i + 1);
      const end = close < 0 ? s.length : close + 1;
      out.unresolved(s.slice(i, end), 'command-substitution', true);
      onlyAt = false;
      i = end;
    } else {
      out.text(c);
      onlyAt = false;
      i += 1;
    }
  }
  if (i >= s.length) problems.push('unterminated double quote');
  // `""` makes an (empty) word; a `"$@"` with no arguments makes none.
  if (!(onlyAt && sawAt)) out.touch();
  return i + 1;
}

/** The word as text, with each unresolved part shown as `{{unresolved:REF}}`. */
export function wordText(word: ShellWord): string {
  return word.segments.map((seg) => (seg.kind === 'text' ? seg.text : `{{unresolved:${seg.ref}}}`)).join('');
}
