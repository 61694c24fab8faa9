// Nix version ranges for expectations that differ on purpose between releases, e.g. the
// missing-builder wording: '<2.34' and '>=2.34'. Space-separated comparators, all must hold.

export interface Comparator {
  readonly op: '<' | '<=' | '>' | '>=' | '=';
  readonly version: readonly [number, number, number];
}

export function parseRange(text: string): Comparator[] | undefined {
  const parts = text.trim().split(/\s+/);
  const out: Comparator[] = [];
  for (const p of parts) {
    const m = /^(<=|>=|<|>|=)?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(p);
    if (!m) return undefined;
    out.push({ op: (m[1] ?? '=') as Comparator['op'], version: [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)] });
  }
  return out.length > 0 ? out : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function inRange(version: readonly [number, number, number], range: readonly Comparator[]): boolean {
  return range.every(({ op, version: v }) => {
    const c = compare(version, v);
    switch (op) {
      case '<':
        return c < 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '>=':
        return c >= 0;
      case '=':
        return c === 0;
      default: {
        const never: never = op;
        return never;
      }
    }
  });
}

/** The value whose range holds for this version: a plain value applies to every version. */
export function pickForVersion<T>(value: T | Readonly<Record<string, T>>, version: readonly [number, number, number], isPlain: (v: unknown) => v is T): { ok: true; value: T } | { ok: false; ranges: string[] } {
  if (isPlain(value)) return { ok: true, value };
  const map = value as Readonly<Record<string, T>>;
  for (const [range, v] of Object.entries(map)) {
    const r = parseRange(range);
    if (r && inRange(version, r)) return { ok: true, value: v };
  }
  return { ok: false, ranges: Object.keys(map) };
}
