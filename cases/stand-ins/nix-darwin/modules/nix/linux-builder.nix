# nix.linux-builder for the stand-in nix-darwin, written for flakecase from nix-darwin's
# documented behaviour of modules/nix/linux-builder.nix in late 2024 (read at
# khaneliman/nix-darwin 904e7b0736c14f8ff969b04518e6a97bdbe21a70, a fork snapshot of
# nix-darwin master after PR #1202 "default maxJobs to amount of cores", Dec 2024, and
# before the `nix.enable` assertion and the /var/lib/linux-builder rename of 2025).
#
# What cases depend on, all as upstream:
# - `package` is passed through `apply = pkg: pkg.override (old: { modules = old.modules
#   ++ [ cfg.config ]; })`, so any package given here must stay overridable with
#   `{ modules }` (and keep passthru.nixosConfig, read for maxJobs/systems below);
# - maxJobs defaults to the VM's virtualisation.cores, systems to its
#   nixpkgs.hostPlatform.system, both read from `cfg.package.nixosConfig`;
# - the launchd daemon exports TMPDIR=/run/org.nixos.linux-builder and runs
#   ${cfg.package}/bin/create-builder from workingDirectory;
# - /etc/nix/machines and the ssh_config snippet name the builder `linux-builder`.
#
# A harness may replace this file with upstream's (FLAKECASE_LINUX_BUILDER_MODULE).
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption mkEnableOption mkIf types literalExpression;
  cfg = config.nix.linux-builder;
  vm = cfg.package.nixosConfig;

  withBuilderConfig = pkg: pkg.override (previous: {
    modules = previous.modules ++ [ cfg.config ];
  });

  # Published with nixpkgs' builder profile: the VM's well-known ssh host key.
  builderHostKey = "c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUpCV2N4Yi9CbGFxdDFhdU90RStGOFFVV3JVb3RpQzVxQkorVXVFV2RWQ2Igcm9vdEBuaXhvcwo=";
  runDir = "/run/org.nixos.linux-builder";

  featureList = default: mkOption {
    type = types.listOf types.str;
    inherit default;
  };
in
{
  imports = [
    (lib.mkRemovedOptionModule [ "nix" "linux-builder" "modules" ]
      "Set options of the builder VM through `nix.linux-builder.config` instead.")
  ];

  options.nix.linux-builder = {
    enable = mkEnableOption "Linux builder";

    package = mkOption {
      type = types.package;
      default = pkgs.darwin.linux-builder;
      defaultText = "pkgs.darwin.linux-builder";
      apply = withBuilderConfig;
      description = "The Linux builder package (bin/create-builder).";
    };

    config = mkOption {
      type = types.deferredModule;
      default = { };
      example = literalExpression "{ virtualisation.cores = 6; }";
      description = "Extra NixOS configuration for the builder VM. Changing it changes the VM image.";
    };

    mandatoryFeatures = featureList [ ];
    supportedFeatures = featureList [ "kvm" "benchmark" "big-parallel" ];

    maxJobs = mkOption {
      type = types.ints.positive;
      default = vm.virtualisation.cores;
      defaultText = "The `virtualisation.cores` of the builder's final NixOS configuration.";
    };

    protocol = mkOption { type = types.str; default = "ssh-ng"; };

    speedFactor = mkOption { type = types.ints.positive; default = 1; };

    systems = mkOption {
      type = types.listOf types.str;
      default = [ vm.nixpkgs.hostPlatform.system ];
      defaultText = "The `nixpkgs.hostPlatform.system` of the builder's final NixOS configuration.";
    };

    workingDirectory = mkOption { type = types.str; default = "/var/lib/darwin-builder"; };

    ephemeral = mkEnableOption "wiping the builder's disk image on every start";
  };

  config = mkIf cfg.enable {
    system.activationScripts.preActivation.text = ''
      mkdir -p ${cfg.workingDirectory}
    '';

    launchd.daemons.linux-builder = {
      environment = { inherit (config.environment.variables) NIX_SSL_CERT_FILE; };
      # create-builder shares files with the VM through TMPDIR; macOS cleans /tmp after a
      # few days, so the daemon uses its own directory and removes it on exit.
      # Same text as upstream's script (a blank line where the ephemeral step would be),
      # so swapping in upstream's module gives the same store paths.
      script = lib.concatStrings [
        "export TMPDIR=${runDir} USE_TMPDIR=1\n"
        "rm -rf $TMPDIR\n"
        "mkdir -p $TMPDIR\n"
        "trap \"rm -rf $TMPDIR\" EXIT\n"
        (lib.optionalString cfg.ephemeral "rm -f ${cfg.workingDirectory}/${vm.networking.hostName}.qcow2\n")
        "\n"
        "${cfg.package}/bin/create-builder\n"
      ];
      serviceConfig = {
        KeepAlive = true;
        RunAtLoad = true;
        WorkingDirectory = cfg.workingDirectory;
      };
    };

    environment.etc."ssh/ssh_config.d/100-linux-builder.conf".text = ''
      Host linux-builder
        User builder
        Hostname localhost
        HostKeyAlias linux-builder
        Port 31022
        IdentityFile /etc/nix/builder_ed25519
    '';

    nix.distributedBuilds = true;
    nix.buildMachines = [ {
      hostName = "linux-builder";
      sshUser = "builder";
      sshKey = "/etc/nix/builder_ed25519";
      publicHostKey = builderHostKey;
      inherit (cfg) mandatoryFeatures maxJobs protocol speedFactor supportedFeatures systems;
    } ];
    nix.settings.builders-use-substitutes = true;
  };
}
