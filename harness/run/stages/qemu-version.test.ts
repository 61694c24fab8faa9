import { describe, expect, it } from 'vitest';
import { DEFAULT_QEMU_VERSION, parseQemuVersion, qemuVersionFor } from './qemu-version.ts';

const STAND_IN_QEMU = '/nix/store/qp5m4knfximx90ypk09jprb1bhkid341-qemu-host-cpu-only-9.1.2/bin/qemu-system-aarch64';

describe('qemuVersionFor', () => {
  it("takes the condition's version first, as major.minor", () => {
    expect(qemuVersionFor('11.1', STAND_IN_QEMU)).toEqual({ ok: true, version: '11.1', source: { from: 'condition', written: '11.1' } });
    expect(qemuVersionFor('11.1.3', STAND_IN_QEMU)).toMatchObject({ ok: true, version: '11.1' });
  });

  it('refuses a condition version that is not one', () => {
    expect(qemuVersionFor('latest', STAND_IN_QEMU)).toEqual({ ok: false, message: expect.stringContaining('"latest" is not a QEMU version') });
  });

  it("otherwise reads the release from the builder's qemu store path", () => {
    expect(qemuVersionFor(undefined, STAND_IN_QEMU)).toEqual({ ok: true, version: '9.1', source: { from: 'store-path', path: STAND_IN_QEMU } });
    expect(qemuVersionFor(undefined, '/nix/store/qp5m4knfximx90ypk09jprb1bhkid341-qemu-10.0.2/bin/qemu-system-aarch64')).toMatchObject({ version: '10.0' });
  });

  it('falls back to the nixpkgs default, saying why, when the path names no release', () => {
    const r = qemuVersionFor(undefined, '/usr/bin/qemu-system-aarch64');
    expect(r).toMatchObject({ ok: true, version: DEFAULT_QEMU_VERSION, source: { from: 'default' } });
    expect(DEFAULT_QEMU_VERSION).toBe('9.1');
  });

  it('parses versions leniently but not nonsense', () => {
    expect(parseQemuVersion('9')).toBe('9.0');
    expect(parseQemuVersion(' 10.0 ')).toBe('10.0');
    expect(parseQemuVersion('v11')).toBeNull();
  });
});
