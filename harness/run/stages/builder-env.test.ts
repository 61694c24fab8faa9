import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignedNames, builderEnv, extractWithEnv } from './builder-env.ts';

const fixture = (name: string) => readFileSync(new URL(`../../qemu/fixtures/${name}`, import.meta.url), 'utf8');
const RUNNER = fixture('run-nixos-vm.upstream-2024-12.sh');
const CREATE = fixture('create-builder.upstream-2024-12.sh');
const GIVEN = { TMPDIR: '/ws/tmp', USE_TMPDIR: '1' };

describe('builderEnv on the upstream-shaped scripts', () => {
  it('pins what only the environment sets, and leaves what the scripts assign to the recording', () => {
    const env = builderEnv(RUNNER, CREATE, GIVEN);
    expect([...env.pinned].sort()).toEqual(['NIXPKGS_QEMU_KERNEL_nixos', 'QEMU_KERNEL_PARAMS', 'QEMU_NET_OPTS', 'QEMU_OPTS', 'SHARED_DIR']);
    expect([...env.scriptAssigned].sort()).toEqual(['KEYS', 'NIX_DISK_IMAGE']);
    expect(env.vars).toMatchObject({ ...GIVEN, QEMU_OPTS: '', SHARED_DIR: '' });
    // Empty = unset for the scripts' ${X:-default}; the harness's own environment cannot choose them.
    expect(env.processEnv).toMatchObject({ KEYS: '', NIX_DISK_IMAGE: '', QEMU_OPTS: '' });
    expect(env.vars).not.toHaveProperty('KEYS');
  });

  it('leaves only script-made values unresolved in the static argv', () => {
    const r = extractWithEnv(RUNNER, builderEnv(RUNNER, CREATE, GIVEN));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.unresolved.map((u) => u.ref)).toEqual(['$KEYS', '$NIX_DISK_IMAGE', expect.stringMatching(/^\$\(cat /)]);
    expect(r.value.argv).toContain('local,path=/ws/tmp/xchg,security_model=none,mount_tag=shared');
    expect(r.value.argv.at(-1)).toBe('-nographic');
  });

  it("puts the condition's QEMU_OPTS after the script's flags, on both sides", () => {
    const env = builderEnv(RUNNER, CREATE, { ...GIVEN, QEMU_OPTS: '-machine gic-version=max' });
    expect(env.pinned).not.toContain('QEMU_OPTS');
    expect(env.processEnv.QEMU_OPTS).toBe('-machine gic-version=max');
    const r = extractWithEnv(RUNNER, env);
    expect(r.ok && r.value.argv.slice(-3)).toEqual(['-nographic', '-machine', 'gic-version=max']);
  });
});

it('assignedNames finds plain, exported, local and prefix assignments', () => {
  expect([...assignedNames('A=1\nexport B=2\nf() { local C=$1; }\nD="$(x)" cmd\necho $E')].sort()).toEqual(['A', 'B', 'C', 'D']);
});
