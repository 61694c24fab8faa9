import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVitestReport, statusOf } from './vitest-report.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseVitestReport', () => {
  it('reads a real case-suite report: every test with its describe path, status and failure', () => {
    const r = parseVitestReport(fixture('cases-nix-2.8.0.json'), 'cases-nix-2.8.0.json');
    if (!r.ok) throw new Error(r.error);
    expect(r.value.success).toBe(false);
    expect(r.value.files).toHaveLength(1);
    const tests = r.value.files[0]?.tests ?? [];
    expect(tests).toHaveLength(27);
    expect(tests[0]).toMatchObject({ ancestors: ['nix 2.8.0', 'custom-config'], title: 'custom-config › hvf', status: 'pass' });
    const failed = tests.filter((t) => t.status === 'fail');
    expect(failed.map((t) => t.title)).toEqual(['default-builder › hvf', 'default-builder › no-builder', 'default-builder › no-hvf']);
    expect(failed[0]?.failureMessages[0]).toMatch(/linux-builder/);
  });

  it('keeps a file that failed to load, and maps skipped and todo tests to skip', () => {
    const r = parseVitestReport(fixture('edge-cases.json'), 'edge-cases.json');
    if (!r.ok) throw new Error(r.error);
    const broken = r.value.files.find((f) => f.file.endsWith('import-fails.test.ts'));
    expect(broken).toMatchObject({ failed: true, tests: [] });
    expect(broken?.message).toMatch(/cannot load this file/);
    const statuses = r.value.files.flatMap((f) => f.tests.map((t) => `${t.title}=${t.status}/${t.vitestStatus}`));
    expect(statuses).toEqual(expect.arrayContaining(['skipped one=skip/skipped', 'a todo=skip/todo', 'passes=pass/passed']));
  });

  it('refuses text that is not JSON, and JSON that is not a vitest report, saying which file', () => {
    const notJson = parseVitestReport('{"success": tr', '/tmp/x.json');
    expect(notJson).toMatchObject({ ok: false, error: expect.stringMatching(/^\/tmp\/x\.json: not JSON/) });
    const notReport = parseVitestReport('{"success": true, "testResults": [{"name": 3}]}', '/tmp/y.json');
    expect(notReport).toMatchObject({ ok: false, error: expect.stringMatching(/not a vitest JSON report[\s\S]*testResults/) });
  });

  it('maps every vitest status word', () => {
    expect(['passed', 'failed', 'skipped', 'todo', 'pending'].map(statusOf)).toEqual(['pass', 'fail', 'skip', 'skip', 'skip']);
  });
});
