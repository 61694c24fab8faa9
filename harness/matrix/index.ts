// The version matrix: the case suite per Nix release and the real-QEMU tests, read from vitest's
// JSON reports into rows, compared across releases, and rendered as one report.
export { caseRowsFrom, realQemuCheckOf } from './case-rows.ts';
export { differenceLines, diffVersions, type Cell, type DifferenceLine, type VersionDifference } from './diff-versions.ts';
export { groupFailures, type FailureGroup } from './group-failures.ts';
export { MATRIX_SUITES, planMatrix, type MatrixPlan, type NixTarget, type QemuTarget } from './plan.ts';
export { qemuRowsFrom } from './qemu-rows.ts';
export { caseQemuTable, nixTable, qemuTable } from './render-tables.ts';
export { renderReport, summaryLine, type ReportContext, type Timing, type ToolchainLine } from './render-report.ts';
export { runVitest, type VitestRun, type VitestRunOptions } from './run-vitest.ts';
export type { CaseRow, QemuRow, Status } from './status.ts';
export { decide, type MatrixInput, type MatrixVerdict, type MissingToolchain, type NixRun, type QemuRun, type RunOutcome } from './verdict.ts';
export { parseVitestReport, type VitestReport } from './vitest-report.ts';
