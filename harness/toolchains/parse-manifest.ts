// Parses toolchains/manifest.json as scripts/fetch-toolchains writes it:
//   { "version": 1, "toolchains": [ { "suite": "sid",
//       "nix":  { "path": "…/sid/bin/nix", "version": "2.34.8", "debianVersion": "…" },
//       "qemu": { "path": "…/sid/bin/qemu-system-aarch64", "version": "11.1.3",
//                 "debianVersion": "…", "extraArgs": ["-L", "…/usr/share/qemu"] } } ] }
// Pure: collects every problem with its JSON path instead of stopping at the first.
import { FETCH_HINT, type NixTool, type QemuTool, type Result, type Toolchain } from './toolchain.ts';

const SUPPORTED_MANIFEST_VERSION = 1;

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmptyString(v: Json): v is string {
  return typeof v === 'string' && v !== '';
}

function parseNix(v: Json, at: string, problems: string[]): NixTool | undefined {
  if (!isObject(v)) {
    problems.push(`${at}: expected an object`);
    return undefined;
  }
  const before = problems.length;
  if (!nonEmptyString(v.path)) problems.push(`${at}.path: expected a non-empty string`);
  if (!nonEmptyString(v.version)) problems.push(`${at}.version: expected a non-empty string`);
  if (problems.length > before) return undefined;
  return { path: v.path as string, version: v.version as string };
}

function parseQemu(v: Json, at: string, problems: string[]): QemuTool | undefined {
  if (!isObject(v)) {
    problems.push(`${at}: expected an object`);
    return undefined;
  }
  const before = problems.length;
  if (!nonEmptyString(v.path)) problems.push(`${at}.path: expected a non-empty string`);
  if (!nonEmptyString(v.version)) problems.push(`${at}.version: expected a non-empty string`);
  const extra = v.extraArgs ?? [];
  if (!Array.isArray(extra) || !extra.every((a) => typeof a === 'string')) {
    problems.push(`${at}.extraArgs: expected an array of strings`);
  }
  if (problems.length > before) return undefined;
  return { path: v.path as string, version: v.version as string, extraArgs: extra as string[] };
}

export function parseManifest(text: string, file: string): Result<Toolchain[]> {
  let data: Json;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { code: 'TOOLCHAIN_MANIFEST_INVALID', message: `${file}: not JSON (${reason})`, problems: [reason], hint: FETCH_HINT },
    };
  }
  const problems: string[] = [];
  const toolchains: Toolchain[] = [];
  if (!isObject(data)) {
    problems.push('(root): expected an object');
  } else {
    if (data.version !== SUPPORTED_MANIFEST_VERSION) {
      problems.push(`version: expected ${SUPPORTED_MANIFEST_VERSION}, got ${JSON.stringify(data.version)}`);
    }
    if (!Array.isArray(data.toolchains)) {
      problems.push('toolchains: expected an array');
    } else {
      const seen = new Set<string>();
      data.toolchains.forEach((entry: Json, i: number) => {
        const at = `toolchains[${i}]`;
        if (!isObject(entry)) {
          problems.push(`${at}: expected an object`);
          return;
        }
        const before = problems.length;
        if (!nonEmptyString(entry.suite)) problems.push(`${at}.suite: expected a non-empty string`);
        else if (seen.has(entry.suite)) problems.push(`${at}.suite: "${entry.suite}" is listed twice`);
        const nix = entry.nix === undefined ? undefined : parseNix(entry.nix, `${at}.nix`, problems);
        const qemu = entry.qemu === undefined ? undefined : parseQemu(entry.qemu, `${at}.qemu`, problems);
        if (entry.nix === undefined && entry.qemu === undefined) problems.push(`${at}: has neither nix nor qemu`);
        if (problems.length > before) return;
        const suite = entry.suite as string;
        seen.add(suite);
        toolchains.push({ suite, origin: 'fetched', ...(nix ? { nix } : {}), ...(qemu ? { qemu } : {}) });
      });
    }
  }
  if (problems.length > 0) {
    return {
      ok: false,
      error: {
        code: 'TOOLCHAIN_MANIFEST_INVALID',
        message: `${file}: ${problems.length} problem(s): ${problems.join('; ')}`,
        problems,
        hint: FETCH_HINT,
      },
    };
  }
  return { ok: true, value: toolchains };
}
