// --junit FILE: JUnit XML as CI services read it. A case is a <testsuite>, a condition a
// <testcase>; a failed task carries <failure> with the expectations and the nix re-run command,
// a task with unchecked expectations carries <skipped> with the reasons (never a pass).
import type { Reporter, ReporterContext, ReporterOptions } from './reporter.ts';
import type { RunReport } from './run-report.ts';
import type { TaskReport } from './task-report.ts';

// XML 1.0 allows only these characters; nix output may hold others (ANSI escapes).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd]/gu;

export function escapeXml(s: string): string {
  return s
    .replace(INVALID_XML, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(t: TaskReport): string {
  const first = t.mismatches[0]?.where ?? t.skipped[0]?.where;
  const attrs = [
    `name="${escapeXml(t.condition)}"`,
    `classname="${escapeXml(t.caseName)}"`,
    `time="${seconds(t.durationMs)}"`,
    `file="${escapeXml(t.caseFile)}"`,
    ...(first ? [`line="${first.line}"`] : []),
  ].join(' ');
  switch (t.status) {
    case 'passed':
      return `    <testcase ${attrs}/>`;
    case 'failed': {
      const message = `${t.mismatches.length} expectation(s) not met${t.stage ? ` (stage ${t.stage})` : ''}: ${t.mismatches[0]?.path ?? ''}; re-run: ${t.reproduce}`;
      return [
        `    <testcase ${attrs}>`,
        `      <failure message="${escapeXml(message)}" type="${escapeXml(t.stage ?? 'expectation')}">${escapeXml(t.failureText ?? message)}</failure>`,
        `    </testcase>`,
      ].join('\n');
    }
    case 'skipped': {
      const lines = t.skipped.map((s) => `${s.where ? `${s.where.file}:${s.where.line}:${s.where.col} ` : ''}${s.path}: ${s.reason}`);
      return [
        `    <testcase ${attrs}>`,
        `      <skipped message="${escapeXml(`${t.skipped.length} expectation(s) not checked: ${t.skipped[0]?.reason ?? ''}`)}"/>`,
        `      <system-out>${escapeXml(lines.join('\n'))}</system-out>`,
        `    </testcase>`,
      ].join('\n');
    }
    default: {
      const never: never = t.status;
      return never;
    }
  }
}

export function renderJunit(report: RunReport): string {
  const byCase = new Map<string, TaskReport[]>();
  for (const t of report.tasks) byCase.set(t.caseName, [...(byCase.get(t.caseName) ?? []), t]);
  const suites = [...byCase].map(([name, tasks]) => {
    const n = (s: TaskReport['status']) => tasks.filter((t) => t.status === s).length;
    const time = tasks.reduce((a, t) => a + t.durationMs, 0);
    const attrs = `name="${escapeXml(name)}" tests="${tasks.length}" failures="${n('failed')}" errors="0" skipped="${n('skipped')}" time="${seconds(time)}" timestamp="${escapeXml(report.meta.startedAt)}" hostname="${escapeXml(report.meta.hostname)}" file="${escapeXml(tasks[0]?.caseFile ?? '')}"`;
    return [`  <testsuite ${attrs}>`, ...tasks.map(testcase), '  </testsuite>'].join('\n');
  });
  const c = report.counts;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="flakecase" tests="${report.tasks.length}" failures="${c.failed}" errors="0" skipped="${c.skipped}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

export class JunitReporter implements Reporter {
  constructor(
    private readonly ctx: ReporterContext,
    private readonly options: ReporterOptions,
  ) {}

  async onRunEnd(report: RunReport): Promise<void> {
    if (this.options.file) await this.ctx.writeFile(this.options.file, renderJunit(report), 'replace');
  }
}
