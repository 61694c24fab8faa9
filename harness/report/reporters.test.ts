// Reporter output from run reports captured in real runs (fixtures/README.md), snapshotted
// after stabiliseReport; the JUnit XML is parsed back with a real XML parser.
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderAnnotations } from './annotations.ts';
import { renderSummary } from './github-summary.ts';
import { renderJson } from './json.ts';
import { escapeXml, renderJunit } from './junit.ts';
import { runEndLines, taskEndLines } from './progress-lines.ts';
import type { RunReport } from './run-report.ts';
import { stabiliseReport } from './stabilise-report.ts';

const load = (name: string) => JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')) as RunReport;
const offline = load('run-offline.json');
const locked = load('run-locked.json');
const stable = (s: string) => stabiliseReport(s, offline.meta.hostname);

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
type Case = { '@_name': string; '@_classname': string; failure?: { '@_message': string; '#text': string }; skipped?: { '@_message': string }; 'system-out'?: string };
type Suite = { '@_name': string; '@_tests': string; '@_failures': string; '@_skipped': string; testcase: Case | Case[] };

function parseJunit(xml: string): Suite[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(xml) as { testsuites: { testsuite: Suite | Suite[] } };
  return asArray(doc.testsuites.testsuite);
}

describe('junit', () => {
  it('parses back: a case is a testsuite, a condition a testcase, the failure carries the re-run command', () => {
    const suites = parseJunit(renderJunit(offline));
    expect(suites.map((s) => s['@_name'])).toEqual(['hello', 'nixfiles-example', 'wrong-expectation']);
    const cases = suites.flatMap((s) => asArray(s.testcase));
    expect(cases.map((c) => `${c['@_classname']}/${c['@_name']}`)).toEqual(offline.tasks.map((t) => `${t.caseName}/${t.condition}`));
    const failed = cases.filter((c) => c.failure);
    expect(failed.map((c) => c['@_classname'])).toEqual(['wrong-expectation']);
    const f = failed[0]?.failure;
    expect(f?.['@_message']).toMatch(/1 expectation\(s\) not met \(stage inspect\): conditions\.hvf\.outputs\.0\.matches; re-run: \S*nix .* build /);
    expect(f?.['#text']).toContain('case.yaml:10:18 conditions.hvf.outputs.0.matches');
    expect(suites.find((s) => s['@_name'] === 'wrong-expectation')?.['@_failures']).toBe('1');
  });

  it('marks plan-only tasks skipped with their reasons, never passed', () => {
    const suites = parseJunit(renderJunit(locked));
    const greeting = suites.find((s) => s['@_name'] === 'greeting');
    expect(greeting?.['@_skipped']).toBe('2');
    for (const c of asArray(greeting?.testcase)) {
      expect(c.skipped?.['@_message']).toMatch(/expectation\(s\) not checked: not built: this host is x86_64-linux/);
      expect(c['system-out']).toMatch(/case\.yaml:\d+:\d+ conditions\.[a-z-]+\.build: not built/);
    }
    const ok = suites.find((s) => s['@_name'] === 'locked-eval-error');
    expect(asArray(ok?.testcase)[0]?.skipped).toBeUndefined();
  });

  it('escapes what XML cannot hold', () => {
    expect(escapeXml(`a<b>&"c'\u001b[1m`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;\\x1b[1m');
  });

  it('snapshot', () => {
    expect(stable(renderJunit(offline))).toMatchSnapshot();
  });
});

describe('github summary', () => {
  it('a matrix of cases x conditions with accelerator and boots from the qemu stage, else —', () => {
    const md = renderSummary(offline);
    expect(md).toContain('| case | hvf | no-hvf |');
    expect(md).toMatch(/\| nixfiles-example \| ✅ pass<br>accel: tcg<br>boots: yes \| ✅ pass<br>accel: tcg<br>boots: yes \|/);
    expect(md).toMatch(/\| hello \| ✅ pass<br>accel: —<br>boots: — \|/);
    expect(md).toMatch(/\| wrong-expectation \| ❌ fail<br>accel: —<br>boots: — \| {2}\|/);
    expect(md).toContain('<summary>❌ wrong-expectation › hvf (stage inspect)</summary>');
  });

  it('lists skipped expectations', () => {
    const md = renderSummary(locked);
    expect(md).toContain('## flakecase: 1 passed, 0 failed, 2 skipped (3 expectations not checked)');
    expect(md).toMatch(/- `conditions\.hvf\.outputs\.0` \(.*case\.yaml:11\): reads the built output of hello/);
  });

  it('snapshot', () => {
    expect(stable(renderSummary(offline))).toMatchSnapshot();
  });
});

describe('annotations', () => {
  it('one ::error per failing expectation on its case.yaml line, one line each', () => {
    const t = offline.tasks.find((x) => x.status === 'failed');
    if (!t) throw new Error('fixture has no failed task');
    const lines = renderAnnotations(t);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=[^,]*wrong-expectation\/case\.yaml,line=10,col=18,title=flakecase wrong-expectation › hvf::conditions\.hvf\.outputs\.0\.matches: expected /);
    expect(lines[0]).toContain('%0Astage: inspect%0Are-run: ');
    expect(lines[0]).not.toContain('\n');
  });

  it('skipped expectations are warnings', () => {
    const lines = locked.tasks.flatMap(renderAnnotations);
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^::warning file=.*case\.yaml,line=\d+,col=\d+,title=flakecase greeting › [a-z-]+::conditions\.[a-z-]+\.(build|outputs\.0): not checked: /);
  });

  it('escapes as the runner reads it', () => {
    expect(escapeData('50%\r\nx')).toBe('50%25%0D%0Ax');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(passedAnnotations()).toEqual([]);
  });
});

function passedAnnotations(): string[] {
  return offline.tasks.filter((t) => t.status === 'passed').flatMap(renderAnnotations);
}

describe('json', () => {
  it('round-trips the report', () => {
    expect(JSON.parse(renderJson(offline))).toEqual(offline);
    expect(JSON.parse(renderJson(locked)).tasks[1].result.extra.planOnly.targets[0].name).toBe('real-greeting');
  });
});

describe('console lines', () => {
  it('a failure names the case, condition, stage and the re-run command', () => {
    const t = offline.tasks.find((x) => x.status === 'failed');
    if (!t) throw new Error('fixture has no failed task');
    const text = taskEndLines(t).join('\n');
    expect(text).toMatch(/^FAIL wrong-expectation › hvf \([\d.]+s\) at stage inspect/);
    expect(text).toMatch(/re-run from your checkout:\n\s+\S*nix .*build --no-link/);
  });

  it('a plan-only task lists its skipped expectations and the plan', () => {
    const t = locked.tasks.find((x) => x.caseName === 'greeting' && x.condition === 'hvf');
    if (!t) throw new Error('fixture has no greeting task');
    const text = taskEndLines(t).join('\n');
    expect(text).toMatch(/^SKIP greeting › hvf \([\d.]+s\): 2 expectation\(s\) not checked/);
    expect(text).toContain('plan: 1 derivation(s) to build (1 for aarch64-darwin), 0 path(s) from the cache');
    expect(runEndLines(locked).at(-1)).toMatch(/^1 passed, 0 failed, 2 skipped \(3 expectations not checked\) in [\d.]+s$/);
  });
});
