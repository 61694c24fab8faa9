import { describe, expect, it } from 'vitest';
import { capabilitiesOf, parseNixVersion } from './version.ts';

describe('parseNixVersion', () => {
  it.each([
    ['nix (Nix) 2.8.0\n', 'nix', 2, 8, 0],
    ['nix (Nix) 2.26.3', 'nix', 2, 26, 3],
    ['nix (Nix) 2.34.8\n', 'nix', 2, 34, 8],
    ['nix (Lix, like Nix) 2.91.1\nSystem type: aarch64-darwin', 'lix', 2, 91, 1],
    ['nix (Determinate Nix 3.6.2) 2.29.0', 'determinate', 2, 29, 0],
  ])('reads %j', (text, flavor, major, minor, patch) => {
    expect(parseNixVersion(text)).toMatchObject({ flavor, major, minor, patch });
  });

  it('returns undefined for something that is not nix', () => {
    expect(parseNixVersion('bash: nix: command not found')).toBeUndefined();
  });
});

describe('capabilitiesOf', () => {
  it('gives 2.8 the old subcommands and the bare drv path', () => {
    const c = capabilitiesOf(parseNixVersion('nix (Nix) 2.8.0')!);
    expect(c).toEqual({ derivationShow: ['show-derivation'], printOutPaths: false, drvOutputsSuffix: '', evalStore: false });
  });
  it('gives 2.26 the new ones', () => {
    const c = capabilitiesOf(parseNixVersion('nix (Nix) 2.26.3')!);
    expect(c).toEqual({ derivationShow: ['derivation', 'show'], printOutPaths: true, drvOutputsSuffix: '^*', evalStore: true });
  });
});
