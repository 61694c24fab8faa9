import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readStoreText, resolveInStore, storeFileExists } from './store-files.ts';

const root = mkdtempSync(join(tmpdir(), 'flakecase-chroot-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const VM = '/nix/store/80pj7qysx2bhsyh5x3brazf2dgdilrym-nixos-vm';
const RUN = '/nix/store/ajf6ypmhchracn5i5xq2xkksw6blvl7r-run-nixos-vm';
mkdirSync(join(root, VM, 'bin'), { recursive: true });
writeFileSync(join(root, RUN), '#!/bin/sh\nexec qemu\n');
// As nix builds it: an absolute link to another store path, plus a relative one.
symlinkSync(RUN, join(root, VM, 'bin/run-nixos-vm'));
symlinkSync('run-nixos-vm', join(root, VM, 'bin/run-again'));
symlinkSync(`${VM}/bin/run-nixos-vm`, join(root, VM, 'bin/chain'));

it('resolves absolute store symlinks inside the chroot, not on the host', () => {
  expect(resolveInStore(root, `${VM}/bin/run-nixos-vm`)).toBe(join(root, RUN));
  expect(resolveInStore(root, `${VM}/bin/run-again`)).toBe(join(root, RUN));
  expect(resolveInStore(root, `${VM}/bin/chain`)).toBe(join(root, RUN));
  expect(readStoreText(root, `${VM}/bin/run-nixos-vm`)).toMatchObject({ ok: true, text: '#!/bin/sh\nexec qemu\n' });
});

it('reports what is missing', () => {
  expect(resolveInStore(root, `${VM}/bin/create-builder`)).toBeNull();
  expect(storeFileExists(root, `${VM}/bin/create-builder`)).toBe(false);
  expect(storeFileExists(root, `${VM}/bin/chain`)).toBe(true);
  expect(storeFileExists(root, `${VM}/bin`)).toBe(false);
  expect(readStoreText(root, '/nix/store/nothing')).toEqual({ ok: false, message: expect.stringContaining('does not exist in the task store') });
});

it('gives up on a symlink loop', () => {
  symlinkSync('/nix/store/loop', join(root, 'nix/store/loop'));
  expect(resolveInStore(root, '/nix/store/loop')).toBeNull();
});
