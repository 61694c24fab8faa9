import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findVmRunner } from './find-vm-runner.ts';

describe('findVmRunner', () => {
  it('finds the run-nixos-vm the late-2024 create-builder runs', () => {
    const script = readFileSync(new URL('./fixtures/create-builder.upstream-2024-12.sh', import.meta.url), 'utf8');
    expect(findVmRunner(script)).toEqual({
      ok: true,
      path: '/nix/store/jl1hry7366zmqqq7wbm95p3cvx7sw9vw-nixos-vm/bin/run-nixos-vm',
      storePath: '/nix/store/jl1hry7366zmqqq7wbm95p3cvx7sw9vw-nixos-vm',
    });
  });

  it('lists the scripts it does see when the runner is one hop further (mid-2025 layout)', () => {
    const script = '#!/bin/sh\n/nix/store/0rga3ri1m04cn8wr2lw45gmcc2k79a1r-add-keys/bin/add-keys\nexec /nix/store/zy352ab1xwz8c0jza51g621vxrjfb8hb-run-builder/bin/run-builder\n';
    const r = findVmRunner(script);
    expect(r.ok ? null : r.error).toEqual({
      code: 'RUNNER_NOT_FOUND',
      message: expect.any(String),
      candidates: [
        '/nix/store/0rga3ri1m04cn8wr2lw45gmcc2k79a1r-add-keys/bin/add-keys',
        '/nix/store/zy352ab1xwz8c0jza51g621vxrjfb8hb-run-builder/bin/run-builder',
      ],
    });
  });

  it('refuses to guess between two runners', () => {
    const a = '/nix/store/jl1hry7366zmqqq7wbm95p3cvx7sw9vw-nixos-vm/bin/run-nixos-vm';
    const b = '/nix/store/rf4skb5990l4jjg3avhkv0wg0zgy1ll1-nixos-vm/bin/run-nixos-vm';
    expect(findVmRunner(`${a}\n${b}\n${a}\n`)).toMatchObject({ ok: false, error: { code: 'RUNNER_AMBIGUOUS', candidates: [a, b] } });
  });

  it('ignores paths whose hash is not 32 nix-base32 characters', () => {
    expect(findVmRunner('/nix/store/abc-nixos-vm/bin/run-nixos-vm').ok).toBe(false);
  });
});
