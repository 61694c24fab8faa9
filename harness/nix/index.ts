export { createNixAdapter, flakeArgs, type CallContext, type FlakeTarget, type NixAdapter } from './adapter.ts';
export { classifyStderr, stripAnsi } from './classify-stderr.ts';
export { NIX_ERROR_CODES, describeFailure, hintFor, type NixError, type NixFailure, type NixFailureKind, type SourcePosition } from './errors.ts';
export { quoteArg, quoteCommand } from './escape.ts';
export { execNix, makeNixError, type NixRun, type Result } from './exec.ts';
export { detectHostSetup, findNix, type NixBinary } from './find-nix.ts';
export type { BuiltPaths, DerivationInfo, DryRunPlan } from './parse-output.ts';
export type { HostSetup, NixSettings } from './settings.ts';
export type { NixVersion } from './version.ts';
