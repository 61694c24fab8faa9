/**
 * QEMU size strings, for `-m`.
 *
 * util/cutils.c qemu_strtosz(): a non-negative decimal (a fraction allowed) or hex number,
 * then at most one suffix B/K/M/G/T/P/E, case-insensitive, powers of 1024; anything else is
 * "Parameter 'size' expects a non-negative number below 2^64" (wording verified with Debian
 * QEMU 7.2.22: `-m 3x`). system/vl.c parse_memory_options() then treats a size whose last
 * character is a digit as MiB ("Fix up legacy suffix-less format"), so `-m 3072` is 3 GiB.
 */

const MULTIPLIERS: Readonly<Record<string, number>> = {
  B: 1,
  K: 1024,
  M: 1024 ** 2,
  G: 1024 ** 3,
  T: 1024 ** 4,
  P: 1024 ** 5,
  E: 1024 ** 6,
};

export interface SizeError {
  readonly code: 'BAD_SIZE';
  readonly message: string;
  readonly value: string;
}

export type SizeResult = { readonly ok: true; readonly bytes: number } | { readonly ok: false; readonly error: SizeError };

const SIZE = /^(0[xX][0-9a-fA-F]+|[0-9]+(?:\.[0-9]*)?|\.[0-9]+)([bBkKmMgGtTpPeE]?)$/;

function bad(value: string, key: string): SizeResult {
  return {
    ok: false,
    error: { code: 'BAD_SIZE', value, message: `Parameter '${key}' expects a non-negative number below 2^64` },
  };
}

/** Parses a size with `defaultUnit` bytes per unit when no suffix is given. */
export function parseSize(value: string, defaultUnit = 1, key = 'size'): SizeResult {
  const match = SIZE.exec(value.trim() === value ? value : '');
  if (!match) return bad(value, key);
  const [, digits = '', suffix = ''] = match;
  const number = digits.startsWith('0x') || digits.startsWith('0X') ? Number.parseInt(digits, 16) : Number(digits);
  const unit = suffix === '' ? defaultUnit : (MULTIPLIERS[suffix.toUpperCase()] ?? 0);
  const bytes = number * unit;
  if (!Number.isFinite(bytes) || bytes >= 2 ** 64) return bad(value, key);
  return { ok: true, bytes };
}

/** `-m` semantics: a suffix-less value is MiB. Returns MiB (may be fractional for odd sizes). */
export function parseMemoryMiB(value: string): { ok: true; mib: number } | { ok: false; error: SizeError } {
  const lastIsDigit = /[0-9]$/.test(value);
  const parsed = parseSize(value, lastIsDigit ? 1024 ** 2 : 1);
  if (!parsed.ok) return parsed;
  return { ok: true, mib: parsed.bytes / 1024 ** 2 };
}
