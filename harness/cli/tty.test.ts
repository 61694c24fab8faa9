// The progress display in a real terminal: bin/flakecase.js under util-linux `script`, which
// gives it a pty (stdout.isTTY), with CI unset. The live region is redrawn in place: a line per
// running task with its stage and elapsed time, erased (ESC[nA ESC[J) before each redraw.
import { execa } from 'execa';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { liveLines } from '../report/index.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CASES = fileURLToPath(new URL('fixtures/cases', import.meta.url));
const ESC = '\u001b';

describe('progress on a terminal', () => {
  it('redraws a line per running task with its stage and elapsed time', { timeout: 300_000 }, async () => {
    const command = `stty cols 120; node ${join(REPO, 'bin', 'flakecase.js')} --cases ${CASES} hello`;
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' };
    delete env.CI;
    // -e: script exits with the child's status; -q: no "Script started" lines.
    const r = await execa('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: REPO, env, extendEnv: false, reject: false, stdin: 'ignore' });
    expect(r.exitCode).toBe(0);
    const out = r.stdout.replace(/\r/g, '');
    // Live lines: spinner, task, stage, elapsed; drawn after erasing the region.
    const live = [...out.matchAll(new RegExp(`${ESC}\\[J([⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]) (hello › (?:hvf|no-hvf))  (queued|evaluate|plan|build|inspect|qemu)  (\\d+\\.\\d)s`, 'g'))];
    expect(live.length).toBeGreaterThan(2);
    expect(new Set(live.map((m) => m[3])).size).toBeGreaterThan(1);
    expect(out).toMatch(new RegExp(`${ESC}\\[\\dA${ESC}\\[J`));
    // Both tasks were on screen at once (concurrency 2), one line each.
    expect(out).toMatch(/hello › hvf {2}\w+ {2}[\d.]+s\n(?:\S+ )?(?:⠋|⠙|⠹|⠸|⠼|⠴|⠦|⠧|⠇|⠏) hello › no-hvf|hello › no-hvf {2}\w+ {2}[\d.]+s\n[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] hello › hvf/);
    // Finished tasks become permanent lines; the run ends with the counts.
    expect(out).toMatch(/PASS hello › hvf \([\d.]+s\)/);
    expect(out).toMatch(/PASS hello › no-hvf \([\d.]+s\)/);
    expect(out).toMatch(/\n2 passed, 0 failed in [\d.]+s\n?$/);
  });

  it('cuts live lines to the terminal width, so a redraw erases exactly what it drew', () => {
    const r = { ref: { caseName: 'a-very-long-case-name', condition: 'no-builder' }, stage: 'build' as const, startedAt: 0 };
    expect(liveLines([r], 0, 1000, 200)).toEqual(['⠋ a-very-long-case-name › no-builder  build  1.0s']);
    expect(liveLines([r], 3, 1100, 20)).toEqual(['⠙ a-very-long-case…', '  … 3 waiting']);
  });
});
