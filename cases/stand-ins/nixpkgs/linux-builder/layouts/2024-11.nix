# Script layout of the late-2024 revision (the one the story's override was written
# against, Dec 2024). Everything revision-specific about the scripts lives in this file:
#
#   bin/create-builder   (nix-builder-vm.nix at NixOS/nixpkgs 6e5a4e4994a42d50ff90fd02e525e3e0ebcc12d6)
#     set up ./keys, ssh-keygen, sudo install-credentials if /etc/nix differs, then
#     KEYS="$(nix-store --add "$KEYS")" /nix/store/<hash>-nixos-vm/bin/run-nixos-vm
#   /nix/store/<hash>-nixos-vm/bin/run-nixos-vm -> /nix/store/<hash>-run-nixos-vm
#     (qemu-vm.nix system.build.vm and startVM at NixOS/nixpkgs 00008e8eb762c5def2670c20231de50db9bb75b3)
#     disk image, store image, then `exec <qemu> -machine ... \` with one option per line.
#
# The generated text mirrors upstream's line by line (same line breaks, ` \` continuations,
# drives joined by a backslash with no space before it), so a sed/grep that works on one
# works on the other. A later layout (mid-2025: create-builder -> add-keys + run-builder ->
# run-nixos-vm) is a sibling file selected in ../default.nix.
{ config, lib, options, ... }:
let
  cfg = config.virtualisation;
  hostPkgs = cfg.host.pkgs;
  qemu = cfg.qemu.package;
  qemuCommon = import ../qemu-common.nix { inherit lib; };
  builderCfg = config.virtualisation.darwin-builder;
  user = "builder";
  keyType = "ed25519";
  toplevel = config.system.build.toplevel;

  # `continue` joins the lines of one multi-line qemu argument group; upstream uses
  # " \\\n    " for shares and options, and "\\\n    " (no space) for drives.
  continued = lib.concatStringsSep " \\\n    ";
  kv = attrs: lib.concatStringsSep "," (lib.mapAttrsToList (k: v: "${k}=${toString v}") attrs);
  driveLine = idx: d:
    let id = "drive${toString idx}";
    in "-drive ${kv (d.driveExtraOpts // { index = idx; inherit id; "if" = "none"; inherit (d) file; })} "
      + (if cfg.qemu.diskInterface == "scsi"
         then "-device lsi53c895a -device scsi-hd,${kv (d.deviceExtraOpts // { drive = id; })}"
         else "-device virtio-blk-pci,${kv (d.deviceExtraOpts // { drive = id; })}");
  drivesLines = lib.concatStringsSep "\\\n    " (lib.imap1 driveLine cfg.qemu.drives);
  sharesLines = continued (lib.mapAttrsToList (tag: share:
    "-virtfs local,path=${share.source},security_model=${share.securityModel},mount_tag=${tag}") cfg.sharedDirectories);

  storeClosure = hostPkgs.closureInfo {
    rootPaths = [ toplevel (hostPkgs.closureInfo { rootPaths = cfg.additionalPaths; }) ];
  };

  diskImageCreation =
    if cfg.useBootLoader && cfg.useDefaultFilesystems then
      throw "flakecase stand-in: useBootLoader is not modelled"
    else if cfg.useDefaultFilesystems then ''
      createEmptyFilesystemImage "$NIX_DISK_IMAGE" "${toString cfg.diskSize}M"
    ''
    else ''
      # Create an empty disk image without a filesystem.
      ${qemu}/bin/qemu-img create -f qcow2 "$NIX_DISK_IMAGE" "${toString cfg.diskSize}M"
    '';

  startVM = ''
    #! ${hostPkgs.runtimeShell}

    export PATH=${lib.makeBinPath [ hostPkgs.coreutils ]}''${PATH:+:}$PATH

    set -e

    # Create an empty ext4 filesystem image. A filesystem image does not
    # contain a partition table but just a filesystem.
    createEmptyFilesystemImage() {
      local name=$1
      local size=$2
      local temp=$(mktemp)
      ${qemu}/bin/qemu-img create -f raw "$temp" "$size"
      ${hostPkgs.e2fsprogs}/bin/mkfs.ext4 -L nixos "$temp"
      ${qemu}/bin/qemu-img convert -f raw -O qcow2 "$temp" "$name"
      rm "$temp"
    }

    NIX_DISK_IMAGE=$(readlink -f "''${NIX_DISK_IMAGE:-${toString cfg.diskImage}}") || test -z "$NIX_DISK_IMAGE"

    if test -n "$NIX_DISK_IMAGE" && ! test -e "$NIX_DISK_IMAGE"; then
        echo "Disk image do not exist, creating the virtualisation disk image..."

        ${diskImageCreation}
        echo "Virtualisation disk image created."
    fi

    # Create a directory for storing temporary data of the running VM.
    if [ -z "$TMPDIR" ] || [ -z "$USE_TMPDIR" ]; then
        TMPDIR=$(mktemp -d nix-vm.XXXXXXXXXX --tmpdir)
    fi

    ${lib.optionalString cfg.useNixStoreImage ''
      echo "Creating Nix store image..."

      ${hostPkgs.gnutar}/bin/tar --create \
        --absolute-names \
        --verbatim-files-from \
        --transform 'flags=rSh;s|/nix/store/||' \
        --transform 'flags=rSh;s|~nix~case~hack~[[:digit:]]\+||g' \
        --files-from ${storeClosure}/store-paths \
        | ${hostPkgs.erofs-utils}/bin/mkfs.erofs \
          --quiet \
          --force-uid=0 \
          --force-gid=0 \
          -L nix-store \
          -U eb176051-bd15-49b7-9e6b-462e0b467019 \
          -T 0 \
          --tar=f \
          "$TMPDIR"/store.img

      echo "Created Nix store image."
    ''}
    # Create a directory for exchanging data with the VM.
    mkdir -p "$TMPDIR/xchg"

    ${lib.optionalString cfg.useHostCerts ''
      mkdir -p "$TMPDIR/certs"
      if [ -e "$NIX_SSL_CERT_FILE" ]; then
        cp -L "$NIX_SSL_CERT_FILE" "$TMPDIR"/certs/ca-certificates.crt
      else
        echo \$NIX_SSL_CERT_FILE should point to a valid file if virtualisation.useHostCerts is enabled.
      fi
    ''}
    cd "$TMPDIR"

    ${lib.concatImapStrings (idx: size: ''
      test -e "empty${toString (idx - 1)}.qcow2" || ${qemu}/bin/qemu-img create -f qcow2 "empty${toString (idx - 1)}.qcow2" "${toString size}M"
    '') cfg.emptyDiskImages}
    # Start QEMU.
    exec ${qemuCommon.qemuBinary { qemuPkg = qemu; hostPlatform = hostPkgs.stdenv.hostPlatform; guestPlatform = config.nixpkgs.hostPlatform; }} \
        -name ${config.system.name} \
        -m ${toString cfg.memorySize} \
        -smp ${toString cfg.cores} \
        -device virtio-rng-pci \
        ${lib.concatStringsSep " " cfg.qemu.networkingOptions} \
        ${sharesLines} \
        ${drivesLines} \
        ${continued cfg.qemu.options} \
        $QEMU_OPTS \
        "$@"
  '';

  vm = hostPkgs.runCommand "nixos-vm" {
    preferLocalBuild = true;
    meta.mainProgram = "run-${config.system.name}-vm";
  } ''
    mkdir -p $out/bin
    ln -s ${toplevel} $out/system
    ln -s ${hostPkgs.writeScript "run-nixos-vm" startVM} $out/bin/run-${config.system.name}-vm
  '';

  privateKey = "/etc/nix/${user}_${keyType}";
  publicKey = "${privateKey}.pub";

  # Kept short so it is easy to audit before confirming `sudo` (upstream's reason).
  installCredentials = hostPkgs.writeShellScript "install-credentials" ''
    set -euo pipefail

    KEYS="''${1}"
    INSTALL=${hostPkgs.coreutils}/bin/install
    "''${INSTALL}" -g nixbld -m 600 "''${KEYS}/${user}_${keyType}" ${privateKey}
    "''${INSTALL}" -g nixbld -m 644 "''${KEYS}/${user}_${keyType}.pub" ${publicKey}
  '';

  cu = "${hostPkgs.coreutils}/bin";
  createBuilder = hostPkgs.writeShellScriptBin "create-builder" (''
    set -euo pipefail
  '' + lib.optionalString (builderCfg.workingDirectory != ".") ''
    ${cu}/mkdir --parent "${builderCfg.workingDirectory}"
    cd "${builderCfg.workingDirectory}"
  '' + ''
    KEYS="''${KEYS:-./keys}"
    ${cu}/mkdir --parent "''${KEYS}"
    PRIVATE_KEY="''${KEYS}/${user}_${keyType}"
    PUBLIC_KEY="''${PRIVATE_KEY}.pub"
    if [ ! -e "''${PRIVATE_KEY}" ] || [ ! -e "''${PUBLIC_KEY}" ]; then
        ${cu}/rm --force -- "''${PRIVATE_KEY}" "''${PUBLIC_KEY}"
        ${hostPkgs.openssh}/bin/ssh-keygen -q -f "''${PRIVATE_KEY}" -t ${keyType} -N "" -C 'builder@localhost'
    fi
    if ! ${hostPkgs.diffutils}/bin/cmp "''${PUBLIC_KEY}" ${publicKey}; then
      (set -x; sudo --reset-timestamp ${installCredentials} "''${KEYS}")
    fi
    KEYS="$(${hostPkgs.nix}/bin/nix-store --add "$KEYS")" ${lib.getExe vm}
  '');
in
{
  config.system.build.vm = vm;

  config.system.build.macos-builder-installer = createBuilder.overrideAttrs (old: {
    meta = (old.meta or { }) // { platforms = lib.platforms.darwin; };
    passthru = (old.passthru or { }) // {
      # Let users in the repl inspect the config (upstream's words and attributes).
      nixosConfig = config;
      nixosOptions = options;
    };
  });
}
