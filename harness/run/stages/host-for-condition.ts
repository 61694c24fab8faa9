// The accelerator model's host for a condition. Built-in conditions map as
// harness/qemu hostForCondition does (hvf, no-builder: Apple-silicon Mac; no-hvf: GitHub
// runner); declared ones (`simulate:`) carry their own HVF part, so the mapping goes by it.
import type { ConditionParts } from '../../conditions/index.ts';
import { appleSiliconMac, githubMacosRunner, linuxWithoutKvm, type HostProfile, type QemuVersion } from '../../qemu/index.ts';

export function hostForParts(parts: Pick<ConditionParts, 'hvf'>, version: QemuVersion): HostProfile {
  switch (parts.hvf) {
    case 'available':
      return appleSiliconMac(version);
    case 'unusable':
      return githubMacosRunner(version);
    case 'absent':
      return linuxWithoutKvm(version);
    default: {
      const never: never = parts.hvf;
      return never;
    }
  }
}
