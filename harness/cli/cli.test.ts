// The CLI as a user runs it: bin/flakecase.js in a child process with the real nix, on the
// small fixture cases (fixtures/README.md). Each exit code and each flag that reaches nix is
// exercised; reports written with --json and --junit are read back.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../report/index.ts';
import type { CliIO } from './io.ts';
import { main } from './main.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(REPO, 'bin', 'flakecase.js');
const FIX = fileURLToPath(new URL('fixtures', import.meta.url));
const CASES = join(FIX, 'cases');
const tmp = mkdtempSync(join(tmpdir(), 'flakecase-cli-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// A copy of fixtures/locked whose greeting flake locks `dep` to the copy of real-dep.
const locked = join(tmp, 'locked');
cpSync(join(FIX, 'locked'), locked, { recursive: true });
const greeting = join(locked, 'cases', 'greeting');
writeFileSync(join(greeting, 'flake.nix'), readFileSync(join(greeting, 'flake.nix.in'), 'utf8').replace('@REAL_DEP@', join(locked, 'real-dep')));

const SLOW = 300_000;

function cli(args: readonly string[], env: Record<string, string> = {}) {
  // CI=true: plain output; the GitHub variables are cleared so a run inside Actions does not
  // write into the real job summary.
  return execa('node', [BIN, ...args], { cwd: REPO, reject: false, env: { CI: 'true', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...env } });
}

describe('exit 0: every expectation held', () => {
  it('runs the selected case and condition, writes --json and --junit', { timeout: SLOW }, async () => {
    const json = join(tmp, 'pass.json');
    const junit = join(tmp, 'pass.xml');
    const r = await cli(['--cases', CASES, 'hell', '--condition', 'hvf', '--concurrency', '1', '--json', json, '--junit', junit]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^flakecase: 1 task\(s\), nix \d+\.\d+\.\d+, offline stand-ins, 1 at a time$/m);
    expect(r.stdout).toMatch(/^ {2}hello › hvf: build$/m);
    expect(r.stdout).toMatch(/^PASS hello › hvf \([\d.]+s\)$/m);
    expect(r.stdout).toMatch(/^1 passed, 0 failed in [\d.]+s$/m);
    const report = JSON.parse(readFileSync(json, 'utf8')) as RunReport;
    expect(report.tasks.map((t) => [t.caseName, t.condition, t.status])).toEqual([['hello', 'hvf', 'passed']]);
    expect(report.tasks[0]?.result.targets[0]?.outcome.status).toBe('built');
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(readFileSync(junit, 'utf8'));
    expect(xml.testsuites.testsuite['@_name']).toBe('hello');
    expect(xml.testsuites.testsuite.testcase['@_name']).toBe('hvf');
    expect(xml.testsuites['@_failures']).toBe('0');
  });
});

describe('exit 1: an expectation failed', () => {
  it('prints case, condition, stage, the case.yaml position and the nix re-run command; annotates in Actions', { timeout: SLOW }, async () => {
    const summary = join(tmp, 'summary.md');
    const r = await cli(['--cases', CASES, 'wrong-expectation'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^FAIL wrong-expectation › hvf \([\d.]+s\) at stage inspect$/m);
    expect(r.stdout).toMatch(/case\.yaml:10:18 conditions\.hvf\.outputs\.0\.matches\n\s+expected: hello:bin\/greet matches \/goodbye\//);
    expect(r.stdout).toMatch(/re-run from your checkout:\n\s+\S*nix .* build --no-link --no-write-lock-file -L path:\S+wrong-expectation#packages\.aarch64-darwin\.hello/);
    expect(r.stdout).toMatch(/^::error file=[^,]*wrong-expectation\/case\.yaml,line=10,col=18,title=flakecase wrong-expectation › hvf::/m);
    expect(readFileSync(summary, 'utf8')).toContain('| wrong-expectation | ❌ fail<br>accel: —<br>boots: — |');
  });

  it('--flake-input replaces a case input (here the stand-in named in case.yaml)', { timeout: SLOW }, async () => {
    const r = await cli(['--cases', join(locked, 'cases'), 'greeting', '-c', 'hvf', '--flake-input', `dep=${join(locked, 'real-dep')}`]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/expected: hello:bin\/greet matches \/stand-in input\/[\s\S]*echo real input/);
    expect(r.stdout).toContain(`--override-input dep path:${join(locked, 'real-dep')}`);
  });
});

describe('--offline and --real-inputs', () => {
  it('--offline builds with the stand-in case.yaml names', { timeout: SLOW }, async () => {
    const r = await cli(['--cases', join(locked, 'cases'), 'greeting', '--offline']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^2 passed, 0 failed in/m);
  });

  it('--real-inputs on this Linux host: evaluates and plans the locked input, skips what needs a build', { timeout: SLOW }, async () => {
    const json = join(tmp, 'locked.json');
    const r = await cli(['--cases', join(locked, 'cases'), '--real-inputs', '--json', json], { FLAKECASE_HOST_SYSTEM: '' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^PASS locked-eval-error › hvf/m);
    expect(r.stdout).toMatch(/^SKIP greeting › hvf \([\d.]+s\): 2 expectation\(s\) not checked$/m);
    expect(r.stdout).toMatch(/case\.yaml:9:12 conditions\.hvf\.build: not built: this host is \S+ and cannot build aarch64-darwin/);
    expect(r.stdout).toContain('plan: 1 derivation(s) to build (1 for aarch64-darwin), 0 path(s) from the cache');
    expect(r.stdout).toMatch(/^1 passed, 0 failed, 2 skipped \(3 expectations not checked\) in/m);
    const report = JSON.parse(readFileSync(json, 'utf8')) as RunReport;
    const t = report.tasks.find((x) => x.caseName === 'greeting' && x.condition === 'hvf');
    expect(t?.status).toBe('skipped');
    expect(t?.result.plan?.toBuild.map((d) => [d.name, d.system])).toEqual([['real-greeting', 'aarch64-darwin']]);
    expect(t?.result.stages.map((s) => `${s.stage}:${s.status}`)).toEqual(['evaluate:ok', 'plan:ok', 'build:skipped', 'inspect:skipped']);
  });

  it('--real-inputs on a host of the condition system builds the locked input fully', { timeout: SLOW }, async () => {
    const r = await cli(['--cases', join(locked, 'cases'), 'greeting', '-c', 'hvf', '--real-inputs'], { FLAKECASE_HOST_SYSTEM: 'aarch64-darwin' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/expected: hello:bin\/greet matches \/stand-in input\/[\s\S]*echo real input/);
    expect(r.stdout).not.toContain('--override-input');
  });
});

describe('exit 2: usage, setup and case.yaml errors, without a stack', () => {
  it.each([
    [['--cases', '/nonexistent/cases'], /^flakecase: E_NO_CASES_DIR no cases folder at \/nonexistent\/cases\n {2}hint: Pass --cases DIR, or write a starter folder with: flakecase init$/m],
    [['--cases', CASES, 'no-such-case'], /^flakecase: E_NO_MATCH no case name contains 'no-such-case'\n {2}hint: Cases: hello, wrong-expectation\.$/m],
    [['--cases', CASES, '--condition', 'no-hfv'], /^flakecase: E_NO_MATCH no selected case declares condition 'no-hfv'/m],
    [['--cases', CASES, '--flake-input', 'nixfiles=/nonexistent'], /^flakecase: E_FLAKE_INPUT --flake-input nixfiles=\/nonexistent: \/nonexistent has no flake\.nix/m],
    [['--concurrency', '-1'], /error: option '-j, --concurrency <n>' argument '-1' is invalid/],
  ])('%j', { timeout: SLOW }, async (args, message) => {
    const r = await cli(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('a case.yaml error prints file:line:col, the source line and the hint', { timeout: SLOW }, async () => {
    const r = await cli(['--cases', join(FIX, 'broken-cases')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/typo\/case\.yaml:6:3 SPEC_UNKNOWN_CONDITION conditions\.no-hfv: unknown condition 'no-hfv'\n {2}6 \| {3}no-hfv:\n {4}\| {3}\^\n {2}hint: Did you mean 'no-hvf'\?/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe('');
  });

  it('--help and --version exit 0', { timeout: SLOW }, async () => {
    const h = await cli(['--help']);
    expect(h.exitCode).toBe(0);
    expect(h.stdout).toMatch(/^Usage: flakecase \[options\] \[command\] \[case-filter\.\.\.\]/);
    const v = await cli(['--version']);
    expect(v.exitCode).toBe(0);
    expect(v.stdout).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });
});

describe('an unexpected error', () => {
  it('prints the stack and asks for a report (exit 2)', async () => {
    const err: string[] = [];
    const io: CliIO = { stdout: { write: () => true }, stderr: { write: (s: string) => err.push(s) }, env: {}, cwd: REPO };
    const boom = () => Promise.reject(new TypeError('cannot read properties of undefined'));
    const code = await main(['--cases', CASES], io, { openSuite: boom, version: '9.9.9' });
    expect(code).toBe(2);
    const text = err.join('');
    expect(text).toMatch(/^flakecase: internal error: this is a bug in flakecase, not in your cases\.\nPlease open an issue in the flakecase repository with this text and the command you ran \(flakecase 9\.9\.9, node v\d+/);
    expect(text).toMatch(/TypeError: cannot read properties of undefined\n\s+at /);
  });
});
