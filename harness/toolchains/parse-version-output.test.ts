import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nixVersionOf, qemuVersionOf } from './parse-version-output.ts';

const harness = fileURLToPath(new URL('../', import.meta.url));
const nixFixtures = join(harness, 'nix/fixtures');
const qemuFixtures = join(harness, 'qemu/fixtures/real-qemu');
const versionFolders = (dir: string) => readdirSync(dir).filter((d) => /^\d+\.\d+\.\d+$/.test(d));

describe('nixVersionOf', () => {
  // Each folder is named after the version its binary reported (scripts/capture-nix-fixtures).
  it.each(versionFolders(nixFixtures))('reads %s from the captured `nix --version`', (v) => {
    expect(nixVersionOf(readFileSync(join(nixFixtures, v, 'version.stdout'), 'utf8'))).toBe(v);
  });

  it('reads Lix and rejects text that is not a version line', () => {
    expect(nixVersionOf('nix (Lix, like Nix) 2.91.1\n')).toBe('2.91.1');
    expect(nixVersionOf('error: unrecognised flag\n')).toBeUndefined();
  });
});

describe('qemuVersionOf', () => {
  it.each(versionFolders(qemuFixtures))('reads %s from the captured `qemu-system-aarch64 --version`', (v) => {
    expect(qemuVersionOf(readFileSync(join(qemuFixtures, v, 'version.stdout'), 'utf8'))).toBe(v);
  });

  it('rejects output without the version line', () => {
    expect(qemuVersionOf('qemu-system-aarch64: invalid accelerator hvf\n')).toBeUndefined();
  });
});
