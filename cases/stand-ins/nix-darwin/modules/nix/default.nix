# nix.* options the linux-builder module touches, with nix-darwin's names and defaults
# (modules/nix/default.nix), and /etc/nix/machines rendered as nix-darwin renders
# nix.buildMachines: one line per machine,
#   <protocol>://<sshUser>@<hostName> <systems,> <sshKey|-> <maxJobs> <speedFactor>
#   <supported++mandatory features,|-> <mandatory features,|-> <publicHostKey|->
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types mkIf;
  cfg = config.nix;

  machineModule = {
    options = {
      hostName = mkOption { type = types.str; };
      protocol = mkOption { type = types.enum [ null "ssh" "ssh-ng" ]; default = "ssh"; };
      system = mkOption { type = types.nullOr types.str; default = null; };
      systems = mkOption { type = types.listOf types.str; default = [ ]; };
      sshUser = mkOption { type = types.nullOr types.str; default = null; };
      sshKey = mkOption { type = types.nullOr types.str; default = null; };
      maxJobs = mkOption { type = types.int; default = 1; };
      speedFactor = mkOption { type = types.int; default = 1; };
      mandatoryFeatures = mkOption { type = types.listOf types.str; default = [ ]; };
      supportedFeatures = mkOption { type = types.listOf types.str; default = [ ]; };
      publicHostKey = mkOption { type = types.nullOr types.str; default = null; };
    };
  };

  orDash = list: if list == [ ] then "-" else lib.concatStringsSep "," list;
  machineLine = m: lib.concatStringsSep " " [
    "${lib.optionalString (m.protocol != null) "${m.protocol}://"}${lib.optionalString (m.sshUser != null) "${m.sshUser}@"}${m.hostName}"
    (if m.system != null then m.system else orDash m.systems)
    (if m.sshKey != null then m.sshKey else "-")
    (toString m.maxJobs)
    (toString m.speedFactor)
    (orDash (m.supportedFeatures ++ m.mandatoryFeatures))
    (orDash m.mandatoryFeatures)
    (if m.publicHostKey != null then m.publicHostKey else "-")
  ] + "\n";

  confValue = v:
    if builtins.isBool v then lib.boolToString v
    else if builtins.isList v then lib.concatMapStringsSep " " confValue v
    else if v == null then ""
    else toString v;
in
{
  options.nix = {
    enable = mkOption { type = types.bool; default = true; };
    package = mkOption { type = types.package; default = pkgs.nix; };
    distributedBuilds = mkOption { type = types.bool; default = false; };
    buildMachines = mkOption { type = types.listOf (types.submodule machineModule); default = [ ]; };
    settings = mkOption { type = types.lazyAttrsOf types.anything; default = { }; };
    extraOptions = mkOption { type = types.lines; default = ""; };
  };

  config = mkIf cfg.enable {
    environment.etc."nix/machines" = mkIf (cfg.buildMachines != [ ]) {
      text = lib.concatMapStrings machineLine cfg.buildMachines;
    };
    environment.etc."nix/nix.conf".text = ''
      # WARNING: this file is generated from the nix.* options in
      # your nix-darwin configuration. Do not edit it!
      ${lib.concatStringsSep "\n" (lib.mapAttrsToList (k: v: "${k} = ${confValue v}") cfg.settings)}
      ${cfg.extraOptions}
    '';
    nix.settings = {
      trusted-users = [ "root" ];
      substituters = lib.mkAfter [ "https://cache.nixos.org/" ];
      build-users-group = "nixbld";
    };
    warnings = lib.optional (!cfg.distributedBuilds && cfg.buildMachines != [ ])
      "nix.distributedBuilds is not enabled, build machines won't be configured.";
  };
}
