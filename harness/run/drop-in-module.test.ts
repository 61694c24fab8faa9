import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyDropIn } from './drop-in-module.ts';

const root = mkdtempSync(join(tmpdir(), 'dropin-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function standIn(): string {
  const dir = join(root, 'nix-darwin');
  mkdirSync(join(dir, 'modules', 'nix'), { recursive: true });
  writeFileSync(join(dir, 'flake.nix'), '{ outputs = _: {}; }');
  writeFileSync(join(dir, 'modules', 'nix', 'linux-builder.nix'), 'stand-in');
  return dir;
}

describe('applyDropIn', () => {
  it('leaves inputs alone without the variable', async () => {
    const r = await applyDropIn({ 'nix-darwin': standIn(), nixpkgs: '/x/nixpkgs' }, join(root, 'w1'), {});
    expect(r).toEqual({ ok: true, overrides: { 'nix-darwin': `path:${join(root, 'nix-darwin')}`, nixpkgs: 'path:/x/nixpkgs' } });
  });

  it('swaps the module in a copy and never in the original', async () => {
    const dir = standIn();
    const upstream = join(root, 'upstream.nix');
    writeFileSync(upstream, 'upstream text');
    const r = await applyDropIn({ 'nix-darwin': dir }, join(root, 'w2'), { FLAKECASE_LINUX_BUILDER_MODULE: upstream });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const copy = r.overrides['nix-darwin']!.replace(/^path:/, '');
    expect(copy).not.toBe(dir);
    expect(readFileSync(join(copy, 'modules', 'nix', 'linux-builder.nix'), 'utf8')).toBe('upstream text');
    expect(readFileSync(join(dir, 'modules', 'nix', 'linux-builder.nix'), 'utf8')).toBe('stand-in');
  });

  it('says what to do when the named file is missing', async () => {
    const r = await applyDropIn({ 'nix-darwin': standIn() }, join(root, 'w3'), { FLAKECASE_LINUX_BUILDER_MODULE: '/no/such.nix' });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('FLAKECASE_LINUX_BUILDER_MODULE=/no/such.nix: no such file') });
  });
});

describe('applyDropIn, concurrently', () => {
  it('makes one copy when several cases ask at once', async () => {
    const dir = standIn();
    const upstream = join(root, 'upstream2.nix');
    writeFileSync(upstream, 'upstream text');
    const env = { FLAKECASE_LINUX_BUILDER_MODULE: upstream };
    const results = await Promise.all([1, 2, 3, 4].map(() => applyDropIn({ 'nix-darwin': dir }, join(root, 'w4'), env)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.overrides['nix-darwin'] : '')))).toEqual(new Set([`path:${join(root, 'w4', 'drop-in-nix-darwin')}`]));
  });
});
