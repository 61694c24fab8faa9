// Test helper: a captured vitest JSON report from fixtures/ (see fixtures/README.md).
import { readFileSync } from 'node:fs';
import { parseVitestReport, type VitestReport } from './vitest-report.ts';

export function loadReport(name: string): VitestReport {
  const r = parseVitestReport(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
