// Small text helpers shared by the row builders and the renderer.

// ANSI colour codes vitest leaves in failure messages.
const ANSI = /\u001b\[[0-9;]*m/g;

/** The first non-empty line, without colour codes, cut to a table cell's width. */
export function firstLine(text: string, max = 200): string {
  const line = text.replace(ANSI, '').split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * One line that says why a test failed. The case suite's failures are formatFailure's text
 * (harness/report/format-failure.ts): a header "N expectation(s) not met", then `expected:` /
 * `actual:` pairs; the first `actual:` says what went wrong, so it is preferred.
 */
export function failureSummary(message: string): string {
  const actual = /^\s*actual:\s*(\S.*)$/m.exec(message.replace(ANSI, ''));
  return actual?.[1] ? firstLine(`actual: ${actual[1]}`) : firstLine(message);
}

/** Numeric-aware version order: 2.8.0 < 2.26.3 < 2.34.8. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((p) => Number.parseInt(p, 10));
  const pb = b.split(/[.+-]/).map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    const d = (Number.isNaN(x) ? 0 : x) - (Number.isNaN(y) ? 0 : y);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}
