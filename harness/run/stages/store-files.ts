// Reading files of a chroot store (`--store DIR`: /nix/store/x lives at DIR/nix/store/x) from
// outside it. Store symlinks are absolute (nixos-vm/bin/run-nixos-vm ->
// /nix/store/<hash>-run-nixos-vm), so the host's fs would follow them out of the chroot, into
// the host's /nix/store or nowhere; they are resolved here against the chroot instead.
import { lstatSync, readlinkSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

const MAX_LINKS = 40;

/** The host path of `path` inside the store rooted at `root` ('' = the real /nix/store), with
 * every symlink on the way resolved inside that root; null when something is missing. */
export function resolveInStore(root: string, path: string): string | null {
  let logical = posix.normalize(path);
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    const parts = logical.split('/').filter((p) => p !== '');
    let prefix = '/';
    let relinked = false;
    for (let i = 0; i < parts.length; i++) {
      const next = posix.join(prefix, parts[i] ?? '');
      const host = root === '' ? next : join(root, next);
      let st;
      try {
        st = lstatSync(host);
      } catch {
        return null;
      }
      if (st.isSymbolicLink()) {
        const target = readlinkSync(host);
        const resolved = target.startsWith('/') ? target : posix.join(dirname(next), target);
        logical = posix.normalize(posix.join(resolved, ...parts.slice(i + 1)));
        relinked = true;
        break;
      }
      prefix = next;
    }
    if (!relinked) return root === '' ? logical : join(root, logical);
  }
  return null;
}

export function storeFileExists(root: string, path: string): boolean {
  const host = resolveInStore(root, path);
  if (host === null) return false;
  try {
    return statSync(host).isFile();
  } catch {
    return false;
  }
}

export type ReadResult = { readonly ok: true; readonly text: string; readonly hostPath: string } | { readonly ok: false; readonly message: string };

/** A store file's text (the first `max` bytes). */
export function readStoreText(root: string, path: string, max = 4 * 1024 * 1024): ReadResult {
  const host = resolveInStore(root, path);
  if (host === null) return { ok: false, message: `${path} does not exist in the task store${root === '' ? '' : ` (${root})`}` };
  try {
    const buf = readFileSync(host);
    return { ok: true, text: buf.subarray(0, max).toString('utf8'), hostPath: host };
  } catch (error) {
    return { ok: false, message: `cannot read ${path}: ${(error as Error).message}` };
  }
}
