/**
 * Runs a real qemu-system-aarch64 on a builder's command line, made harmless (make-harmless.ts),
 * and asks it over QMP what it built: CPU count, GIC version, memory, and whether TCG runs.
 * Everything is bounded by one timeout, and the process is killed and the workspace removed on
 * every path (accepted, rejected, timeout, spawn failure).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeHarmless } from './make-harmless.ts';
import { connectQmp, type QmpConnection } from './qmp-client.ts';

export interface QemuBinary {
  readonly label: string;
  readonly path: string;
  /** Put before the command line, e.g. `-L <prefix>/usr/share/qemu` for an unpacked QEMU. */
  readonly extraArgs: readonly string[];
  readonly version: string | null;
}

export interface RealQemuFacts {
  readonly version: string;
  readonly cpuCount: number | null;
  /** qom-get /machine gic-version (hw/arm/virt.c property "gic-version"). */
  readonly gicVersion: string | null;
  readonly memoryMiB: number | null;
  /** x-query-jit answers only under TCG ("JIT information is only available with accel=tcg"). */
  readonly tcgActive: boolean | null;
}

interface Common {
  /** The argv QEMU was started with (after the harmless rewrite). */
  readonly argv: readonly string[];
  readonly changes: readonly string[];
  readonly stderr: string;
  /** stderr lines of the kinds the accelerator model predicts. */
  readonly modelLines: readonly string[];
}

export type RealQemuResult =
  | (Common & { readonly status: 'accepted'; readonly facts: RealQemuFacts })
  | (Common & { readonly status: 'rejected'; readonly exitCode: number | null; readonly signal: string | null })
  | (Common & { readonly status: 'timeout' })
  | (Common & { readonly status: 'spawn-failed'; readonly message: string });

const MODEL_LINE =
  /invalid accelerator|falling back to|no accelerator found|HV_[A-Z]+|options are incompatible|does not support GICv|requires KVM|exceeds max CPUs|requires an argument|invalid option|expects|Expected '=' after parameter|Invalid parameter '/;

/** The stderr lines the model speaks about (not warnings about images, globals, ROMs). */
export function modelRelevantLines(stderr: string): string[] {
  return stderr.split('\n').map((l) => l.trimEnd()).filter((l) => MODEL_LINE.test(l));
}

export async function runRealQemu(argv: readonly string[], binary: QemuBinary, timeoutMs = 20_000): Promise<RealQemuResult> {
  const deadline = Date.now() + timeoutMs;
  const workspace = await mkdtemp(join(tmpdir(), 'flakecase-q-'));
  const harmless = makeHarmless(argv, { workspace, extraArgs: binary.extraArgs });
  let stderr = '';
  let exited: { code: number | null; signal: string | null } | null = null;
  let spawnError: Error | null = null;
  let qmp: QmpConnection | null = null;
  const common = (): Common => ({ argv: harmless.argv, changes: harmless.changes, stderr, modelLines: modelRelevantLines(stderr) });
  const child = (() => {
    const pending = Promise.all(
      harmless.standIns.map((s) => (s.kind === 'dir' ? mkdir(s.path, { recursive: true }) : writeFile(s.path, Buffer.alloc(s.size)))),
    );
    return pending.then(() => {
      const proc = spawn(binary.path, [...harmless.argv], { stdio: ['ignore', 'ignore', 'pipe'] });
      proc.stderr.setEncoding('utf8');
      proc.stderr.on('data', (chunk: string) => (stderr += chunk));
      proc.once('error', (error) => (spawnError = error));
      proc.once('exit', (code, signal) => (exited = { code, signal }));
      return proc;
    });
  })();
  try {
    const proc = await child;
    const exitedPromise = new Promise<void>((resolve) => {
      if (exited !== null || spawnError !== null) resolve();
      proc.once('exit', () => resolve());
      proc.once('error', () => resolve());
    });
    qmp = await connectQmp(harmless.qmpSocket, deadline, () => exited !== null || spawnError !== null);
    if (qmp === null) {
      await Promise.race([exitedPromise, sleep(Math.max(0, Math.min(500, deadline - Date.now())))]);
      if (spawnError !== null) return { ...common(), status: 'spawn-failed', message: (spawnError as Error).message };
      const ended = exited as { code: number | null; signal: string | null } | null;
      if (ended !== null) return { ...common(), status: 'rejected', exitCode: ended.code, signal: ended.signal };
      return { ...common(), status: 'timeout' };
    }
    const facts = await queryFacts(qmp);
    await qmp.execute('quit');
    await Promise.race([exitedPromise, sleep(Math.max(0, deadline - Date.now()))]);
    return { ...common(), status: 'accepted', facts };
  } catch (error) {
    return { ...common(), status: 'spawn-failed', message: (error as Error).message };
  } finally {
    qmp?.close();
    const proc = await child.catch(() => null);
    if (proc !== null && exited === null && proc.exitCode === null) {
      proc.kill('SIGKILL');
      await new Promise((resolve) => proc.once('exit', resolve));
    }
    await rm(workspace, { recursive: true, force: true });
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function queryFacts(qmp: QmpConnection): Promise<RealQemuFacts> {
  const cpus = await qmp.execute('query-cpus-fast');
  const gic = await qmp.execute('qom-get', { path: '/machine', property: 'gic-version' });
  const memory = await qmp.execute('query-memory-size-summary');
  const jit = await qmp.execute('x-query-jit');
  const base = memory.ok ? (memory.value as { 'base-memory'?: number })['base-memory'] : undefined;
  return {
    version: qmp.version,
    cpuCount: cpus.ok && Array.isArray(cpus.value) ? cpus.value.length : null,
    gicVersion: gic.ok && typeof gic.value === 'string' ? gic.value : null,
    memoryMiB: typeof base === 'number' ? base / 1024 ** 2 : null,
    tcgActive: jit.ok ? true : jit.error.class === 'CommandNotFound' ? null : false,
  };
}
