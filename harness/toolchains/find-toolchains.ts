// I/O edge: the machine's own nix/qemu plus whatever scripts/fetch-toolchains left in its
// manifest. A missing manifest is not an error (fetching is optional); a manifest that
// names wrappers which are gone is, because a run would silently lose versions.
import { access, constants, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { parseManifest } from './parse-manifest.ts';
import { nixVersionOf, qemuVersionOf } from './parse-version-output.ts';
import { FETCH_HINT, type NixTool, type QemuTool, type Result, type Toolchain } from './toolchain.ts';

export interface SystemTools {
  readonly nix?: string;
  readonly qemu?: string;
  /** Name for the system toolchain; default: VERSION_CODENAME from /etc/os-release, else "system". */
  readonly suite?: string;
}

export interface FindToolchainsOptions {
  /** Default: $FLAKECASE_TOOLCHAINS_DIR, else <repo>/node_modules/.cache/flakecase/toolchains. */
  readonly toolchainsDir?: string;
  /** The machine's own binaries; `false` leaves them out. Default: /usr/bin/nix, /usr/bin/qemu-system-aarch64. */
  readonly system?: SystemTools | false;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function defaultToolchainsDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.FLAKECASE_TOOLCHAINS_DIR;
  return fromEnv && fromEnv !== '' ? fromEnv : join(REPO_ROOT, 'node_modules/.cache/flakecase/toolchains');
}

export async function findToolchains(options: FindToolchainsOptions = {}): Promise<Result<Toolchain[]>> {
  const dir = options.toolchainsDir ?? defaultToolchainsDir();
  const fetched = await readManifest(join(dir, 'manifest.json'));
  if (!fetched.ok) return fetched;
  const system = options.system === false ? undefined : await systemToolchain(options.system ?? {});
  return { ok: true, value: system ? [system, ...fetched.value] : fetched.value };
}

async function readManifest(file: string): Promise<Result<Toolchain[]>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, value: [] };
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'TOOLCHAIN_MANIFEST_UNREADABLE', message: `${file}: ${reason}`, problems: [reason], hint: FETCH_HINT } };
  }
  const parsed = parseManifest(text, file);
  if (!parsed.ok) return parsed;
  const missing: string[] = [];
  for (const t of parsed.value) {
    for (const tool of [t.nix, t.qemu]) {
      if (tool && !(await isExecutable(tool.path))) missing.push(`${t.suite}: ${tool.path} is missing or not executable`);
    }
  }
  if (missing.length > 0) {
    return {
      ok: false,
      error: { code: 'TOOLCHAIN_MANIFEST_STALE', message: `${file} lists toolchains that are gone: ${missing.join('; ')}`, problems: missing, hint: FETCH_HINT },
    };
  }
  return parsed;
}

async function systemToolchain(tools: SystemTools): Promise<Toolchain | undefined> {
  const [nix, qemu, suite] = await Promise.all([
    probe(tools.nix ?? '/usr/bin/nix', nixVersionOf),
    probe(tools.qemu ?? '/usr/bin/qemu-system-aarch64', qemuVersionOf),
    tools.suite ?? hostCodename(),
  ]);
  if (!nix && !qemu) return undefined;
  const nixTool: NixTool | undefined = nix;
  const qemuTool: QemuTool | undefined = qemu ? { ...qemu, extraArgs: [] } : undefined;
  return { suite, origin: 'system', ...(nixTool ? { nix: nixTool } : {}), ...(qemuTool ? { qemu: qemuTool } : {}) };
}

// A binary that is absent, fails, or prints no version is simply not part of the toolchain.
async function probe(path: string, versionOf: (stdout: string) => string | undefined): Promise<{ path: string; version: string } | undefined> {
  if (!(await isExecutable(path))) return undefined;
  const r = await execa(path, ['--version'], { reject: false, timeout: 15_000, stdin: 'ignore' });
  const version = r.exitCode === 0 ? versionOf(String(r.stdout)) : undefined;
  return version ? { path, version } : undefined;
}

async function hostCodename(): Promise<string> {
  try {
    const text = await readFile('/etc/os-release', 'utf8');
    return /^VERSION_CODENAME="?([^"\n]+)"?$/m.exec(text)?.[1] ?? 'system';
  } catch {
    return 'system';
  }
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
