// Reads what nix printed on stderr and says what kind of failure it was. Pure, and it never
// throws: text it does not recognise becomes `unknown` with the raw summary.
//
// Formats read (fixtures under ./fixtures, captured from real runs):
// - missing builder, Nix 2.8..2.2x, one line:
//     error: a 'aarch64-linux' with features {} is required to build '/nix/store/…drv', but I am a 'aarch64-darwin' with features {…}
// - missing builder, newer Nix, several lines:
//     error: Cannot build '/nix/store/…drv'.
//            Reason: platform mismatch
//            Required system: 'aarch64-linux' …
//            Current system: 'aarch64-darwin' …
// - eval errors: "error: <summary>" then "at <file>:<line>:<col>:"; newer Nix prints a trace of
//   "… while evaluating" frames first and the real error last, so the last "error:" wins.
// - build failures: "builder for '…drv' failed" (older) or "Cannot build '…drv'. Reason: builder failed" (newer).
import type { NixFailure, SourcePosition } from './errors.ts';

const ONE_LINE_MISSING =
  /a '([^']+)' with features \{([^}]*)\} is required to build '([^']+)', but I am a '([^']+)'/;
const CANNOT_BUILD = /Cannot build '([^']+)'/;
const REQUIRED_SYSTEM = /Required system:\s*'([^']+)'(?:\s+with features\s*\{([^}]*)\})?/;
const CURRENT_SYSTEM = /Current system:\s*'([^']+)'/;
const POSITION = /\bat (?:«[^»]*»|(\/[^\s:]+|[^\s:]+\.nix)):(\d+):(\d+)/;
const BUILDER_FAILED = /builder for '([^']+)' failed|Cannot build '([^']+)'[\s\S]*?Reason: builder failed/;
const EVAL_PHRASES =
  /undefined variable|does not provide attribute|attribute '[^']*' missing|syntax error|cannot coerce|assertion .* failed|while evaluating|called with unexpected argument|called without required argument|infinite recursion|value is .* while .* was expected|cannot add|cannot convert|expected a|not a function|evaluation aborted|^error: .*\bthrow|getFlake|flake\.nix|undefined|does not exist in the flake/m;

// ANSI colours appear when nix thinks it is on a terminal; strip them before matching.
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

function splitFeatures(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function missingBuilder(text: string): NixFailure | undefined {
  const one = ONE_LINE_MISSING.exec(text);
  if (one) {
    return {
      kind: 'missing-builder',
      requiredSystem: one[1] ?? '',
      requiredFeatures: splitFeatures(one[2]),
      drvPath: one[3] ?? '',
      hostSystem: one[4] ?? '',
      form: 'one-line',
    };
  }
  const cannot = CANNOT_BUILD.exec(text);
  if (cannot && /Reason:\s*platform mismatch/.test(text)) {
    const req = REQUIRED_SYSTEM.exec(text);
    const cur = CURRENT_SYSTEM.exec(text);
    return {
      kind: 'missing-builder',
      requiredSystem: req?.[1] ?? '',
      requiredFeatures: splitFeatures(req?.[2]),
      drvPath: cannot[1] ?? '',
      hostSystem: cur?.[1] ?? '',
      form: 'multi-line',
    };
  }
  return undefined;
}

/** The position printed right after the last "error:" line, else the last position at all. */
export function findPosition(lines: readonly string[], from: number): SourcePosition | undefined {
  const pick = (line: string): SourcePosition | undefined => {
    const m = POSITION.exec(line);
    if (!m || m[1] === undefined) return undefined;
    return { file: m[1], line: Number(m[2]), column: Number(m[3]) };
  };
  for (let i = from; i < lines.length; i++) {
    const p = pick(lines[i] ?? '');
    if (p) return p;
  }
  for (let i = from - 1; i >= 0; i--) {
    const p = pick(lines[i] ?? '');
    if (p) return p;
  }
  return undefined;
}

function lastErrorLine(lines: readonly string[]): { index: number; summary: string } | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^\s*error:\s*(.*)$/.exec(lines[i] ?? '');
    if (!m) continue;
    let summary = (m[1] ?? '').trim();
    // Newer nix puts the message on the following indented line(s) after a bare "error:".
    if (summary === '') summary = (lines[i + 1] ?? '').trim();
    return { index: i, summary };
  }
  return undefined;
}

export function tail(text: string, lines = 25): string {
  const all = text.replace(/\s+$/, '').split('\n');
  return all.slice(-lines).join('\n');
}

/** `eval`: the command only evaluates, so any failure that is not a build one is an eval error. */
export type CommandContext = 'eval' | 'other';

export function classifyStderr(raw: string, context: CommandContext = 'other'): NixFailure {
  const text = stripAnsi(raw);
  const missing = missingBuilder(text);
  if (missing) return missing;

  const built = BUILDER_FAILED.exec(text);
  if (built) return { kind: 'build-failed', drvPath: built[1] ?? built[2], logTail: tail(text) };

  const lines = text.split('\n');
  const err = lastErrorLine(lines);
  if (!err) return { kind: 'unknown', summary: tail(text, 3) || '(nix printed nothing on stderr)' };
  const position = findPosition(lines, err.index);
  if (position || context === 'eval' || EVAL_PHRASES.test(text)) {
    return { kind: 'eval-error', summary: err.summary, position };
  }
  return { kind: 'unknown', summary: err.summary };
}
