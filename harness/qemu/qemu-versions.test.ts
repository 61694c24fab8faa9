import { describe, expect, it } from 'vitest';
import { compareQemuVersions, KNOWN_QEMU_VERSIONS, qemuVersionFacts } from './qemu-versions.ts';

describe('qemuVersionFacts', () => {
  it('orders versions numerically, not as strings', () => {
    expect(compareQemuVersions('10.0', '9.2')).toBeGreaterThan(0);
    expect([...KNOWN_QEMU_VERSIONS].sort(compareQemuVersions)).toEqual(['7.2', '8.2', '9.1', '9.2', '10.0', '11.1']);
  });

  it('has the per-release facts the model uses', () => {
    expect(KNOWN_QEMU_VERSIONS.map((v) => [v, qemuVersionFacts(v).hvfAssert, qemuVersionFacts(v).hvfRefusesGicV2])).toEqual([
      ['7.2', 'bare', false],
      ['8.2', 'bare', false],
      ['9.1', 'expression', false],
      ['9.2', 'expression', false],
      ['10.0', 'expression', false],
      ['11.1', 'expression', true],
    ]);
    expect(qemuVersionFacts('11.2').hvfRefusesGicV2).toBe(true);
  });
});
