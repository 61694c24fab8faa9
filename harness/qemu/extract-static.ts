/**
 * Static extraction: the qemu-system command a nixpkgs run-nixos-vm script execs, read from the
 * script text without running it.
 *
 * Shape read from upstream (NixOS/nixpkgs nixos/modules/virtualisation/qemu-vm.nix, startVM;
 * nixos/lib/qemu-common.nix qemuBinary): `exec <qemu>/bin/qemu-system-aarch64 -machine ... \`
 * then one option group per line joined by ` \` + newline (drives by `\` + newline with no
 * space), ending in `$QEMU_OPTS \` and `"$@"`. Values such as "$TMPDIR", "$KEYS",
 * "${SHARED_DIR:-$TMPDIR/xchg}" and "$(cat .../kernel-params)" come from the environment the
 * script runs in, which is an input here (ShellEnv); what is not given stays a typed
 * unresolved segment.
 */
import { lexCommand, wordText, type Segment, type ShellEnv, type ShellWord, type UnresolvedReason } from './shell-words.ts';

export interface UnresolvedArg {
  /** Index into `args`. */
  readonly argIndex: number;
  readonly ref: string;
  readonly reason: UnresolvedReason;
}

export interface StaticExtraction {
  /** The qemu program path as written after `exec`. */
  readonly program: string;
  /** Arguments after the program, each word's text with `{{unresolved:REF}}` markers. */
  readonly argv: readonly string[];
  /** The same arguments as segments, for wildcard comparison with a recording. */
  readonly words: readonly ShellWord[];
  readonly unresolved: readonly UnresolvedArg[];
  /** 1-based line of the `exec`. */
  readonly line: number;
  readonly problems: readonly string[];
}

export type ExtractError =
  | { readonly code: 'NO_QEMU_EXEC'; readonly message: string }
  | { readonly code: 'UNRESOLVED_PROGRAM'; readonly message: string };

export type ExtractResult = { readonly ok: true; readonly value: StaticExtraction } | { readonly ok: false; readonly error: ExtractError };

const EXEC = /^[ \t]*exec[ \t]+/gm;
const QEMU_PROGRAM = /\/bin\/qemu-system-[A-Za-z0-9_]+$/;

export interface ExtractOptions {
  /** Which program counts as qemu; default: a path ending in /bin/qemu-system-<arch>. */
  readonly program?: RegExp;
}

export function extractQemuCommand(script: string, env: ShellEnv, options: ExtractOptions = {}): ExtractResult {
  const programPattern = options.program ?? QEMU_PROGRAM;
  for (const match of script.matchAll(EXEC)) {
    const start = (match.index ?? 0) + match[0].length;
    const lexed = lexCommand(script, start, env);
    const [first, ...rest] = lexed.words;
    if (first === undefined) continue;
    const program = wordText(first);
    if (!programPattern.test(program)) continue;
    if (first.segments.some((seg) => seg.kind === 'unresolved')) {
      return { ok: false, error: { code: 'UNRESOLVED_PROGRAM', message: `the exec'd program is not static: ${program}` } };
    }
    const unresolved = rest.flatMap((word, argIndex) =>
      word.segments
        .filter((seg): seg is Extract<Segment, { kind: 'unresolved' }> => seg.kind === 'unresolved')
        .map((seg) => ({ argIndex, ref: seg.ref, reason: seg.reason })),
    );
    const line = script.slice(0, match.index ?? 0).split('\n').length;
    return {
      ok: true,
      value: { program, argv: rest.map(wordText), words: rest, unresolved, line, problems: lexed.problems },
    };
  }
  return {
    ok: false,
    error: { code: 'NO_QEMU_EXEC', message: 'no `exec .../bin/qemu-system-*` command found in the script' },
  };
}
