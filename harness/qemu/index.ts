// Public surface of harness/qemu: qemu command lines as values (parse, merge, extract
// statically or from a recording, compare), the accelerator model, and the expectation check.
export { parseCommandLine, optionsNamed } from './parse-command-line.ts';
export type { ParsedCommandLine, ParsedOption, ParseProblem, ParseProblemCode } from './parse-command-line.ts';
export { splitKeyval, splitQemuOpts } from './split-option-string.ts';
export type { OptPair, SplitResult } from './split-option-string.ts';
export { lookupOption } from './qemu-option-table.ts';
export type { OptionSpec, OptionArgKind } from './qemu-option-table.ts';
export { parseMemoryMiB, parseSize } from './parse-size.ts';
export { lastCpu, mergeMachine, mergeMemory, mergeSmp, selectAccelerators } from './merge-options.ts';
export type { AcceleratorRequest, AcceleratorSelection, CpuConfig, MemoryConfig, MergedMachine, SmpConfig } from './merge-options.ts';

export { extractQemuCommand } from './extract-static.ts';
export type { ExtractError, ExtractResult, StaticExtraction, UnresolvedArg } from './extract-static.ts';
export { lexCommand, wordText } from './shell-words.ts';
export type { Segment, ShellEnv, ShellWord } from './shell-words.ts';
export { findVmRunner } from './find-vm-runner.ts';
export type { FindRunnerResult } from './find-vm-runner.ts';

export { pickQemuSystem, readRecording } from './read-recording.ts';
export type { PickResult, RecordedInvocation, Recording, RecordingProblem } from './read-recording.ts';
export { compareExtractions } from './compare-extractions.ts';
export type { ArgDiff, ExtractionComparison, WildcardMatch } from './compare-extractions.ts';
export { RECORDER_SCRIPT, rewriteStoreTools, toRecorder } from './recorder/point-script-at-recorder.ts';
export type { Rewrite, StoreTool } from './recorder/point-script-at-recorder.ts';
export { normaliseArgv, normaliseStorePaths, normaliseText } from './normalise-argv.ts';

export { appleSiliconMac, githubMacosRunner, hostForCondition, linuxWithoutKvm } from './host-profile.ts';
export type { HostProfile, HvfState } from './host-profile.ts';
export { CHANGES, compareQemuVersions, KNOWN_QEMU_VERSIONS, qemuVersionFacts } from './qemu-versions.ts';
export type { KnownQemuVersion, QemuVersion, QemuVersionFacts } from './qemu-versions.ts';
export { resolveAccelerators } from './resolve-accelerators.ts';
export type { AccelResolution, ExitBehaviour, ResolutionStep, RuleId } from './resolve-accelerators.ts';

export { computeQemuFacts } from './qemu-facts.ts';
export type { FactsInput, QemuFacts } from './qemu-facts.ts';
export { checkQemuExpectation, QEMU_EXPECTATION_KEYS } from './check-expectations.ts';
export type { ExpectationVars, Mismatch, QemuExpectation } from './check-expectations.ts';

// Real QEMU (I/O at the edge): run a line made harmless and ask QMP what it built.
export { runRealQemu, modelRelevantLines } from './real/run-real-qemu.ts';
export type { QemuBinary, RealQemuFacts, RealQemuResult } from './real/run-real-qemu.ts';
export { makeHarmless } from './real/make-harmless.ts';
export { findQemuBinaries, majorMinor } from './real/find-qemu-binaries.ts';
export type { FoundQemus } from './real/find-qemu-binaries.ts';
