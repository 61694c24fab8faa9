import { describe, expect, it } from 'vitest';
import { lexCommand, wordText, type ShellEnv } from './shell-words.ts';

const words = (s: string, vars: ShellEnv['vars'] = {}, args: string[] = []) =>
  lexCommand(s, 0, { vars, args }).words.map(wordText);

describe('lexCommand quoting', () => {
  it('joins backslash-newline continuations, even with no space before the backslash', () => {
    expect(words('a b=1\\\n    c \\\n  d')).toEqual(['a', 'b=1', 'c', 'd']);
  });

  it('keeps single quotes literal and handles backslashes in double quotes', () => {
    expect(words(`'$X "y"' "a \\$X \\" \\q" \\$Y`)).toEqual(['$X "y"', 'a $X " \\q', '$Y']);
  });

  it('makes an empty word from "" but none from "$@" without arguments', () => {
    expect(words('a "" b "$@" c')).toEqual(['a', '', 'b', 'c']);
  });

  it('splits "$@" into one word per argument and keeps their spaces', () => {
    expect(words('x "$@" y', {}, ['-machine', 'gic-version=3', 'a b'])).toEqual(['x', '-machine', 'gic-version=3', 'a b', 'y']);
  });

  it('stops at an unquoted newline or ; and skips comments', () => {
    const r = lexCommand('a b # c d\nnext', 0, { vars: {}, args: [] });
    expect(r.words.map(wordText)).toEqual(['a', 'b']);
    expect(r.end).toBe('a b # c d\n'.length);
    expect(words('a;b')).toEqual(['a']);
  });
});

describe('lexCommand expansions', () => {
  const vars = { TMPDIR: '/run/x', EMPTY: '', UNSET: null, QEMU_OPTS: '-machine  gic-version=3 ' };

  it('word-splits unquoted expansions and keeps quoted ones whole', () => {
    expect(words('a $QEMU_OPTS b', vars)).toEqual(['a', '-machine', 'gic-version=3', 'b']);
    expect(words('a "$QEMU_OPTS" b', vars)).toEqual(['a', '-machine  gic-version=3 ', 'b']);
    expect(words('a $EMPTY $UNSET b', vars)).toEqual(['a', 'b']);
  });

  it('glues expansions to neighbouring text', () => {
    expect(words('path="$TMPDIR"/certs,x=1', vars)).toEqual(['path=/run/x/certs,x=1']);
  });

  it('applies ${VAR:-default} with nested references, and ${VAR:+alt}', () => {
    expect(words('"${UNSET:-$TMPDIR/xchg}" ${TMPDIR:-no} ${EMPTY:-e} ${EMPTY-e} x${TMPDIR:+:}y', vars)).toEqual([
      '/run/x/xchg',
      '/run/x',
      'e',
      '',
      'x:y',
    ].filter((w) => w !== ''));
  });

  it('keeps unknown variables and command substitutions as typed unresolved segments', () => {
    const r = lexCommand('-a "$(cat /k) init=1" -b "$KEYS" `date` ${#X}', 0, { vars: {}, args: [] });
    expect(r.words.map(wordText)).toEqual([
      '-a',
      '{{unresolved:$(cat /k)}} init=1',
      '-b',
      '{{unresolved:$KEYS}}',
      '{{unresolved:`date`}}',
      '{{unresolved:${#X}}}',
    ]);
    expect(r.words[1]?.segments[0]).toEqual({ kind: 'unresolved', ref: '$(cat /k)', reason: 'command-substitution', quoted: true });
    expect(r.words[3]?.segments[0]).toMatchObject({ reason: 'unknown-variable' });
    expect(r.words[5]?.segments[0]).toMatchObject({ reason: 'unsupported-expansion' });
  });

  it('treats ${UNKNOWN:-default} as unresolved, since the default may not apply', () => {
    expect(words('${NIXPKGS_QEMU_KERNEL_nixos:-/k}')).toEqual(['{{unresolved:${NIXPKGS_QEMU_KERNEL_nixos:-/k}}}']);
    expect(words('${NIXPKGS_QEMU_KERNEL_nixos:-/k}', { NIXPKGS_QEMU_KERNEL_nixos: null })).toEqual(['/k']);
  });

  it('reports redirections and unterminated quotes as problems instead of throwing', () => {
    expect(lexCommand('a > b', 0, { vars: {}, args: [] }).problems).toHaveLength(1);
    expect(lexCommand('a "b', 0, { vars: {}, args: [] }).problems).toEqual(['unterminated double quote']);
  });
});
