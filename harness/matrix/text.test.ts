import { describe, expect, it } from 'vitest';
import { loadReport } from './load-fixture.ts';
import { compareVersions, failureSummary, firstLine } from './text.ts';

describe('failureSummary', () => {
  it("prefers the first `actual:` line of the case suite's failure text (real 2.8.0 failure)", () => {
    const message = loadReport('cases-nix-2.8.0.json').files[0]?.tests.find((t) => t.status === 'fail')?.failureMessages[0] ?? '';
    expect(failureSummary(message)).toBe('actual: it references: linux-builder-start<');
  });

  it('falls back to the first line without colour codes, cut to a cell', () => {
    expect(failureSummary('\u001b[31mError: boom\u001b[39m\n  at x')).toBe('Error: boom');
    expect(firstLine(`\n\n${'x'.repeat(300)}`, 10)).toBe('xxxxxxxxx…');
  });
});

describe('compareVersions', () => {
  it('orders releases numerically', () => {
    expect(['2.34.8', '2.8.0', '2.26.3', '11.1.3', '7.2.22', '10.0.13'].sort(compareVersions)).toEqual(['2.8.0', '2.26.3', '2.34.8', '7.2.22', '10.0.13', '11.1.3']);
  });
});
