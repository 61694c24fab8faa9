export { flakecaseCacheDir } from './cache-dir.ts';
export { evaluateCase, overridesFor, type EvaluatedCase, type EvaluatedTarget } from './evaluate-case.ts';
export { runTask, type TaskDeps } from './run-task.ts';
export { openSuite, type SetupError, type Suite, type SuiteOptions, type TaskOutcome } from './suite.ts';
export { observeStages, type TaskEvent } from './observe-stages.ts';
export { nodeHostSystem, planOnlyReason, runPlanOnly, splitExpectations, type PlanOnlyFacts, type SkippedCheck, type StaticTargetFacts } from './plan-only.ts';
export { interruptible, makeTempRoot, removeTree } from './temp-root.ts';
export { seedUpstreamCache, type SeededCache } from './upstream-cache.ts';
