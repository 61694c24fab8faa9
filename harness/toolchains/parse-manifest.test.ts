import { describe, expect, it } from 'vitest';
import { parseManifest } from './parse-manifest.ts';

// The shape scripts/fetch-toolchains wrote on this machine (paths shortened).
const WRITTEN = `{
  "version": 1,
  "toolchains": [
    {
      "suite": "bookworm-backports",
      "qemu": { "path": "/c/bookworm-backports/bin/qemu-system-aarch64", "version": "10.0.2", "debianVersion": "1:10.0.2+ds-2+deb13u1~bpo12+1", "extraArgs": ["-L", "/c/bookworm-backports/prefix/usr/share/qemu"] }
    },
    {
      "suite": "sid",
      "nix": { "path": "/c/sid/bin/nix", "version": "2.34.8", "debianVersion": "2.34.8+dfsg-1+b1" },
      "qemu": { "path": "/c/sid/bin/qemu-system-aarch64", "version": "11.1.3", "debianVersion": "1:11.1.3+ds-1", "extraArgs": ["-L", "/c/sid/prefix/usr/share/qemu"] }
    }
  ]
}
`;

describe('parseManifest', () => {
  it('reads every suite the script wrote, with nix and qemu where present', () => {
    const r = parseManifest(WRITTEN, 'manifest.json');
    expect(r).toEqual({
      ok: true,
      value: [
        {
          suite: 'bookworm-backports',
          origin: 'fetched',
          qemu: { path: '/c/bookworm-backports/bin/qemu-system-aarch64', version: '10.0.2', extraArgs: ['-L', '/c/bookworm-backports/prefix/usr/share/qemu'] },
        },
        {
          suite: 'sid',
          origin: 'fetched',
          nix: { path: '/c/sid/bin/nix', version: '2.34.8' },
          qemu: { path: '/c/sid/bin/qemu-system-aarch64', version: '11.1.3', extraArgs: ['-L', '/c/sid/prefix/usr/share/qemu'] },
        },
      ],
    });
  });

  it('accepts an empty list (nothing fetched yet)', () => {
    expect(parseManifest('{"version":1,"toolchains":[]}', 'm.json')).toEqual({ ok: true, value: [] });
  });

  it('reports every problem with its JSON path, not only the first', () => {
    const text = JSON.stringify({
      version: 1,
      toolchains: [
        { suite: 'sid', nix: { path: '', version: '2.34.8' } },
        { suite: 'sid', qemu: { path: '/q', version: '11.1.3', extraArgs: ['-L', 3] } },
        { suite: 'trixie' },
        'nope',
      ],
    });
    const r = parseManifest(text, '/x/manifest.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('TOOLCHAIN_MANIFEST_INVALID');
    expect(r.error.problems).toEqual([
      'toolchains[0].nix.path: expected a non-empty string',
      'toolchains[1].qemu.extraArgs: expected an array of strings',
      'toolchains[2]: has neither nix nor qemu',
      'toolchains[3]: expected an object',
    ]);
    expect(r.error.message).toMatch(/^\/x\/manifest\.json: 4 problem\(s\)/);
    expect(r.error.hint).toMatch(/scripts\/fetch-toolchains/);
  });

  it('rejects a suite listed twice and a manifest version it does not know', () => {
    const entry = { suite: 'sid', nix: { path: '/n', version: '2.34.8' } };
    const r = parseManifest(JSON.stringify({ version: 2, toolchains: [entry, entry] }), 'm.json');
    expect(r.ok ? [] : r.error.problems).toEqual(['version: expected 1, got 2', 'toolchains[1].suite: "sid" is listed twice']);
  });

  it('turns text that is not JSON into a typed error instead of throwing', () => {
    const r = parseManifest('{"version": 1, "toolchains": [', 'm.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('TOOLCHAIN_MANIFEST_INVALID');
  });
});
