// The dynamic extraction for a builder whose qemu is real (real nixpkgs): the store is never
// touched; instead copies of create-builder and run-nixos-vm go into the task workspace, with
// (harness/qemu rewriteStoreTools)
//   - run-nixos-vm's qemu-system-* / qemu-img -> the harness recorder (qemu-recorder.sh,
//     symlinked under the tool's name, so the JSON "program" is that name),
//   - tar -> a no-op and mkfs.* -> "create the image file": the Nix store image would
//     otherwise be a tar of the whole VM closure,
//   - create-builder's run-nixos-vm -> the copy, and nix-store -> a stub that prints a store
//     path (`nix-store --add` would write the keys into the store).
// Everything else (coreutils, ssh-keygen, cmp) runs as built. Pure: returns what to write.
import { rewriteStoreTools, toRecorder, type StoreTool } from '../../qemu/index.ts';

export interface CopyPlan {
  /** Directories to create, then files and symlinks to write in them. */
  readonly dirs: readonly string[];
  readonly files: readonly { readonly path: string; readonly text: string; readonly mode: number }[];
  readonly symlinks: readonly { readonly path: string; readonly target: string }[];
  /** The create-builder to run. */
  readonly entry: string;
  readonly replaced: readonly { readonly script: 'create-builder' | 'run-nixos-vm'; readonly from: string; readonly to: string }[];
}

export interface CopyInput {
  readonly workspace: string;
  readonly createBuilder: string;
  /** The run-nixos-vm path as create-builder names it (findVmRunner). */
  readonly runnerPath: string;
  readonly runnerScript: string;
  /** Absolute path of harness/qemu/recorder/qemu-recorder.sh. */
  readonly recorderScript: string;
}

const NOOP = '#!/bin/sh\n# flakecase stub: the Nix store image is not needed to record the qemu line.\nexit 0\n';
const TOUCH_LAST = [
  '#!/bin/sh',
  '# flakecase stub for mkfs.*: creates the image file (the last non-option argument) empty.',
  'last=',
  'for a in "$@"; do case $a in -*) ;; *) last=$a ;; esac; done',
  'if [ -n "$last" ]; then : >> "$last"; fi',
  'exit 0',
  '',
].join('\n');
// `nix-store --add DIR` prints the store path DIR would get; a fixed, valid-looking hash.
const NIX_STORE_ADD = [
  '#!/bin/sh',
  '# flakecase stub for nix-store: `--add PATH` prints a store path and adds nothing.',
  'if [ "${1:-}" != "--add" ] || [ -z "${2:-}" ]; then echo "nix-store (flakecase stub): only --add PATH" >&2; exit 1; fi',
  'printf "/nix/store/00000000000000000000000000000000-%s\\n" "${2##*/}"',
  '',
].join('\n');

export function planRecorderCopy(input: CopyInput): CopyPlan {
  const ws = input.workspace.replace(/\/+$/, '');
  const bin = `${ws}/flakecase-bin`;
  const recorderBin = `${ws}/flakecase-recorder`;
  const stubs = `${ws}/flakecase-stubs`;
  const replaced: Array<CopyPlan['replaced'][number]> = [];
  const recorded = new Set<string>();

  const runnerTool = (tool: StoreTool): string | null => {
    const toRec = toRecorder(recorderBin)(tool);
    if (toRec !== null) {
      recorded.add(tool.tool);
      return toRec;
    }
    if (tool.tool === 'tar') return `${stubs}/noop`;
    if (/^mkfs(\.|$)|^mke2fs$/.test(tool.tool)) return `${stubs}/touch-last`;
    return null;
  };
  const runner = rewriteStoreTools(input.runnerScript, runnerTool);
  replaced.push(...runner.replaced.map((r) => ({ script: 'run-nixos-vm' as const, ...r })));

  const runnerCopy = `${bin}/run-nixos-vm`;
  const pointed = input.createBuilder.split(input.runnerPath).join(runnerCopy);
  if (pointed !== input.createBuilder) replaced.push({ script: 'create-builder', from: input.runnerPath, to: runnerCopy });
  const builder = rewriteStoreTools(pointed, (tool) => (tool.tool === 'nix-store' ? `${stubs}/nix-store` : null));
  replaced.push(...builder.replaced.map((r) => ({ script: 'create-builder' as const, ...r })));

  return {
    dirs: [bin, recorderBin, stubs],
    files: [
      { path: `${bin}/create-builder`, text: builder.text, mode: 0o755 },
      { path: runnerCopy, text: runner.text, mode: 0o755 },
      { path: `${stubs}/noop`, text: NOOP, mode: 0o755 },
      { path: `${stubs}/touch-last`, text: TOUCH_LAST, mode: 0o755 },
      { path: `${stubs}/nix-store`, text: NIX_STORE_ADD, mode: 0o755 },
    ],
    symlinks: [...recorded].sort().map((tool) => ({ path: `${recorderBin}/${tool}`, target: input.recorderScript })),
    entry: `${bin}/create-builder`,
    replaced,
  };
}

/** Is this program text a qemu recorder (the stand-ins' or ours)? Both follow the contract of
 * harness/qemu/read-recording.ts and name its variable; a real QEMU binary does not. */
export function isRecorder(programText: string): boolean {
  return programText.includes('FLAKECASE_QEMU_RECORD');
}
