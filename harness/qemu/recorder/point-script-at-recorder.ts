/**
 * Rewrites the store-path tools a copied nixpkgs script calls, so it can run on a machine
 * without those store paths: qemu-system-* and qemu-img go to the recorder
 * (qemu-recorder.sh, installed under those names), other tools to whatever the caller maps
 * them to (a stub, or null to leave them). Pure text in, text out; arguments that are store
 * paths but not `.../bin/<tool>` (a kernel, an initrd) are left alone.
 */

export interface StoreTool {
  /** `/nix/store/<hash>-<name>` */
  readonly storePath: string;
  /** The program name after /bin/. */
  readonly tool: string;
  /** The whole matched path. */
  readonly path: string;
}

export interface Rewrite {
  readonly text: string;
  readonly replaced: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

const STORE_TOOL = /\/nix\/store\/[0-9a-df-np-sv-z]{32}-[A-Za-z0-9+._?=-]+\/bin\/[A-Za-z0-9+._-]+/g;

export function rewriteStoreTools(text: string, replace: (tool: StoreTool) => string | null): Rewrite {
  const replaced: Array<{ from: string; to: string }> = [];
  const out = text.replace(STORE_TOOL, (path) => {
    const cut = path.indexOf('/bin/');
    const to = replace({ storePath: path.slice(0, cut), tool: path.slice(cut + 5), path });
    if (to === null) return path;
    replaced.push({ from: path, to });
    return to;
  });
  return { text: out, replaced };
}

/** Maps qemu-system-* and qemu-img to `<recorderBin>/<tool>` and leaves everything else. */
export function toRecorder(recorderBin: string): (tool: StoreTool) => string | null {
  return ({ tool }) => (/^qemu-(system-[A-Za-z0-9_]+|img)$/.test(tool) ? `${recorderBin}/${tool}` : null);
}

/** The recorder script shipped beside this file. */
export const RECORDER_SCRIPT = new URL('./qemu-recorder.sh', import.meta.url);
