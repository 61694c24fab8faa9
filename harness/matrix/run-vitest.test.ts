import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runVitest } from './run-vitest.ts';

// A stand-in for node_modules/.bin/vitest: a shell script, so the process-group handling is
// tested without running vitest itself.
let dirs: string[] = [];
function fakeRepo(script: string): string {
  const repo = mkdtempSync(join(tmpdir(), 'flakecase-matrix-test-'));
  dirs.push(repo);
  mkdirSync(join(repo, 'node_modules/.bin'), { recursive: true });
  const bin = join(repo, 'node_modules/.bin/vitest');
  writeFileSync(bin, `#!/bin/sh\n${script}\n`);
  chmodSync(bin, 0o755);
  return repo;
}
// Killed and orphaned, a process may stay a zombie here: this container's PID 1 does not reap.
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const options = (repo: string, timeoutMs = 20_000) => ({ label: 'nix-2.8.0', args: ['--project', 'cases'], env: { FLAKECASE_NIX: '/usr/bin/nix' }, repoDir: repo, workDir: repo, logFile: join(repo, 'run.log'), timeoutMs });

describe('runVitest', () => {
  it('reads the JSON report the run wrote, keeps the exit code, the env it was given and a log', async () => {
    // The report path is the last argument (--outputFile.json=F).
    const repo = fakeRepo(`for a; do f=$a; done; f=\${f#--outputFile.json=}
echo "nix is $FLAKECASE_NIX, colour: \${NO_COLOR:-on}"
printf '%s' '{"success":false,"testResults":[{"name":"/r/c.test.ts","status":"failed","message":"","assertionResults":[{"ancestorTitles":["nix 2.8.0","a"],"title":"a › hvf","status":"failed","failureMessages":["x"]}]}]}' > "$f"
exit 1`);
    const run = await runVitest(options(repo));
    expect(run.outcome).toMatchObject({ kind: 'report', exitCode: 1, report: { success: false, files: [{ tests: [{ title: 'a › hvf', status: 'fail' }] }] } });
    expect(run.command).toMatch(/^FLAKECASE_NIX=\/usr\/bin\/nix npx vitest run --project cases --reporter=default --reporter=json --outputFile\.json=\S+nix-2\.8\.0\.json$/);
    expect(readFileSync(join(repo, 'run.log'), 'utf8')).toContain('nix is /usr/bin/nix, colour: 1');
  });

  it('says so when vitest wrote no report', async () => {
    const run = await runVitest(options(fakeRepo('echo crashed >&2; exit 3')));
    expect(run.outcome).toEqual({ kind: 'broken', reason: expect.stringMatching(/^vitest wrote no report \(exit 3; log: .*run\.log\)$/) });
  });

  it('on a timeout kills the whole process group, grandchildren included, and does not wait for them', async () => {
    const repo = fakeRepo(`sleep 60 & echo $! > "$(dirname "$0")/../../grandchild.pid"; wait`);
    const started = Date.now();
    const run = await runVitest(options(repo, 1000));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(run.outcome).toMatchObject({ kind: 'broken', reason: expect.stringMatching(/^timed out after 1s/) });
    const pid = Number(readFileSync(join(repo, 'grandchild.pid'), 'utf8'));
    expect(isRunning(pid)).toBe(false);
  });
});
