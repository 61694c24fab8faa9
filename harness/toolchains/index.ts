export { findToolchains, defaultToolchainsDir, type FindToolchainsOptions, type SystemTools } from './find-toolchains.ts';
export { parseManifest } from './parse-manifest.ts';
export { nixVersionOf, qemuVersionOf } from './parse-version-output.ts';
export type { NixTool, QemuTool, Result, Toolchain, ToolchainError, ToolchainErrorCode } from './toolchain.ts';
