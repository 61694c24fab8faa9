# The guest system's core: platform, host name, system name/version, assertions, and the
# guest artefacts the VM boots: system.build.toplevel and system.build.initialRamdisk
# (both aarch64-linux derivations, so building them needs a Linux builder).
#
# The toplevel's content is a JSON rendering of the EVALUATED guest configuration, not of
# the module list: `modules = [ { } ]` gives the default builder's store path (the one in
# the upstream cache), while any guest-visible change gives a new one. Host-side runner
# settings (`virtualisation.*`: cores, memory, qemu flags) stay out, as upstream, where
# they only change run-nixos-vm. Undeclared options land in a freeform attrset (upstream
# would reject unknown ones; see docs/stand-ins.md).
{ config, lib, pkgsFor, ... }:
let
  inherit (lib) mkOption types;
  guestPkgs = pkgsFor config.nixpkgs.hostPlatform.system;

  # Plain data for the JSON: derivations become their paths (keeping the dependency),
  # functions become a marker.
  toData = v:
    if lib.isDerivation v then "${v}"
    else if builtins.isAttrs v then builtins.mapAttrs (n: toData) v
    else if builtins.isList v then map toData v
    else if builtins.isFunction v then "<function>"
    else v;

  facts = toData (removeAttrs config [ "_module" "virtualisation" "system" "nixpkgs" "assertions" "warnings" ]) // {
    system = toData (removeAttrs config.system [ "build" ]);
    nixpkgs.hostPlatform = config.nixpkgs.hostPlatform.system;
  };

  failed = map (a: a.message) (builtins.filter (a: !a.assertion) config.assertions);
  checkAssertions = x:
    if failed == [ ] then x
    else throw "\nFailed assertions:\n${lib.concatMapStrings (m: "- ${m}\n") failed}";

  guestSystem = config.nixpkgs.hostPlatform.system;

  # NixOS writes each user's authorized keys to etc/ssh/authorized_keys.d/<user>.
  keyFiles = lib.concatStrings (lib.mapAttrsToList (name: u:
    lib.optionalString (u.openssh.authorizedKeys.keys != [ ]) ''
      printf '%s\n' ${lib.escapeShellArgs u.openssh.authorizedKeys.keys} > $out/etc/ssh/authorized_keys.d/${lib.escapeShellArg name}
    '') config.users.users);
  kernelVersion = "6.6.67";
in
{
  options = {
    nixpkgs.hostPlatform = mkOption {
      type = types.either types.str types.attrs;
      description = "The platform the guest runs on.";
      apply = lib.systems.elaborate;
    };
    nixpkgs.buildPlatform = mkOption {
      type = types.either types.str types.attrs;
      default = config.nixpkgs.hostPlatform;
      apply = lib.systems.elaborate;
    };
    networking.hostName = mkOption { type = types.str; default = "nixos"; };
    networking.nameservers = mkOption { type = types.listOf types.str; default = [ ]; };
    system.name = mkOption {
      type = types.str;
      default = if config.networking.hostName == "" then "unnamed" else config.networking.hostName;
    };
    system.stateVersion = mkOption { type = types.str; default = lib.trivial.release; };
    system.nixos.revision = mkOption { type = types.nullOr types.str; default = null; };
    system.nixos.version = mkOption { type = types.str; default = lib.trivial.version; };
    system.nixos.label = mkOption { type = types.str; default = config.system.nixos.version; };
    system.disableInstallerTools = mkOption { type = types.bool; default = false; };
    system.boot.loader.initrdFile = mkOption { type = types.str; default = "initrd"; };
    system.build = mkOption {
      type = types.lazyAttrsOf types.raw;
      default = { };
      description = "Attributes built from the configuration.";
    };
    boot.kernelParams = mkOption { type = types.listOf types.str; default = [ ]; };
    boot.initrd.availableKernelModules = mkOption { type = types.listOf types.str; default = [ ]; };
    boot.postBootCommands = mkOption { type = types.lines; default = ""; };
    boot.swraid.enable = mkOption { type = types.bool; default = true; };
    fileSystems = mkOption { type = types.attrsOf (types.attrsOf types.anything); default = { }; };
    swapDevices = mkOption { type = types.listOf types.anything; default = [ ]; };
    assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; internal = true; };
    warnings = mkOption { type = types.listOf types.str; default = [ ]; internal = true; };
  };

  config = {
    _module.freeformType = types.lazyAttrsOf types.anything;
    _module.args.pkgs = guestPkgs;

    # nixpkgs: boot.consoleLogLevel's default (4) lands on the kernel command line.
    boot.kernelParams = [ "loglevel=4" ];

    system.build.toplevel = checkAssertions (derivation {
      name = "nixos-system-${config.system.name}-${config.system.nixos.label}";
      system = guestSystem;
      builder = "/bin/sh";
      configJSON = builtins.toJSON facts;
      kernelParams = lib.concatStringsSep " " config.boot.kernelParams;
      passAsFile = [ "configJSON" ];
      args = [ "-ec" ''
        /bin/busybox mkdir -p $out
        /bin/busybox cp "$configJSONPath" $out/configuration.json
        echo "flakecase stand-in kernel ${kernelVersion} for ${guestSystem}" > $out/kernel
        echo "$kernelParams" > $out/kernel-params
        printf '#!/bin/sh\necho flakecase stand-in init\n' > $out/init
        /bin/busybox chmod +x $out/init
        /bin/busybox mkdir -p $out/etc/ssh/authorized_keys.d
        ${keyFiles}
      '' ];
    });

    system.build.initialRamdisk = derivation {
      name = "initrd-linux-${kernelVersion}";
      system = guestSystem;
      builder = "/bin/sh";
      modules = config.boot.initrd.availableKernelModules;
      args = [ "-ec" ''
        /bin/busybox mkdir -p $out
        echo "flakecase stand-in initrd with: $modules" > $out/initrd
      '' ];
    };
  };
}
