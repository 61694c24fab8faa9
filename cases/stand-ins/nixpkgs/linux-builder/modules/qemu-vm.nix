# The options of nixos/modules/virtualisation/qemu-vm.nix that the builder uses, with
# upstream's names, types and defaults, and the values upstream derives from them
# (networking options, shared directories, drives, qemu options, guest file systems).
# Read at NixOS/nixpkgs 00008e8eb762c5def2670c20231de50db9bb75b3; the run-nixos-vm text
# itself is in ../layouts/ (it is what changes between revisions).
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption mkIf mkMerge mkDefault types;
  cfg = config.virtualisation;
  hostPkgs = cfg.host.pkgs;
  qemuCommon = import ../qemu-common.nix { inherit lib; };
  guest = config.nixpkgs.hostPlatform;

  driveModule = {
    options = {
      file = mkOption { type = types.str; };
      driveExtraOpts = mkOption { type = types.attrsOf types.str; default = { }; };
      deviceExtraOpts = mkOption { type = types.attrsOf types.str; default = { }; };
      name = mkOption { type = types.nullOr types.str; default = null; };
    };
  };
  shareModule = {
    options = {
      source = mkOption { type = types.str; };
      target = mkOption { type = types.path; };
      securityModel = mkOption { type = types.enum [ "passthrough" "mapped-xattr" "mapped-file" "none" ]; default = "mapped-xattr"; };
    };
  };
  forwardModule = {
    options = {
      from = mkOption { type = types.enum [ "host" "guest" ]; default = "host"; };
      proto = mkOption { type = types.enum [ "tcp" "udp" ]; default = "tcp"; };
      host.address = mkOption { type = types.str; default = ""; };
      host.port = mkOption { type = types.port; };
      guest.address = mkOption { type = types.str; default = ""; };
      guest.port = mkOption { type = types.port; };
    };
  };
  opt = type: default: mkOption { inherit type default; };
in
{
  options.virtualisation = {
    memorySize = opt types.ints.positive 1024;
    msize = opt types.ints.positive 16384;
    diskSize = opt types.ints.positive 1024;
    diskImage = opt (types.nullOr types.str) "./${config.system.name}.qcow2";
    cores = opt types.ints.positive 1;
    graphics = opt types.bool true;
    sharedDirectories = opt (types.attrsOf (types.submodule shareModule)) { };
    additionalPaths = opt (types.listOf types.path) [ ];
    forwardPorts = opt (types.listOf (types.submodule forwardModule)) [ ];
    restrictNetwork = opt types.bool false;
    writableStore = opt types.bool cfg.mountHostNixStore;
    writableStoreUseTmpfs = opt types.bool true;
    host.pkgs = mkOption { type = types.raw; default = pkgs; description = "Package set for the host-side runner."; };
    qemu = {
      package = opt types.package (if hostPkgs.stdenv.hostPlatform.qemuArch == guest.qemuArch then hostPkgs.qemu_kvm else hostPkgs.qemu);
      options = opt (types.listOf types.str) [ ];
      consoles = opt (types.listOf types.str)
        (let c = [ "${qemuCommon.qemuSerialDevice guest},115200n8" "tty0" ]; in if cfg.graphics then c else lib.reverseList c);
      networkingOptions = opt (types.listOf types.str) [ ];
      drives = mkOption { type = types.listOf (types.submodule driveModule); };
      diskInterface = opt (types.enum [ "virtio" "scsi" "ide" ]) "virtio";
      guestAgent.enable = opt types.bool true;
      virtioKeyboard = opt types.bool true;
    };
    useNixStoreImage = opt types.bool false;
    mountHostNixStore = opt types.bool (!cfg.useNixStoreImage && !cfg.useBootLoader);
    directBoot.enable = opt types.bool (!cfg.useBootLoader);
    directBoot.initrd = opt types.str "${config.system.build.initialRamdisk}/${config.system.boot.loader.initrdFile}";
    useBootLoader = opt types.bool false;
    useEFIBoot = opt types.bool false;
    useDefaultFilesystems = opt types.bool true;
    useHostCerts = opt types.bool false;
    bios = opt (types.nullOr types.package) null;
    emptyDiskImages = opt (types.listOf types.ints.positive) [ ];
    tpm.enable = opt types.bool false;
  };

  config = {
    virtualisation.additionalPaths = [ config.system.build.toplevel ];

    virtualisation.sharedDirectories = {
      nix-store = mkIf cfg.mountHostNixStore { source = builtins.storeDir; target = "/nix/.ro-store"; securityModel = "none"; };
      xchg = { source = ''"$TMPDIR"/xchg''; securityModel = "none"; target = "/tmp/xchg"; };
      shared = { source = ''"''${SHARED_DIR:-$TMPDIR/xchg}"''; target = "/tmp/shared"; securityModel = "none"; };
      certs = mkIf cfg.useHostCerts { source = ''"$TMPDIR"/certs''; target = "/etc/ssl/certs"; securityModel = "none"; };
    };

    security.pki.installCACerts = mkIf cfg.useHostCerts false;

    # `hostfwd=tcp::31022-:22,` per forwarded port, then "$QEMU_NET_OPTS".
    virtualisation.qemu.networkingOptions =
      let
        fwd = lib.concatMapStrings (r:
          if r.from == "host"
          then "hostfwd=${r.proto}:${r.host.address}:${toString r.host.port}-${r.guest.address}:${toString r.guest.port},"
          else "'guestfwd=${r.proto}:${r.guest.address}:${toString r.guest.port}-cmd:nc ${r.host.address} ${toString r.host.port}',") cfg.forwardPorts;
      in [
        "-net nic,netdev=user.0,model=virtio"
        "-netdev user,id=user.0,${fwd}${lib.optionalString cfg.restrictNetwork "restrict=on,"}\"$QEMU_NET_OPTS\""
      ];

    virtualisation.qemu.options = mkMerge [
      (mkIf cfg.qemu.virtioKeyboard [ "-device virtio-keyboard" ])
      (mkIf guest.isx86 [ "-usb" "-device usb-tablet,bus=usb-bus.0" ])
      (mkIf guest.isAarch [ "-device virtio-gpu-pci" "-device usb-ehci,id=usb0" "-device usb-kbd" "-device usb-tablet" ])
      (mkIf cfg.directBoot.enable (
        let
          ident = lib.concatMapStrings (c: if builtins.match "[a-zA-Z0-9]" c != null then c else "_") (lib.stringToCharacters config.system.name);
          top = config.system.build.toplevel;
          regInfo = hostPkgs.closureInfo { rootPaths = cfg.additionalPaths; };
        in [
          "-kernel \${NIXPKGS_QEMU_KERNEL_${ident}:-${top}/kernel}"
          "-initrd ${cfg.directBoot.initrd}"
          ''-append "$(cat ${top}/kernel-params) init=${top}/init regInfo=${regInfo}/registration ${lib.concatMapStringsSep " " (c: "console=${c}") cfg.qemu.consoles} $QEMU_KERNEL_PARAMS"''
        ]))
      (mkIf (cfg.bios != null) [ "-bios ${cfg.bios}/bios.bin" ])
      (mkIf (!cfg.graphics) [ "-nographic" ])
    ];

    virtualisation.qemu.drives = mkMerge [
      (mkIf (cfg.diskImage != null) [ {
        name = "root";
        file = ''"$NIX_DISK_IMAGE"'';
        driveExtraOpts.cache = "writeback";
        driveExtraOpts.werror = "report";
        deviceExtraOpts.bootindex = "1";
        deviceExtraOpts.serial = "root";
      } ])
      (mkIf cfg.useNixStoreImage [ {
        name = "nix-store";
        file = ''"$TMPDIR"/store.img'';
        deviceExtraOpts.bootindex = "2";
        driveExtraOpts.format = "raw";
      } ])
      (lib.imap0 (idx: _: { file = "$(pwd)/empty${toString idx}.qcow2"; driveExtraOpts.werror = "report"; }) cfg.emptyDiskImages)
    ];

    # Guest mounts follow the shares (9p) and the store layout, as upstream.
    fileSystems = lib.mkVMOverride (lib.mapAttrs' (tag: share: lib.nameValuePair share.target {
      device = tag;
      fsType = "9p";
      neededForBoot = true;
      options = [ "trans=virtio" "version=9p2000.L" "msize=${toString cfg.msize}" ] ++ lib.optional (tag == "nix-store") "cache=loose";
    }) cfg.sharedDirectories // {
      "/" = if cfg.diskImage == null
        then { device = "tmpfs"; fsType = "tmpfs"; options = [ "mode=755" ]; }
        else { device = "/dev/disk/by-label/nixos"; fsType = "ext4"; };
    } // lib.optionalAttrs (cfg.useNixStoreImage || cfg.mountHostNixStore) {
      "/nix/store" = if cfg.writableStore
        then { overlay = { lowerdir = [ "/nix/.ro-store" ]; upperdir = "/nix/.rw-store/upper"; workdir = "/nix/.rw-store/work"; }; }
        else { device = "/nix/.ro-store"; options = [ "bind" ]; };
    } // lib.optionalAttrs cfg.useNixStoreImage {
      "/nix/.ro-store" = { device = "/dev/disk/by-label/nix-store"; fsType = "erofs"; neededForBoot = true; options = [ "ro" ]; };
    } // lib.optionalAttrs (cfg.writableStore && cfg.writableStoreUseTmpfs) {
      "/nix/.rw-store" = { fsType = "tmpfs"; options = [ "mode=0755" ]; neededForBoot = true; };
    });

    boot.initrd.availableKernelModules = lib.optional (cfg.qemu.diskInterface == "scsi") "sym53c8xx";
    swapDevices = lib.mkVMOverride [ ];
  };
}
