// The runner leaves nothing behind: no flakecase-* temp dir and no nix process, whether the
// task passed, failed, timed out or was interrupted with Ctrl-C. Real nix, tiny fixture cases.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSuite } from './suite.ts';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const privateTmp = mkdtempSync(join(tmpdir(), 'cleanup-test-'));
const cacheDir = join(privateTmp, 'cache');
const realTmp = process.env.TMPDIR;

function leftovers(): string[] {
  return readdirSync(privateTmp).filter((n) => n.startsWith('flakecase'));
}

function nixProcesses(marker: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', marker], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('nix') && !l.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

beforeAll(() => {
  // tmp-promise reads TMPDIR at each call: every dir the suite makes lands in our private folder.
  process.env.TMPDIR = privateTmp;
});
afterAll(() => {
  if (realTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = realTmp;
  rmSync(privateTmp, { recursive: true, force: true });
});

async function runOne(caseName: string, condition: string) {
  const r = await openSuite({ casesDir: join(fixtures, 'cases'), cacheDir });
  if (!r.ok) throw new Error('setup failed');
  const outcome = await r.value.runCondition(caseName, condition);
  const during = leftovers();
  await r.value.close();
  return { outcome, during };
}

describe('temp dirs and processes', () => {
  it('are removed after a passing task', async () => {
    const { outcome, during } = await runOne('quick', 'hvf');
    expect(outcome.mismatches).toEqual([]);
    expect(during.length).toBeGreaterThan(0); // the suite did work in the private tmp dir
    expect(leftovers()).toEqual([]);
  });

  it('are removed after a failing build', async () => {
    const { outcome } = await runOne('fails', 'hvf');
    expect(outcome.result.targets[0]?.outcome.status).toBe('failed');
    expect(outcome.mismatches).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('are removed after a timeout, and the timed-out nix is gone', async () => {
    const { outcome } = await runOne('slow', 'hvf');
    const o = outcome.result.targets[0]?.outcome;
    expect(o?.status === 'failed' && o.error.source === 'nix' && o.error.nix.failure.kind).toBe('timeout');
    expect(leftovers()).toEqual([]);
    expect(nixProcesses('slow-marker-5f2c')).toEqual([]);
  });

  it('are removed on Ctrl-C (SIGINT), which exits 130 and kills nix', async () => {
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    // detached: its own process group, so the signal reaches tsx, node and nix as a terminal's would.
    const child = spawn(tsx, [join(fixtures, 'interrupt-child.ts'), join(fixtures, 'interrupt-cases'), cacheDir], {
      env: { ...process.env, TMPDIR: privateTmp },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`child never started: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        if (out.includes('started')) {
          clearTimeout(t);
          resolve();
        }
      });
    });
    expect(leftovers().length).toBeGreaterThan(0);
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c, s) => resolve(c ?? (s ? -1 : null)));
      process.kill(-child.pid!, 'SIGINT');
    });
    // The build sleeps 60 s: an exit within seconds means the interrupt stopped it.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(code).toBe(130);
    expect(out).not.toContain('finished: built');
    await new Promise((r) => setTimeout(r, 500));
    expect(leftovers()).toEqual([]);
    expect(nixProcesses('sleepy-marker-9d1e')).toEqual([]);
  }, 90_000);
});
