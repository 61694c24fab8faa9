import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQemuCommand } from './extract-static.ts';
import { LAUNCHD_ENV, QEMU_PROGRAM, storyOverrideArgv, TOPLEVEL, upstreamArgv } from './fixtures/upstream-argv.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const KERNEL_PARAMS_REF = `$(cat ${TOPLEVEL}/kernel-params)`;
const MARKER = `{{unresolved:${KERNEL_PARAMS_REF}}}`;

describe('extractQemuCommand on the upstream-shaped run-nixos-vm', () => {
  const script = fixture('run-nixos-vm.upstream-2024-12.sh');

  it('finds the exec, follows continuations and expands the launchd environment', () => {
    const r = extractQemuCommand(script, { vars: LAUNCHD_ENV, args: [] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.program).toBe(QEMU_PROGRAM);
    expect(r.value.line).toBe(74);
    expect(r.value.argv).toEqual(upstreamArgv(MARKER));
    expect(r.value.unresolved).toEqual([{ argIndex: 47, ref: KERNEL_PARAMS_REF, reason: 'command-substitution' }]);
  });

  it('word-splits $QEMU_OPTS and appends "$@" at the end', () => {
    const env = { vars: { ...LAUNCHD_ENV, QEMU_OPTS: '-machine gic-version=3' }, args: ['-smp', '4'] };
    const r = extractQemuCommand(script, env);
    expect(r.ok && r.value.argv.slice(-5)).toEqual(['-nographic', '-machine', 'gic-version=3', '-smp', '4']);
  });

  it('keeps variables it was not given as unresolved markers', () => {
    const { KEYS: _keys, ...withoutKeys } = LAUNCHD_ENV;
    const r = extractQemuCommand(script, { vars: withoutKeys, args: [] });
    expect(r.ok && r.value.argv[19]).toBe('local,path={{unresolved:$KEYS}},security_model=mapped-xattr,mount_tag=keys');
    expect(r.ok && r.value.unresolved.map((u) => u.ref)).toEqual(['$KEYS', KERNEL_PARAMS_REF]);
  });

  it('uses ${SHARED_DIR:-...} when SHARED_DIR is set', () => {
    const r = extractQemuCommand(script, { vars: { ...LAUNCHD_ENV, SHARED_DIR: '/srv/shared dir' }, args: [] });
    expect(r.ok && r.value.argv[21]).toBe('local,path=/srv/shared dir,security_model=none,mount_tag=shared');
  });
});

describe('extractQemuCommand on the story override', () => {
  it('sees the line without accel= and with the build-time core count', () => {
    const r = extractQemuCommand(fixture('run-nixos-vm.story-override.sh'), { vars: LAUNCHD_ENV, args: [] });
    expect(r.ok && r.value.argv).toEqual(storyOverrideArgv(MARKER, 2));
  });
});

describe('extractQemuCommand failures', () => {
  it('says so when there is no qemu exec', () => {
    const r = extractQemuCommand('#!/bin/sh\nexec /bin/true\n', { vars: {}, args: [] });
    expect(r).toEqual({ ok: false, error: { code: 'NO_QEMU_EXEC', message: expect.stringContaining('qemu-system') } });
  });

  it('refuses a program path that depends on the environment', () => {
    const r = extractQemuCommand('exec $QEMU/bin/qemu-system-aarch64 -S\n', { vars: {}, args: [] });
    expect(r.ok ? null : r.error.code).toBe('UNRESOLVED_PROGRAM');
    const r2 = extractQemuCommand('exec ${Q:-/q}/bin/qemu-system-aarch64 -S\n', { vars: {}, args: [] });
    expect(r2.ok ? null : r2.error.code).toBe('UNRESOLVED_PROGRAM');
  });
});
