/**
 * Splits one option argument such as `virt,gic-version=2,accel=hvf:tcg` into key/value pairs,
 * the two ways QEMU does it. Both treat `,,` as a literal comma and let the first pair omit its
 * key (the list's implied key); they differ on bare words after the first.
 *
 * - QemuOpts, util/qemu-option.c get_opt_name_value()/opts_do_parse()/opts_parse_id()
 *   (qemu/qemu commit 0849cb547844b7205af01455b82dc54956c978a9): a bare `foo` is foo=on,
 *   `nofoo` is foo=off (warns "short-form boolean option ... deprecated"); `id=` is taken out
 *   of the pairs (the first one wins); keys are not unescaped.
 * - keyval, util/keyval.c keyval_parse_one() (commit 43771d5d92312504305c19abe29ec5bfabd55f01):
 *   a bare word after the first is an error "Expected '=' after parameter 'x'"; keys must be
 *   QAPI names ("Invalid parameter 'x'"); `id` is an ordinary key.
 */

export interface OptPair {
  readonly key: string;
  readonly value: string;
  /** The key was not written: it is the option's implied key. */
  readonly implied: boolean;
  /** Written as the deprecated short form `foo` / `nofoo` (QemuOpts only). */
  readonly shortForm: boolean;
}

export interface SplitOptions {
  readonly pairs: readonly OptPair[];
  /** QemuOpts `id=` (removed from pairs); keyval keeps `id` as a pair and leaves this null. */
  readonly id: string | null;
}

export interface OptionStringError {
  readonly code: 'BAD_OPTION_STRING';
  /** QEMU's own wording where it has one. */
  readonly message: string;
  /** Offset in the option string where the problem starts. */
  readonly offset: number;
}

export type SplitResult =
  | { readonly ok: true; readonly value: SplitOptions }
  | { readonly ok: false; readonly error: OptionStringError };

/** Reads a value up to a single comma; `,,` stands for one comma. Returns the value and the stop offset. */
function readValue(s: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === ',') {
      if (s[i + 1] === ',') {
        value += ',';
        i += 2;
        continue;
      }
      break;
    }
    value += c;
    i += 1;
  }
  return { value, end: i };
}

/** Index of the first `=` or `,` at or after start (C strcspn(p, "=,")), or the string length. */
function nameEnd(s: string, start: number): number {
  let i = start;
  while (i < s.length && s[i] !== '=' && s[i] !== ',') i += 1;
  return i;
}

/** QemuOpts parsing of `params`; `impliedKey` null when vl.c passes permit_abbrev=false. */
export function splitQemuOpts(params: string, impliedKey: string | null): SplitResult {
  const pairs: OptPair[] = [];
  let id: string | null = null;
  let firstName = impliedKey;
  let p = 0;
  while (p < params.length) {
    const len = nameEnd(params, p);
    let key: string;
    let value: string;
    let implied = false;
    let shortForm = false;
    if (params[len] !== '=') {
      if (firstName !== null) {
        key = firstName;
        implied = true;
        const read = readValue(params, p);
        value = read.value;
        p = read.end;
      } else {
        // A flag: the name is taken verbatim up to the delimiter, `no` prefix means off.
        const name = params.slice(p, len);
        shortForm = true;
        if (name.startsWith('no')) {
          key = name.slice(2);
          value = 'off';
        } else {
          key = name;
          value = 'on';
        }
        p = len;
      }
    } else {
      key = params.slice(p, len);
      const read = readValue(params, len + 1);
      value = read.value;
      p = read.end;
    }
    if (params[p] === ',') p += 1;
    firstName = null;
    if (key === 'id') {
      id ??= value;
      continue;
    }
    pairs.push({ key, value, implied, shortForm });
  }
  return { ok: true, value: { pairs, id } };
}

// qapi/qapi-util.c parse_qapi_name(name, complete=false): a letter, then letters, digits, '-', '_'.
const QAPI_NAME = /^(__[A-Za-z0-9.-]+_)?[A-Za-z][A-Za-z0-9_-]*$/;
const INDEX = /^[0-9]+$/;

function validKey(key: string): boolean {
  const fragments = key.split('.');
  return fragments.every((f, i) => (i > 0 && INDEX.test(f)) || QAPI_NAME.test(f)) && key.length > 0;
}

/** keyval parsing of `params` with `impliedKey` for the first pair (util/keyval.c). */
export function splitKeyval(params: string, impliedKey: string | null): SplitResult {
  const pairs: OptPair[] = [];
  let implied = impliedKey;
  let p = 0;
  while (p < params.length) {
    const len = nameEnd(params, p);
    let key: string;
    let valueStart: number;
    let isImplied = false;
    if (implied !== null && len > p && params[len] !== '=') {
      key = implied;
      valueStart = p;
      isImplied = true;
    } else {
      key = params.slice(p, len);
      if (!validKey(key) || key.length > 127) {
        return { ok: false, error: { code: 'BAD_OPTION_STRING', message: `Invalid parameter '${key}'`, offset: p } };
      }
      if (params[len] !== '=') {
        return {
          ok: false,
          error: { code: 'BAD_OPTION_STRING', message: `Expected '=' after parameter '${key}'`, offset: p },
        };
      }
      valueStart = len + 1;
    }
    const read = readValue(params, valueStart);
    p = read.end;
    if (params[p] === ',') p += 1;
    implied = null;
    pairs.push({ key, value: read.value, implied: isImplied, shortForm: false });
  }
  return { ok: true, value: { pairs, id: null } };
}

/** Last value of `key` in pairs, as QemuOpts qemu_opt_get() and keyval replacement both resolve repeats. */
export function lastValue(pairs: readonly OptPair[], key: string): string | undefined {
  for (let i = pairs.length - 1; i >= 0; i -= 1) {
    const pair = pairs[i];
    if (pair !== undefined && pair.key === key) return pair.value;
  }
  return undefined;
}
