// Versions as the binaries print them. `nix --version`: "nix (Nix) 2.34.8" (first line);
// `qemu-system-aarch64 --version`: "QEMU emulator version 11.1.3 (Debian 1:11.1.3+ds-1)".
// Fixtures: harness/nix/fixtures/*/version.stdout, harness/qemu/fixtures/real-qemu/*/version.stdout.

export function nixVersionOf(stdout: string): string | undefined {
  return /^nix \([^)]*\) (\d+\.\d+(?:\.\d+)?)/m.exec(stdout)?.[1];
}

export function qemuVersionOf(stdout: string): string | undefined {
  return /^QEMU emulator version (\d+\.\d+(?:\.\d+)?)/m.exec(stdout)?.[1];
}
