// Spec problems as data: a stable code, the file, source offsets (turned into line:column when
// printed, as the yaml package does), a message and a hint. All problems are collected.
import { LineCounter } from 'yaml';

export type SpecErrorCode =
  | 'SPEC_UNREADABLE'
  | 'SPEC_YAML_SYNTAX'
  | 'SPEC_UNKNOWN_KEY'
  | 'SPEC_INVALID_TYPE'
  | 'SPEC_INVALID_VALUE'
  | 'SPEC_MISSING_KEY'
  | 'SPEC_BAD_REGEX'
  | 'SPEC_INVALID'
  | 'SPEC_UNKNOWN_CONDITION'
  | 'SPEC_UNKNOWN_TARGET'
  | 'SPEC_DUPLICATE_TARGET'
  | 'SPEC_AMBIGUOUS_TARGET'
  | 'SPEC_CONTRADICTION'
  | 'SPEC_NO_TARGETS'
  | 'SPEC_MISSING_INPUT'
  | 'SPEC_MISSING_FLAKE';

export type SpecWarningCode = 'SPEC_NOTHING_CHECKED' | 'SPEC_NO_SCHEMA_LINE';

export interface LinePos {
  readonly line: number;
  readonly col: number;
}

export interface SpecProblem<C extends string> {
  readonly code: C;
  readonly file: string;
  /** Dotted path in the document, e.g. `conditions.no-hvf.build`. */
  readonly path: string;
  /** Source offsets [start, end) of the node at fault. */
  readonly range: readonly [number, number] | undefined;
  readonly linePos: LinePos | undefined;
  readonly message: string;
  readonly hint: string | undefined;
}

export type SpecError = SpecProblem<SpecErrorCode>;
export type SpecWarning = SpecProblem<SpecWarningCode>;

export function linePosOf(counter: LineCounter, offset: number | undefined): LinePos | undefined {
  if (offset === undefined) return undefined;
  const p = counter.linePos(offset);
  return { line: p.line, col: p.col };
}

/** `cases/x/case.yaml:12:5 SPEC_UNKNOWN_CONDITION conditions.no-hfv: message` then the hint and source line. */
export function formatSpecProblem(p: SpecProblem<string>, source?: string): string {
  const where = p.linePos ? `${p.file}:${p.linePos.line}:${p.linePos.col}` : p.file;
  const lines = [`${where} ${p.code} ${p.path ? `${p.path}: ` : ''}${p.message}`];
  if (source !== undefined && p.linePos) {
    const text = source.split('\n')[p.linePos.line - 1];
    if (text !== undefined) {
      lines.push(`  ${p.linePos.line} | ${text}`);
      lines.push(`  ${' '.repeat(String(p.linePos.line).length)} | ${' '.repeat(Math.max(0, p.linePos.col - 1))}^`);
    }
  }
  if (p.hint) lines.push(`  hint: ${p.hint}`);
  return lines.join('\n');
}
