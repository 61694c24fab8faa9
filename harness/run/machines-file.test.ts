import { describe, expect, it } from 'vitest';
import { parseMachines } from './machines-file.ts';

describe('parseMachines', () => {
  it("reads nix-darwin's linux-builder line (as the stand-in and upstream render it)", () => {
    const { machines, problems } = parseMachines('ssh-ng://builder@linux-builder aarch64-linux /etc/nix/builder_ed25519 4 1 kvm,benchmark,big-parallel - c3NoLWVkMjU1MTkgQUFBQQ==\n');
    expect(problems).toEqual([]);
    expect(machines).toEqual([
      { uri: 'ssh-ng://builder@linux-builder', systems: ['aarch64-linux'], sshKey: '/etc/nix/builder_ed25519', maxJobs: 4, speedFactor: 1, supportedFeatures: ['kvm', 'benchmark', 'big-parallel'], mandatoryFeatures: [] },
    ]);
  });

  it('reads several systems and skips comments and blank lines', () => {
    const { machines } = parseMachines('# builders\n\nssh://b x86_64-linux,aarch64-linux - 2\n');
    expect(machines[0]).toMatchObject({ systems: ['x86_64-linux', 'aarch64-linux'], sshKey: undefined, maxJobs: 2, supportedFeatures: [] });
  });
});
