// flakecase init: the starter it writes into a nixfiles checkout, that it never overwrites a
// file, and that the starter passes `flakecase --cases <dir> --flake-input nixfiles=<repo>`
// with the real nix (the checkout here is a copy of cases/nixfiles-example/example-nixfiles).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../cli/io.ts';
import { main } from '../cli/main.ts';
import { validateCase } from '../spec/index.ts';
import { starterFiles } from './starter-files.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'flakecase-init-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIO = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {}, cwd };
  return { value, out: () => out.join(''), err: () => err.join('') };
}

function nixfilesCheckout(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(REPO, 'cases', 'nixfiles-example', 'example-nixfiles'), dir, { recursive: true });
  return dir;
}

describe('flakecase init', () => {
  it('writes one case per condition idea, the story override, suite.yaml, the schema and stand-ins', async () => {
    const repo = nixfilesCheckout('fresh');
    const t = io(tmp);
    expect(await main(['init', 'fresh'], t.value)).toBe(0);
    const files = (await starterFiles()).map((f) => f.to);
    for (const f of files) expect(existsSync(join(repo, 'cases', f)), f).toBe(true);
    expect(t.out()).toContain(`wrote ${files.length} file(s) under fresh/cases`);
    expect(t.err()).toBe('');
    const conditions: string[] = [];
    for (const c of ['builder-running', 'fresh-mac', 'github-runner']) {
      const text = readFileSync(join(repo, 'cases', c, 'case.yaml'), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../case.schema.json');
      const v = validateCase(text, `${c}/case.yaml`);
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      expect(v.warnings).toEqual([]);
      conditions.push(...Object.keys(v.value.conditions));
    }
    expect(conditions).toEqual(['hvf', 'no-builder', 'no-hvf']);
    expect(readFileSync(join(repo, 'cases', 'github-runner', 'no-hvf-for-github-actions.nix'), 'utf8')).toBe(
      readFileSync(join(REPO, 'cases', 'no-hvf-override', 'no-hvf-for-github-actions.nix'), 'utf8'),
    );
    expect(readFileSync(join(repo, 'cases', 'suite.yaml'), 'utf8')).toMatch(/flake: stand-ins\/nixpkgs/);
  });

  it('never overwrites: refuses each existing file by name, writes the missing ones, exits 2', async () => {
    const repo = nixfilesCheckout('twice');
    expect(await main(['init', repo], io(tmp).value)).toBe(0);
    const mine = join(repo, 'cases', 'fresh-mac', 'case.yaml');
    writeFileSync(mine, '# my own edits\n');
    unlinkSync(join(repo, 'cases', 'suite.yaml'));
    const t = io(repo);
    expect(await main(['init'], t.value)).toBe(2);
    expect(readFileSync(mine, 'utf8')).toBe('# my own edits\n');
    expect(t.err()).toContain('flakecase init: cases/fresh-mac/case.yaml exists; left it unchanged\n');
    expect(t.out()).toContain('wrote 1 file(s) under cases');
    expect(existsSync(join(repo, 'cases', 'suite.yaml'))).toBe(true);
    expect(t.err()).toMatch(/E_INIT_EXISTS \d+ file\(s\) already existed and were not overwritten\n {2}hint: /);
    expect(t.err()).not.toMatch(/^\s+at /m);
  });

  it('refuses a folder that does not exist', async () => {
    const t = io(tmp);
    expect(await main(['init', 'nope'], t.value)).toBe(2);
    expect(t.err()).toMatch(/E_USAGE no such folder: .*nope/);
  });

  it('the starter passes against a nixfiles checkout', { timeout: 900_000 }, async () => {
    const repo = nixfilesCheckout('run');
    expect(await main(['init', repo], io(tmp).value)).toBe(0);
    const r = await execa('node', [join(REPO, 'bin', 'flakecase.js'), '--cases', join(repo, 'cases'), '--flake-input', `nixfiles=${repo}`], {
      cwd: REPO,
      reject: false,
      env: { CI: 'true', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' },
    });
    expect(r.stdout + r.stderr).toMatch(/^3 passed, 0 failed in/m);
    expect(r.exitCode).toBe(0);
    for (const t of ['builder-running › hvf', 'fresh-mac › no-builder', 'github-runner › no-hvf']) expect(r.stdout).toContain(`PASS ${t}`);
  });
});
