export { runInit, writeStarter, type InitOutcome } from './init.ts';
export { starterFiles, type StarterFile } from './starter-files.ts';
