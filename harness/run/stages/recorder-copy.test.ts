// The real-nixpkgs path of the dynamic extraction, on the upstream-shaped fixture scripts:
// the copies are pointed at the harness recorder and stubs, never at the store, and the
// copied run-nixos-vm really runs and records what static extraction predicts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compareExtractions, pickQemuSystem, readRecording, RECORDER_SCRIPT } from '../../qemu/index.ts';
import { builderEnv, extractWithEnv } from './builder-env.ts';
import { isRecorder, planRecorderCopy } from './recorder-copy.ts';
import { writeCopyPlan } from './run-builder.ts';

const fixture = (name: string) => readFileSync(new URL(`../../qemu/fixtures/${name}`, import.meta.url), 'utf8');
const RUNNER = fixture('run-nixos-vm.upstream-2024-12.sh');
const CREATE = fixture('create-builder.upstream-2024-12.sh');
const RUNNER_PATH = '/nix/store/jl1hry7366zmqqq7wbm95p3cvx7sw9vw-nixos-vm/bin/run-nixos-vm';
const RECORDER = fileURLToPath(RECORDER_SCRIPT);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const plan = (workspace: string) => planRecorderCopy({ workspace, createBuilder: CREATE, runnerPath: RUNNER_PATH, runnerScript: RUNNER, recorderScript: RECORDER });

describe('planRecorderCopy', () => {
  const p = plan('/ws');
  const text = (path: string) => p.files.find((f) => f.path === path)?.text ?? '';

  it('points the create-builder copy at the run-nixos-vm copy and a nix-store stub', () => {
    expect(p.entry).toBe('/ws/flakecase-bin/create-builder');
    const cb = text(p.entry);
    expect(cb).toMatch(/^KEYS="\$\(\/ws\/flakecase-stubs\/nix-store --add "\$KEYS"\)" \/ws\/flakecase-bin\/run-nixos-vm$/m);
    expect(cb).not.toContain(RUNNER_PATH);
    // ssh-keygen, cmp, coreutils and install-credentials stay as built (sudo is PATH's).
    expect(cb).toContain('/nix/store/0rga3ri1m04cn8wr2lw45gmcc2k79a1r-openssh-9.9p1/bin/ssh-keygen');
    expect(cb).toContain('sudo --reset-timestamp /nix/store/w6458zrajqm3ppgkhkbd6cpzi9i81kpk-install-credentials');
  });

  it('points qemu at the recorder, tar at a no-op and mkfs.* at a stub in the run-nixos-vm copy', () => {
    const runner = text('/ws/flakecase-bin/run-nixos-vm');
    expect(runner).toMatch(/^exec \/ws\/flakecase-recorder\/qemu-system-aarch64 -machine virt,gic-version=2,accel=hvf:tcg -cpu max \\$/m);
    expect(runner).not.toMatch(/\/nix\/store\/[a-z0-9]{32}-(qemu|gnutar|erofs|e2fsprogs)[^/]*\/bin\//);
    expect(p.symlinks).toEqual([
      { path: '/ws/flakecase-recorder/qemu-img', target: RECORDER },
      { path: '/ws/flakecase-recorder/qemu-system-aarch64', target: RECORDER },
    ]);
    expect(p.replaced.map((r) => `${r.script}: ${r.to.replace('/ws/', '')}`)).toEqual(
      expect.arrayContaining(['run-nixos-vm: flakecase-stubs/noop', 'run-nixos-vm: flakecase-stubs/touch-last', 'create-builder: flakecase-bin/run-nixos-vm']),
    );
  });

  it('tells a recorder from a real qemu', () => {
    expect(isRecorder(readFileSync(RECORDER, 'utf8'))).toBe(true);
    expect(isRecorder('\u007fELF\u0002\u0001\u0001 qemu-system-aarch64 binary')).toBe(false);
  });
});

const SHELLS = ['/bin/sh', '/bin/busybox'].filter((s) => existsSync(s));

describe.each(SHELLS)('the copied run-nixos-vm under %s', (shell) => {
  it('records the argv static extraction predicts, with the same environment', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'flakecase-copy-'));
    dirs.push(ws);
    const p = plan(ws);
    await writeCopyPlan(p);
    {
      const env = builderEnv(RUNNER, CREATE, { TMPDIR: join(ws, 'tmp'), USE_TMPDIR: '1', QEMU_OPTS: '-machine gic-version=3' });
      const record = join(ws, 'qemu.jsonl');
      const keys = '/nix/store/00000000000000000000000000000000-keys';
      const argv = shell.endsWith('busybox') ? ['sh', join(ws, 'flakecase-bin/run-nixos-vm')] : [join(ws, 'flakecase-bin/run-nixos-vm')];
      execFileSync('/bin/mkdir', ['-p', join(ws, 'tmp')]);
      execFileSync(shell, argv, { cwd: ws, env: { PATH: '/usr/bin:/bin', ...env.processEnv, KEYS: keys, FLAKECASE_QEMU_RECORD: record }, stdio: 'ignore' });

      const picked = pickQemuSystem(readRecording(readFileSync(record, 'utf8')));
      const extracted = extractWithEnv(RUNNER, env);
      if (!picked.ok || !extracted.ok) throw new Error('extraction failed');
      const comparison = compareExtractions(extracted.value, picked.value, { tempDirs: [ws] });
      expect(comparison.diffs).toEqual([]);
      expect(comparison.equal).toBe(true);
      expect(picked.value.args.slice(-3)).toEqual(['-nographic', '-machine', 'gic-version=3']);
      expect(comparison.wildcards.map((w) => w.refs[0])).toEqual(['$KEYS', '$NIX_DISK_IMAGE', expect.stringMatching(/^\$\(cat /)]);
      // The stubs made the images the script expects, in the workspace.
      expect(existsSync(join(ws, 'tmp/store.img'))).toBe(true);
    }
  });
});
