import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultToolchainsDir, findToolchains } from './find-toolchains.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flakecase-toolchains-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fakeBinary(name: string, stdout: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\nprintf '%s\\n' '${stdout}'\n`);
  await chmod(path, 0o755);
  return path;
}

async function writeManifest(toolchains: unknown[]): Promise<void> {
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version: 1, toolchains }));
}

describe('findToolchains (fake binaries)', () => {
  it('puts the system toolchain first, then the fetched ones in manifest order', async () => {
    const sysNix = await fakeBinary('sys-nix', 'nix (Nix) 2.8.0');
    const sidNix = await fakeBinary('sid-nix', 'nix (Nix) 2.34.8');
    const sidQemu = await fakeBinary('sid-qemu', 'QEMU emulator version 11.1.3 (Debian 1:11.1.3+ds-1)');
    await writeManifest([
      { suite: 'sid', nix: { path: sidNix, version: '2.34.8' }, qemu: { path: sidQemu, version: '11.1.3', extraArgs: ['-L', '/p'] } },
    ]);
    const r = await findToolchains({ toolchainsDir: dir, system: { nix: sysNix, qemu: join(dir, 'absent'), suite: 'bookworm' } });
    expect(r).toEqual({
      ok: true,
      value: [
        { suite: 'bookworm', origin: 'system', nix: { path: sysNix, version: '2.8.0' } },
        { suite: 'sid', origin: 'fetched', nix: { path: sidNix, version: '2.34.8' }, qemu: { path: sidQemu, version: '11.1.3', extraArgs: ['-L', '/p'] } },
      ],
    });
  });

  it('leaves out a system binary that prints no version, and a system toolchain with no binary at all', async () => {
    const broken = await fakeBinary('broken', 'something else');
    const r = await findToolchains({ toolchainsDir: dir, system: { nix: broken, qemu: join(dir, 'absent'), suite: 'x' } });
    expect(r).toEqual({ ok: true, value: [] });
  });

  it('treats a missing manifest as "nothing fetched"', async () => {
    expect(await findToolchains({ toolchainsDir: join(dir, 'never-fetched'), system: false })).toEqual({ ok: true, value: [] });
  });

  it('reports a manifest whose wrappers are gone as stale, naming each one', async () => {
    const gone = join(dir, 'trixie/bin/nix');
    await writeManifest([{ suite: 'trixie', nix: { path: gone, version: '2.26.3' } }]);
    const r = await findToolchains({ toolchainsDir: dir, system: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('TOOLCHAIN_MANIFEST_STALE');
    expect(r.error.problems).toEqual([`trixie: ${gone} is missing or not executable`]);
  });

  it('reports an unreadable manifest (a directory) as UNREADABLE', async () => {
    await mkdir(join(dir, 'manifest.json'));
    const r = await findToolchains({ toolchainsDir: dir, system: false });
    expect(r.ok ? undefined : r.error.code).toBe('TOOLCHAIN_MANIFEST_UNREADABLE');
  });
});

// The real wrappers, when scripts/fetch-toolchains has run on this machine.
const realDir = defaultToolchainsDir();
const present = existsSync(join(realDir, 'manifest.json'));
if (!present) console.info(`[toolchains] real-wrapper test skipped: no ${realDir}/manifest.json (run scripts/fetch-toolchains)`);

describe.skipIf(!present)('findToolchains (real wrappers from scripts/fetch-toolchains)', () => {
  it('finds fetched toolchains whose wrappers print the versions the manifest records', async () => {
    const r = await findToolchains({ system: false });
    if (!r.ok) throw new Error(`${r.error.message}\nhint: ${r.error.hint}`);
    expect(r.value.length).toBeGreaterThan(0);
    for (const t of r.value) {
      if (t.nix) {
        const out = await execa(t.nix.path, ['--version']);
        expect(out.stdout, `${t.suite} nix`).toBe(`nix (Nix) ${t.nix.version}`);
      }
      if (t.qemu) {
        const out = await execa(t.qemu.path, ['--version']);
        expect(out.stdout.split('\n')[0], `${t.suite} qemu`).toMatch(new RegExp(`^QEMU emulator version ${t.qemu.version.replaceAll('.', '\\.')} `));
        // Beyond --version: the board list needs the binary's own modules and data dir.
        const machines = await execa(t.qemu.path, ['-machine', 'help']);
        expect(machines.stdout, `${t.suite} qemu -machine help`).toMatch(/^virt\s/m);
        expect(t.qemu.extraArgs[0]).toBe('-L');
        expect(existsSync(t.qemu.extraArgs[1] ?? ''), `${t.suite} qemu data dir`).toBe(true);
      }
    }
  });

  it('runs the fetched nix for real: an evaluation through the wrapper (loader, libraries, build-hook)', async () => {
    const r = await findToolchains({ system: false });
    if (!r.ok) throw new Error(r.error.message);
    const withNix = r.value.filter((t) => t.nix);
    for (const t of withNix) {
      const store = await mkdtemp(join(tmpdir(), `flakecase-tc-store-${t.suite}-`));
      try {
        const out = await execa(t.nix!.path, [
          '--extra-experimental-features', 'nix-command',
          '--option', 'build-users-group', '',
          '--option', 'substituters', '',
          '--store', store,
          'eval', '--expr', 'builtins.nixVersion',
        ]);
        expect(out.stdout, t.suite).toBe(JSON.stringify(t.nix!.version));
      } finally {
        await rm(store, { recursive: true, force: true });
      }
    }
  });
});

// The machine's own nix/qemu (Debian 12 here: 2.8.0 and 7.2.x), named after the host codename.
const systemNix = existsSync('/usr/bin/nix');
if (!systemNix) console.info('[toolchains] system-toolchain test skipped: no /usr/bin/nix on this machine');

describe.skipIf(!systemNix)('findToolchains (this machine)', () => {
  it('lists /usr/bin/nix first as the system toolchain, with the version it prints', async () => {
    const r = await findToolchains({ toolchainsDir: dir });
    if (!r.ok) throw new Error(r.error.message);
    const [first] = r.value;
    const printed = (await execa('/usr/bin/nix', ['--version'])).stdout;
    expect(first?.origin).toBe('system');
    expect(first?.nix?.path).toBe('/usr/bin/nix');
    expect(printed).toContain(first?.nix?.version ?? '(none)');
    expect(first?.suite).toMatch(/^[a-z]+$/);
  });
});
