export { checkTask, type ExtraCheck } from './check-task.ts';
export { describeOutcome } from './check-build.ts';
export { drvName } from './check-error.ts';
export type { Mismatch } from './mismatch.ts';
