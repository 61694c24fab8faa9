// All expectations of one condition against one task result. Pure. The qemu check is always
// on: a qemu block must never pass because nothing looked at it.
import type { TaskResult } from '../result/index.ts';
import type { CaseCondition } from '../spec/index.ts';
import { checkBuild } from './check-build.ts';
import { checkError } from './check-error.ts';
import { checkOutputs } from './check-outputs.ts';
import { checkQemu } from './check-qemu.ts';
import type { Mismatch } from './mismatch.ts';

export type ExtraCheck = (cc: CaseCondition, result: TaskResult) => Mismatch[];

export function checkTask(cc: CaseCondition, result: TaskResult, extra: readonly ExtraCheck[] = []): Mismatch[] {
  const name = cc.condition.name;
  const e = cc.expect;
  const uniform = new Set(Object.values(e.build)).size <= 1;
  return [
    ...checkBuild(name, e, result.targets, uniform),
    ...checkError(name, e.error, result.targets, result.vars, result.nixVersion, result.stages),
    ...checkOutputs(name, e.outputs, result.outputs, result.vars),
    ...checkQemu(cc, result),
    ...extra.flatMap((x) => x(cc, result)),
  ];
}
