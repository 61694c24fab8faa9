// Progress for a task without touching the task's code: the nix operations a task calls tell
// which stage it is in (copy/dry-run/show-derivation = plan, build = build). A task that
// reports its own stages can replace this; until then the display is right for every stage
// that runs nix, and a stage that does not run nix shows as the last one that did.
import type { NixAdapter } from '../nix/index.ts';
import type { StageName } from '../result/index.ts';

export type TaskEvent =
  | { readonly kind: 'stage'; readonly caseName: string; readonly condition: string; readonly stage: StageName }
  | { readonly kind: 'end'; readonly caseName: string; readonly condition: string };

const STAGE_OF: Partial<Record<keyof NixAdapter, StageName>> = {
  evalDrvPath: 'evaluate',
  copyDerivations: 'plan',
  dryRun: 'plan',
  showDerivations: 'plan',
  build: 'build',
};

/** The same adapter, calling `onStage` whenever a call moves the task to another stage. */
export function observeStages(nix: NixAdapter, onStage: (stage: StageName) => void): NixAdapter {
  let last: StageName | undefined;
  const enter = (s: StageName | undefined) => {
    if (s !== undefined && s !== last) {
      last = s;
      onStage(s);
    }
  };
  return new Proxy(nix, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const stage = STAGE_OF[prop as keyof NixAdapter];
      return (...args: unknown[]) => {
        enter(stage);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
