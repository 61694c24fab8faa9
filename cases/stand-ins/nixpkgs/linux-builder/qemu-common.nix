# nixos/lib/qemu-common.nix (read at NixOS/nixpkgs 04b74253f4f4b145debeb234aae1019d6b33eca5):
# the qemu binary and machine line per (host, guest). For an aarch64-darwin host and an
# aarch64-linux guest upstream writes
#   <qemu>/bin/qemu-system-aarch64 -machine virt,gic-version=2,accel=hvf:tcg -cpu max
# on ONE line; the story's sed removes `,accel=hvf:tcg` from exactly this text.
{ lib }:
{
  qemuSerialDevice = guestPlatform: if guestPlatform.isx86 then "ttyS0" else "ttyAMA0";

  qemuBinary = { qemuPkg, hostPlatform, guestPlatform }:
    let
      bin = name: "${qemuPkg}/bin/${name}";
      onLinuxHost = {
        x86_64-linux = "${bin "qemu-system-x86_64"} -machine type=q35,accel=kvm:tcg -cpu max";
        aarch64-linux = "${bin "qemu-system-aarch64"} -machine virt,gic-version=max,accel=kvm:tcg -cpu max";
      };
      onOtherHost = {
        aarch64-darwin = {
          aarch64-linux = "${bin "qemu-system-aarch64"} -machine virt,gic-version=2,accel=hvf:tcg -cpu max";
          x86_64-linux = "${bin "qemu-system-x86_64"} -machine type=q35,accel=hvf:tcg -cpu max";
        };
        x86_64-darwin = {
          x86_64-linux = "${bin "qemu-system-x86_64"} -machine type=q35,accel=hvf:tcg -cpu max";
        };
      };
      guest = guestPlatform.system;
      host = hostPlatform.system;
    in
    if hostPlatform.isLinux then onLinuxHost.${guest} or (bin "qemu-kvm")
    else (onOtherHost.${host} or (throw "Unsupported host system ${host}, supported: linux, ${lib.concatStringsSep ", " (builtins.attrNames onOtherHost)}")).${guest}
      or (throw "Unsupported guest system ${guest} for host ${host}");
}
