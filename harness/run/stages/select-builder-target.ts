// Which target's bin/create-builder the qemu stage runs. Pure: the caller says which built
// outputs have one. The `qemu.target` of the condition wins; otherwise the first built target
// (in case.yaml order) whose output has bin/create-builder. A darwinConfiguration's `system`
// is not followed to its launchd daemon: the case names the builder package as a target
// (e.g. darwinConfigurations.ci.config.nix.linux-builder.package).
import type { TargetResult } from '../../result/index.ts';
import { errorSummary } from '../../result/index.ts';
import type { QemuFailureCode } from './qemu-result.ts';

export type Selection =
  | { readonly kind: 'selected'; readonly target: string; readonly out: string }
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'error'; readonly code: QemuFailureCode; readonly message: string };

export function outPathOf(t: TargetResult): string | undefined {
  return t.outcome.status === 'built' ? (t.outcome.outputs.out ?? Object.values(t.outcome.outputs)[0]) : undefined;
}

function whyNotBuilt(t: TargetResult): string {
  switch (t.outcome.status) {
    case 'failed':
    case 'not-evaluated':
      return errorSummary(t.outcome.error);
    case 'skipped':
      return t.outcome.reason;
    case 'built':
      return 'built';
    default: {
      const never: never = t.outcome;
      return never;
    }
  }
}

export function selectBuilderTarget(
  targets: readonly TargetResult[],
  wanted: string | undefined,
  hasCreateBuilder: (out: string) => boolean,
): Selection {
  if (wanted !== undefined) {
    const t = targets.find((x) => x.name === wanted);
    if (!t) return { kind: 'error', code: 'TARGET_UNKNOWN', message: `qemu.target "${wanted}" is not a target of this case (targets: ${targets.map((x) => x.name).join(', ')})` };
    const out = outPathOf(t);
    if (out === undefined) return { kind: 'error', code: 'TARGET_NOT_BUILT', message: `target ${wanted} did not build: ${whyNotBuilt(t)}` };
    if (!hasCreateBuilder(out)) {
      return {
        kind: 'error',
        code: 'NO_CREATE_BUILDER',
        message: `target ${wanted} (${out}) has no bin/create-builder; name the builder package itself as the target (e.g. darwinConfigurations.<name>.config.nix.linux-builder.package)`,
      };
    }
    return { kind: 'selected', target: wanted, out };
  }
  for (const t of targets) {
    const out = outPathOf(t);
    if (out !== undefined && hasCreateBuilder(out)) return { kind: 'selected', target: t.name, out };
  }
  const unbuilt = targets.filter((t) => outPathOf(t) === undefined);
  const reason =
    unbuilt.length > 0
      ? `no built target has bin/create-builder (not built: ${unbuilt.map((t) => `${t.name}: ${whyNotBuilt(t)}`).join('; ')})`
      : 'no target has bin/create-builder';
  return { kind: 'none', reason };
}
