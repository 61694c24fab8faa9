import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { quoteArg, quoteCommand } from './escape.ts';

// The quoted command must survive a real shell round trip: bash parses it back into the argv.
function roundTrip(argv: string[]): string[] {
  const script = `${quoteCommand(['printf', '%s\\0', ...argv])}`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('quoteArg', () => {
  it('leaves plain words and flake refs alone', () => {
    expect(quoteArg('path:/tmp/x#darwinConfigurations.ci.system')).toBe('path:/tmp/x#darwinConfigurations.ci.system');
    expect(quoteArg('--option')).toBe('--option');
  });

  it('quotes empty strings and spaces', () => {
    expect(quoteArg('')).toBe("''");
    expect(quoteArg('nix-command flakes')).toBe("'nix-command flakes'");
  });

  it.each([
    [["it's", 'a b', '', '$HOME', '`x`', '\\', '*']],
    [['line1\nline2', 'tab\there', "both ' and \n"]],
    [['/bin/sh=/bin/busybox /bin/busybox', 'a;b|c&d']],
  ])('round-trips through bash: %j', (argv) => {
    expect(roundTrip(argv)).toEqual(argv);
  });

  it('puts environment assignments first', () => {
    expect(quoteCommand(['nix', 'build'], { QEMU_OPTS: '-machine gic-version=3' })).toBe(
      "QEMU_OPTS='-machine gic-version=3' nix build",
    );
  });
});
