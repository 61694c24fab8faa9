// Stages after build. The qemu stage reads a builder's command line; its record in
// TaskResult.extra is read back through qemuOutcomeOf / qemuFactsOf.
export { runQemuStage, QEMU_STAGE_TIMEOUT_MS, type QemuStageInput, type QemuStageRun } from './qemu-stage.ts';
export {
  QEMU_EXTRA_KEY,
  qemuFactsOf,
  qemuOutcomeOf,
  type DynamicMode,
  type QemuFailureCode,
  type QemuStageFacts,
  type QemuStageOutcome,
  type QemuVersionSource,
} from './qemu-result.ts';
export { DEFAULT_QEMU_VERSION, parseQemuVersion, qemuVersionFor } from './qemu-version.ts';
export { hostForParts } from './host-for-condition.ts';
export { describeDiffs, describeQemuFacts, showArgv } from './describe-qemu.ts';
export { realQemuExpectation, type RealQemuExpectation } from './real-qemu-expectation.ts';
