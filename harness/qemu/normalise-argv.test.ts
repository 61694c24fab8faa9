import { describe, expect, it } from 'vitest';
import { normaliseArgv } from './normalise-argv.ts';

describe('normaliseArgv', () => {
  it('replaces store hashes and temp dirs', () => {
    expect(
      normaliseArgv(
        [
          '/nix/store/b9f5dsr4nz8zyp424bbcajy9k1bp91f9-nixos-system-nixos-25.05pre-git/kernel',
          'local,path=/tmp/nix-vm.AbCdEf1234/xchg,mount_tag=xchg',
          'file=/private/tmp/tmp-4242-Xy9z/store.img',
          'path=/work/task-1/keys',
        ],
        { tempDirs: ['/work/task-1/'] },
      ),
    ).toEqual([
      '/nix/store/<hash>-nixos-system-nixos-25.05pre-git/kernel',
      'local,path=<tmp>/xchg,mount_tag=xchg',
      'file=<tmp>/store.img',
      'path=<tmp>/keys',
    ]);
  });

  it('leaves things that only look like store paths alone', () => {
    expect(normaliseArgv(['/nix/store/abc-short/x', '/nix/store/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee-bad-alphabet'])).toEqual([
      '/nix/store/abc-short/x',
      '/nix/store/eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee-bad-alphabet',
    ]);
  });
});
