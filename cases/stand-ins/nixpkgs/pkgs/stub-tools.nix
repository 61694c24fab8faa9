# Host programs that run-nixos-vm calls before qemu, as stubs that succeed and create the
# file they would write, so the script reaches its `exec qemu` line. They emulate nothing;
# only qemu is recorded (see ./recorder).
{ lib, runCommand, runtimeShell }:
let
  stub = name: progs: body: runCommand name { } ''
    mkdir -p $out/bin
    for p in ${lib.concatStringsSep " " progs}; do
      printf '#!%s\n# flakecase stand-in for %s: does no work.\n%s\n' ${runtimeShell} "$p" ${lib.escapeShellArg body} > $out/bin/$p
      chmod +x $out/bin/$p
    done
  '';
  # Create the last non-option argument (the output file of mkfs.*).
  touchLast = ''
    last=
    for a in "$@"; do case $a in -*) ;; *) last=$a ;; esac; done
    if [ -n "$last" ]; then : >> "$last"; fi
    exit 0
  '';
in
{
  gnutar = stub "gnutar-1.35" [ "tar" ] "exit 0";
  e2fsprogs = stub "e2fsprogs-1.47.1" [ "mkfs.ext4" "mke2fs" ] touchLast;
  erofs-utils = stub "erofs-utils-1.8.2" [ "mkfs.erofs" ] touchLast;
}
