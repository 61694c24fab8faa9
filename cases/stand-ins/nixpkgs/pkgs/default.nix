# The stand-in package set for one system (what `nixpkgs.legacyPackages.<system>` is).
{ lib, system, pkgsFor }:
let
  pkgs = rec {
    inherit lib system;
    path = ../.;

    tools = import ./busybox-tools.nix { inherit lib system; };
    inherit (tools) coreutils gnused gnugrep diffutils findutils gawk bash;
    runtimeShell = "${bash}/bin/bash";

    stdenv = import ./build-support/stdenv.nix {
      inherit lib system;
      inherit (tools) stdenvTools;
      shell = runtimeShell;
    };
    stdenvNoCC = stdenv;
    buildPlatform = stdenv.buildPlatform;
    hostPlatform = stdenv.hostPlatform;

    trivialBuilders = import ./build-support/trivial-builders.nix { inherit lib stdenv runtimeShell; };
    inherit (trivialBuilders) runCommand runCommandLocal runCommandNoCC runCommandWith writeTextFile
      writeText writeTextDir writeScript writeScriptBin writeShellScript writeShellScriptBin closureInfo;

    inherit (import ./stub-tools.nix { inherit lib runCommand runtimeShell; }) gnutar e2fsprogs erofs-utils;

    recorders = import ./recorder { inherit lib runCommand runtimeShell gnused; };
    qemu = recorders.qemu "qemu-9.1.2";
    # nixpkgs: qemu.override { hostCpuOnly = true; }, what qemu-vm.nix picks when host and
    # guest share the cpu architecture (aarch64-darwin host, aarch64-linux guest).
    qemu_kvm = recorders.qemu "qemu-host-cpu-only-9.1.2";
    qemu_test = qemu_kvm;

    hostPrograms = import ./host-programs.nix {
      inherit lib runCommand runtimeShell coreutils;
      inherit (recorders) mkRecorder;
    };
    inherit (hostPrograms) openssh nix;
    nixVersions.stable = nix;

    darwin = rec {
      linux-builder = import ../linux-builder { inherit lib pkgs pkgsFor; };
      linux-builder-x86_64 = linux-builder.override {
        modules = [ { nixpkgs.hostPlatform = "x86_64-linux"; } ];
      };
    };

    # Stand-in only (not in nixpkgs): host programs a harness provides when it runs scripts.
    flakecase = {
      inherit (hostPrograms) host-sudo;
      inherit (recorders) mkRecorder;
    };

    callPackage = lib.callPackageWith pkgs;
  };
in
pkgs
