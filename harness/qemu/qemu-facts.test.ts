import { describe, expect, it } from 'vitest';
import { QEMU_PROGRAM, storyOverrideArgv, upstreamArgv } from './fixtures/upstream-argv.ts';
import { appleSiliconMac, githubMacosRunner, linuxWithoutKvm } from './host-profile.ts';
import { normaliseArgv, normaliseText } from './normalise-argv.ts';
import { computeQemuFacts } from './qemu-facts.ts';

describe('computeQemuFacts', () => {
  it('summarises the upstream line on a GitHub runner', () => {
    const facts = computeQemuFacts({ program: QEMU_PROGRAM, argv: upstreamArgv('console=ttyAMA0'), host: githubMacosRunner('9.1') });
    const props = Object.fromEntries(Object.entries(facts.machine.props).map(([k, v]) => [k, normaliseText(v)]));
    expect({
      ...facts,
      program: normaliseText(facts.program),
      argv: normaliseArgv(facts.argv).slice(0, 6),
      machine: { ...facts.machine, props },
      host: facts.host.name,
      resolution: facts.resolution.steps,
    }).toMatchInlineSnapshot(`
      {
        "accelerators": {
          "names": [
            "hvf",
            "tcg",
          ],
          "source": "machine",
        },
        "argv": [
          "-machine",
          "virt,gic-version=2,accel=hvf:tcg",
          "-cpu",
          "max",
          "-name",
          "nixos",
        ],
        "boots": false,
        "cpu": "max",
        "cpuProps": {},
        "host": "github-macos-runner/qemu-9.1",
        "machine": {
          "props": {
            "accel": "hvf:tcg",
            "append": "console=ttyAMA0 init=/nix/store/<hash>-nixos-system-nixos-25.05pre-git/init regInfo=/nix/store/<hash>-closure-info/registration console=tty0 console=ttyAMA0,115200n8 ",
            "gic-version": "2",
            "graphics": "off",
            "initrd": "/nix/store/<hash>-initrd-linux-6.6.67/initrd",
            "kernel": "/nix/store/<hash>-nixos-system-nixos-25.05pre-git/kernel",
          },
          "type": "virt",
        },
        "memoryMiB": 3072,
        "messages": [
          "qemu-system-aarch64: Error: ret = HV_UNSUPPORTED (0xfae9400f, at <source location>)",
        ],
        "problems": [],
        "program": "/nix/store/<hash>-qemu-host-cpu-only-9.1.2/bin/qemu-system-aarch64",
        "resolution": [
          {
            "detail": "Hypervisor.framework refuses to create a VM; QEMU aborts",
            "rule": "hvf-unusable-aborts",
          },
        ],
        "smp": 1,
      }
    `);
  });

  it('sees the override boot with the build-time core count', () => {
    const facts = computeQemuFacts({ program: QEMU_PROGRAM, argv: storyOverrideArgv('', 3), host: githubMacosRunner('9.1') });
    expect([facts.resolution.accelerator, facts.boots, facts.smp, facts.machine.props['accel']]).toEqual(['tcg', true, 3, undefined]);
  });

  it('stops at the first parse problem with its location, as QEMU does', () => {
    const facts = computeQemuFacts({ program: 'qemu-system-aarch64', argv: ['-machine', 'virt,accel=hvf:tcg', '-m', '3x', '-bogus'], host: linuxWithoutKvm('7.2') });
    expect(facts.messages).toEqual(["qemu-system-aarch64: -m 3x: Parameter 'size' expects a non-negative number below 2^64"]);
    expect(facts.problems).toHaveLength(2);
    expect([facts.boots, facts.resolution.exit, facts.resolution.failedAt]).toEqual([false, { kind: 'exit', code: 1 }, 'options']);
  });

  it('reports a non-integer -smp before any accelerator', () => {
    const facts = computeQemuFacts({ program: 'q', argv: ['-machine', 'virt', '-smp', 'x'], host: appleSiliconMac('11.1') });
    expect(facts.messages).toEqual(["qemu-system-aarch64: Parameter 'smp.cpus' expects integer"]);
  });
});
