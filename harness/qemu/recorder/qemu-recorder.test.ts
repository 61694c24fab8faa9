import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compareExtractions } from '../compare-extractions.ts';
import { extractQemuCommand } from '../extract-static.ts';
import { LAUNCHD_ENV } from '../fixtures/upstream-argv.ts';
import { pickQemuSystem, readRecording } from '../read-recording.ts';
import { RECORDER_SCRIPT, rewriteStoreTools, toRecorder } from './point-script-at-recorder.ts';

const SHELLS = ['/bin/sh', '/bin/busybox'].filter((s) => existsSync(s));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flakecase-recorder-'));
  dirs.push(dir);
  for (const tool of ['qemu-system-aarch64', 'qemu-img']) symlinkSync(fileURLToPath(RECORDER_SCRIPT), join(dir, tool));
  return dir;
}

function sh(shell: string, args: string[], env: Record<string, string>): void {
  const argv = shell.endsWith('busybox') ? ['sh', ...args] : args;
  execFileSync(shell, argv, { env: { PATH: '/usr/bin:/bin', ...env }, stdio: ['ignore', 'ignore', 'ignore'] });
}

describe.each(SHELLS)('qemu-recorder.sh under %s', (shell) => {
  it('records awkward arguments as JSON that reads back unchanged', () => {
    const dir = workspace();
    const record = join(dir, 'record.jsonl');
    const args = ['-append', 'a "q" \\x\nnl\ttab é', '', '-x', 'c\u0001d'];
    sh(shell, [join(dir, 'qemu-system-aarch64'), ...args], { FLAKECASE_QEMU_RECORD: record });
    sh(shell, [join(dir, 'qemu-img'), 'create', '-f', 'qcow2', 'x'], { FLAKECASE_QEMU_RECORD: record });
    const recording = readRecording(readFileSync(record, 'utf8'));
    expect(recording.problems).toEqual([]);
    expect(recording.invocations.map((i) => [i.program, i.args])).toEqual([
      ['qemu-system-aarch64', args],
      ['qemu-img', ['create', '-f', 'qcow2', 'x']],
    ]);
  });

  it('runs the fixture run-nixos-vm and records what static extraction predicts', () => {
    const dir = workspace();
    const script = readFileSync(new URL('../fixtures/run-nixos-vm.upstream-2024-12.sh', import.meta.url), 'utf8');
    const rewritten = rewriteStoreTools(script, (tool) => toRecorder(dir)(tool) ?? (/^(tar|mkfs\.\w+)$/.test(tool.tool) ? '/bin/true' : null));
    expect(rewritten.replaced.map((r) => r.to.replace(dir, '<dir>'))).toContain('<dir>/qemu-system-aarch64');
    writeFileSync(join(dir, 'run-nixos-vm'), rewritten.text);
    writeFileSync(join(dir, 'nixos.qcow2'), '');
    const vars = { TMPDIR: dir, USE_TMPDIR: '1', NIX_DISK_IMAGE: join(dir, 'nixos.qcow2'), KEYS: join(dir, 'keys'), QEMU_OPTS: '-machine gic-version=3' };
    sh(shell, [join(dir, 'run-nixos-vm'), '-S'], { ...vars, FLAKECASE_QEMU_RECORD: join(dir, 'record.jsonl') });

    const picked = pickQemuSystem(readRecording(readFileSync(join(dir, 'record.jsonl'), 'utf8')));
    const extracted = extractQemuCommand(script, { vars: { ...LAUNCHD_ENV, ...vars }, args: ['-S'] });
    if (!picked.ok || !extracted.ok) throw new Error('extraction failed');
    const comparison = compareExtractions(extracted.value, picked.value, { tempDirs: [dir] });
    expect(comparison.diffs).toEqual([]);
    expect(comparison.equal).toBe(true);
  });
});

it('fails loudly without FLAKECASE_QEMU_RECORD', () => {
  const dir = workspace();
  expect(() => execFileSync('/bin/sh', [join(dir, 'qemu-system-aarch64')], { env: {}, stdio: 'pipe' })).toThrow(/status 70|exit code 70|Command failed/);
});
