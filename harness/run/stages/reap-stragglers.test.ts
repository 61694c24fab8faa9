import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { findMarked, MARKER_VAR, reapMarked } from './reap-stragglers.ts';

const hasProc = existsSync('/proc/self/environ');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Running, not a zombie: a killed orphan stays a zombie until its new parent reaps it.
const running = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

it.skipIf(!hasProc)(`kills what a run left behind, found by its marker${hasProc ? '' : ' - SKIPPED: no /proc on this OS'}`, async () => {
  const marker = `test-${process.pid}-${Date.now()}`;
  // A shell that backgrounds a sleeper, as a script that forgot a job would.
  const child = spawn('/bin/sh', ['-c', 'sleep 30 & echo $!; wait'], { env: { PATH: '/usr/bin:/bin', [MARKER_VAR]: marker }, stdio: ['ignore', 'pipe', 'ignore'] });
  const grandchild = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  expect(running(grandchild)).toBe(true);
  expect(findMarked(marker).sort()).toEqual([child.pid, grandchild].sort());
  expect(findMarked('another-marker')).toEqual([]);

  expect(reapMarked(marker).sort()).toEqual([child.pid, grandchild].sort());
  await sleep(100);
  expect(running(grandchild)).toBe(false);
  expect(findMarked(marker)).toEqual([]);
});
