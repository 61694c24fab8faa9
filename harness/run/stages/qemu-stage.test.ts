// The qemu stage end to end without nix: a chroot-shaped store holding the upstream-shaped
// fixture scripts, and a stand-in `nix` (through the real NixAdapter and execNix) that does
// what `nix shell <builder> -c create-builder` ends with: it runs run-nixos-vm, with tools
// pointed at the recorder (there is no store namespace here), KEYS set as create-builder
// sets it. What it does is switched per test through a file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CONDITIONS, declareCondition, type Condition } from '../../conditions/index.ts';
import { createNixAdapter } from '../../nix/index.ts';
import { RECORDER_SCRIPT } from '../../qemu/index.ts';
import type { TargetResult } from '../../result/index.ts';
import type { CaseCondition, QemuExpectationSpec } from '../../spec/index.ts';
import { runQemuStage, type QemuStageRun } from './qemu-stage.ts';
import { planRecorderCopy } from './recorder-copy.ts';
import { writeCopyPlan } from './run-builder.ts';

const fixture = (name: string) => readFileSync(new URL(`../../qemu/fixtures/${name}`, import.meta.url), 'utf8');
const RUNNER = fixture('run-nixos-vm.upstream-2024-12.sh');
const CREATE = fixture('create-builder.upstream-2024-12.sh');
const BUILDER_OUT = '/nix/store/vv18fjcs3rhh4aays28nvda5anmrgqhh-create-builder';
const RUNNER_PATH = '/nix/store/jl1hry7366zmqqq7wbm95p3cvx7sw9vw-nixos-vm/bin/run-nixos-vm';
const RUNNER_TARGET = '/nix/store/ajf6ypmhchracn5i5xq2xkksw6blvl7r-run-nixos-vm';
const QEMU = '/nix/store/rvy259gra600d5m3w1ifw6cqpfwl9ccw-qemu-host-cpu-only-9.1.2/bin/qemu-system-aarch64';
const RECORDER = fileURLToPath(RECORDER_SCRIPT);

const root = mkdtempSync(join(tmpdir(), 'flakecase-stage-'));
const store = join(root, 'store');
const fakeNix = join(root, 'nix');
const behaviour = (b: 'run' | 'extra-args' | 'fail' | 'hang') => writeFileSync(join(root, 'behaviour'), b);
const qemuIs = (kind: 'recorder' | 'real') => writeFileSync(join(store, QEMU), kind === 'recorder' ? readFileSync(RECORDER) : '\u007fELF qemu-system-aarch64 9.1.2');
let tasks = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  mkdirSync(join(store, BUILDER_OUT, 'bin'), { recursive: true });
  writeFileSync(join(store, BUILDER_OUT, 'bin/create-builder'), CREATE, { mode: 0o755 });
  mkdirSync(join(store, RUNNER_PATH, '..'), { recursive: true });
  writeFileSync(join(store, RUNNER_TARGET), RUNNER, { mode: 0o755 });
  symlinkSync(RUNNER_TARGET, join(store, RUNNER_PATH)); // absolute, as nix makes it
  mkdirSync(join(store, QEMU, '..'), { recursive: true });
  // What the store's scripts would do inside the namespace, as copies runnable here.
  await writeCopyPlan(planRecorderCopy({ workspace: join(root, 'ns'), createBuilder: CREATE, runnerPath: RUNNER_PATH, runnerScript: RUNNER, recorderScript: RECORDER }));
  writeFileSync(
    fakeNix,
    [
      '#!/bin/sh',
      `printf '%s\\n' "$@" > ${root}/nix-args`,
      'for a; do last=$a; done',
      `case $last in /*) runner=\${last%/*}/run-nixos-vm ;; *) runner=${root}/ns/flakecase-bin/run-nixos-vm ;; esac`,
      'export KEYS=/nix/store/00000000000000000000000000000000-keys',
      `case $(cat ${root}/behaviour) in`,
      '  run) exec /bin/sh "$runner" ;;',
      '  extra-args) exec /bin/sh "$runner" -smp 4 ;;',
      '  fail) echo "error: flakecase test: nix shell failed" >&2; exit 1 ;;',
      `  hang) sleep 30 & echo $! > ${root}/bg.pid; exec sleep 30 ;;`,
      'esac',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
});

const nix = createNixAdapter(
  { path: fakeNix, version: { flavor: 'nix', major: 2, minor: 8, patch: 0, text: 'nix (Nix) 2.8.0' }, caps: { derivationShow: ['show-derivation'], printOutPaths: false, drvOutputsSuffix: '', evalStore: false } },
  { buildUsersGroup: undefined, sandboxPaths: [] },
);
const builder = (out = BUILDER_OUT): TargetResult => ({ name: 'builder', attribute: 'x.builder', drvPath: undefined, outcome: { status: 'built', outputs: { out }, how: 'built', stage: 'build' } });

async function stage(condition: Condition, qemu?: QemuExpectationSpec, targets: TargetResult[] = [builder()], timeoutMs = 20_000) {
  const cc: CaseCondition = { condition, expect: { build: {}, error: undefined, outputs: [], qemu }, linePos: undefined };
  const taskDir = join(root, `task-${++tasks}`);
  mkdirSync(taskDir);
  const commands: string[] = [];
  const run: QemuStageRun = await runQemuStage({ cc, targets, store, taskDir, settings: { store }, nix, ctx: { timeoutMs, onCommand: (c) => commands.push(c) } });
  return { ...run, commands, taskDir, nixArgs: () => readFileSync(join(root, 'nix-args'), 'utf8').trim().split('\n') };
}

describe('runQemuStage with the stand-ins (qemu is a recorder in the store)', () => {
  it('runs create-builder through nix shell, with the recorder env, and agrees with the script', async () => {
    qemuIs('recorder');
    behaviour('run');
    const r = await stage(BUILTIN_CONDITIONS.hvf);
    expect(r.outcome.status, JSON.stringify(r.outcome)).toBe('ok');
    if (r.outcome.status !== 'ok') return;
    expect(r.nixArgs().slice(-4)).toEqual(['shell', BUILDER_OUT, '-c', 'create-builder']);
    expect(r.nixArgs()).toContain(store);
    expect(r.commands).toHaveLength(1);
    for (const part of [`FLAKECASE_QEMU_RECORD=${r.taskDir}/builder/qemu.jsonl`, `TMPDIR=${r.taskDir}/builder/tmp`, 'USE_TMPDIR=1', ' shell ']) {
      expect(r.commands[0]).toContain(part);
    }
    const q = r.outcome.value;
    expect(q).toMatchObject({ target: 'builder', builderOut: BUILDER_OUT, runner: RUNNER_PATH, mode: 'recorder-in-store', qemuVersion: '9.1', killedStragglers: [] });
    expect(q.qemuVersionSource).toEqual({ from: 'store-path', path: QEMU });
    expect(q.facts.resolution.accelerator).toBe('hvf');
    expect(q.facts.boots).toBe(true);
    expect(q.argv).toContain(`local,path=${r.taskDir}/builder/tmp/xchg,security_model=none,mount_tag=xchg`);
    expect(q.normalisedArgv).toContain('local,path=<tmp>/tmp/xchg,security_model=none,mount_tag=xchg');
    expect(q.wildcards.map((w) => w.refs[0])).toEqual(['$KEYS', '$NIX_DISK_IMAGE', expect.stringMatching(/^\$\(cat /)]);
    expect(r.record).toMatchObject({ stage: 'qemu', status: 'ok', note: expect.stringContaining('builder: hvf, boots on apple-silicon-mac/qemu-9.1') });
  });

  it("hands the condition's QEMU_OPTS and QEMU release to both sides and to the model", async () => {
    qemuIs('recorder');
    behaviour('run');
    const condition = declareCondition('runner-11', undefined, { like: 'no-hvf', qemu: '11.1', env: { QEMU_OPTS: '-machine gic-version=3' } });
    const r = await stage(condition);
    if (r.outcome.status !== 'ok') throw new Error(JSON.stringify(r.outcome));
    const q = r.outcome.value;
    expect(q.argv.slice(-2)).toEqual(['-machine', 'gic-version=3']);
    expect(q.facts.machine.props['gic-version']).toBe('3');
    expect(q.qemuVersionSource).toEqual({ from: 'condition', written: '11.1' });
    expect(q.facts.boots).toBe(false);
    expect(q.facts.messages).toEqual(['qemu-system-aarch64: Error: ret = HV_UNSUPPORTED (0xfae9400f, at ../target/arm/hvf/hvf.c:1269)']);
  });

  it('fails with the argv diff when the run execs something the script text does not say', async () => {
    qemuIs('recorder');
    behaviour('extra-args');
    const r = await stage(BUILTIN_CONDITIONS.hvf);
    expect(r.outcome).toMatchObject({ status: 'failed', code: 'EXTRACTIONS_DISAGREE' });
    if (r.outcome.status !== 'failed') return;
    expect(r.outcome.detail).toEqual(['recorded #49 "-smp" is not in the script', 'recorded #50 "4" is not in the script']);
    expect(r.record).toMatchObject({ stage: 'qemu', status: 'failed', error: { source: 'harness', code: 'QEMU_EXTRACTIONS_DISAGREE' } });
  });

  it('reports a failed nix shell as a nix error with its command', async () => {
    qemuIs('recorder');
    behaviour('fail');
    const r = await stage(BUILTIN_CONDITIONS['no-hvf']);
    expect(r.outcome).toMatchObject({ status: 'failed', code: 'DYNAMIC_RUN_FAILED' });
    expect(r.record.status === 'failed' && r.record.error.source === 'nix' && r.record.error.nix.escapedCommand).toContain(' shell ');
  });

  it('times out, and leaves nothing running', async () => {
    qemuIs('recorder');
    behaviour('hang');
    const t0 = Date.now();
    const r = await stage(BUILTIN_CONDITIONS.hvf, undefined, [builder()], 1500);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.outcome).toMatchObject({ status: 'failed', code: 'DYNAMIC_RUN_FAILED' });
    expect(r.record.status === 'failed' && r.record.error.source === 'nix' && r.record.error.nix.failure.kind).toBe('timeout');
    expect(r.outcome.status === 'failed' && r.outcome.detail.at(-1)).toMatch(/^killed what it left running: pid \d+/);
    const bg = Number(readFileSync(join(root, 'bg.pid'), 'utf8'));
    let state = '';
    try {
      state = readFileSync(`/proc/${bg}/stat`, 'utf8');
    } catch {
      state = 'gone';
    }
    expect(state === 'gone' || /^\d+ \(.*\) Z/.test(state), state).toBe(true);
  });
});

describe('runQemuStage with a real qemu in the store (real nixpkgs)', () => {
  it('runs copies pointed at the harness recorder, never the store scripts', async () => {
    qemuIs('real');
    behaviour('run');
    const r = await stage(BUILTIN_CONDITIONS['no-builder']);
    if (r.outcome.status !== 'ok') throw new Error(JSON.stringify(r.outcome));
    expect(r.outcome.value.mode).toBe('recorder-copy');
    expect(r.nixArgs().slice(-4)).toEqual(['shell', BUILDER_OUT, '-c', `${r.taskDir}/builder/flakecase-bin/create-builder`]);
    expect(readFileSync(join(r.taskDir, 'builder/flakecase-bin/create-builder'), 'utf8')).toContain(`${r.taskDir}/builder/flakecase-bin/run-nixos-vm`);
    expect(readFileSync(join(store, RUNNER_TARGET), 'utf8')).toBe(RUNNER);
    expect(r.outcome.value.facts.resolution.accelerator).toBe('hvf');
  });
});

describe('runQemuStage selection', () => {
  it('skips, saying why, when no built target has bin/create-builder', async () => {
    const r = await stage(BUILTIN_CONDITIONS.hvf, undefined, [builder('/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-system')]);
    expect(r.outcome).toEqual({ kind: 'flakecase.qemu-stage', status: 'skipped', reason: 'no target has bin/create-builder' });
    expect(r.record).toMatchObject({ stage: 'qemu', status: 'skipped' });
  });

  it('fails when qemu.target names a target that is not the builder package', async () => {
    const r = await stage(BUILTIN_CONDITIONS.hvf, { target: 'system' }, [builder()]);
    expect(r.outcome).toMatchObject({ status: 'failed', code: 'TARGET_UNKNOWN' });
  });
});
