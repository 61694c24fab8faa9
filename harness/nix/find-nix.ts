// Finds the nix to run (FLAKECASE_NIX, else `nix` on PATH), asks its version once, and works
// out what this machine needs for local builds. I/O edge: the rest receives a NixBinary.
import { access, constants, readFile } from 'node:fs/promises';
import { execNix, makeNixError, type Result } from './exec.ts';
import type { NixError } from './errors.ts';
import type { HostSetup } from './settings.ts';
import { capabilitiesOf, parseNixVersion, type NixCapabilities, type NixVersion } from './version.ts';

export interface NixBinary {
  readonly path: string;
  readonly version: NixVersion;
  readonly caps: NixCapabilities;
}

export async function findNix(env: NodeJS.ProcessEnv = process.env): Promise<Result<NixBinary, NixError>> {
  const path = env.FLAKECASE_NIX && env.FLAKECASE_NIX !== '' ? env.FLAKECASE_NIX : 'nix';
  const r = await execNix(path, ['--version'], { timeoutMs: 30_000 });
  if (!r.ok) {
    if (r.error.failure.kind === 'nix-missing') {
      const searched = env.FLAKECASE_NIX ? `FLAKECASE_NIX=${env.FLAKECASE_NIX}` : `nix on PATH (${env.PATH ?? ''})`;
      return { ok: false, error: makeNixError({ kind: 'nix-missing', searched }, [path, '--version'], undefined, '') };
    }
    return r;
  }
  const version = parseNixVersion(r.value.stdout);
  if (!version) {
    return {
      ok: false,
      error: makeNixError({ kind: 'unknown', summary: `cannot read a version from "${r.value.stdout.trim()}"` }, r.value.argv, 0, r.value.stderr),
    };
  }
  return { ok: true, value: { path, version, caps: capabilitiesOf(version) } };
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function hasNixbldGroup(): Promise<boolean> {
  try {
    return /^nixbld:/m.test(await readFile('/etc/group', 'utf8'));
  } catch {
    return false;
  }
}

// A Mac or NixOS user has a daemon and nixbld users; a bare Debian root has neither, and its
// sandboxed builders would find no /bin/sh without busybox mapped in (nix-here.md).
export async function detectHostSetup(): Promise<HostSetup> {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const buildUsersGroup = root && !(await hasNixbldGroup()) ? '' : undefined;
  const sandboxPaths = (await exists('/bin/busybox')) ? ['/bin/sh=/bin/busybox', '/bin/busybox'] : [];
  return { buildUsersGroup, sandboxPaths };
}
