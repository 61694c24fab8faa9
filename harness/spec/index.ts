export { formatSpecProblem, type LinePos, type SpecError, type SpecErrorCode, type SpecWarning } from './errors.ts';
export { discoverCases, loadCase, type LoadResult } from './load-case.ts';
export { DEFAULT_TIMEOUT_MS, resolveCase } from './resolve.ts';
export type { BuildExpectation, CaseCondition, LinuxBuilderRef, ResolvedCase, ResolvedExpectations, ResolvedOutputCheck, ResolvedPhase, ResolvedTarget } from './resolved.ts';
export { caseJsonSchema, compileExpectationRegex, ERROR_CLASSES, type ErrorClass, type ErrorExpectation, type OutputCheck, type QemuExpectationSpec } from './schema.ts';
export { validateCase, type Locator, type ValidateResult } from './validate.ts';
export { loadSuiteConfig, type SuiteConfig, type SuiteConfigResult, type UpstreamEntry } from './suite-config.ts';
export { inRange, parseRange, pickForVersion, type Comparator } from './version-range.ts';
