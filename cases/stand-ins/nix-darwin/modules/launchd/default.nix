# launchd.daemons/agents with nix-darwin's service options (modules/launchd/default.nix,
# read at nix-darwin/nix-darwin 1a431e9133ddd82fec7a78e308beb98a7e0ad352): `script`
# becomes a `<name>-start` script, run as ProgramArguments
# [ "/bin/sh" "-c" "/bin/wait4path /nix/store && exec <start script>" ]; `environment`
# becomes EnvironmentVariables; each service becomes environment.launchDaemons."<Label>.plist".
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types mkIf mkDefault;
  cfg = config.launchd;

  nullOr = t: mkOption { type = types.nullOr t; default = null; };
  # The plist keys the stand-in knows (nix-darwin's launchd.nix has many more).
  serviceConfigModule = {
    options = {
      Label = mkOption { type = types.str; };
      Program = nullOr types.path;
      ProgramArguments = nullOr (types.listOf types.str);
      EnvironmentVariables = nullOr (types.attrsOf types.str);
      KeepAlive = nullOr (types.either types.bool (types.attrsOf types.anything));
      RunAtLoad = nullOr types.bool;
      WorkingDirectory = nullOr types.str;
      StandardOutPath = nullOr types.path;
      StandardErrorPath = nullOr types.path;
      UserName = nullOr types.str;
      GroupName = nullOr types.str;
      ProcessType = nullOr (types.enum [ "Background" "Standard" "Adaptive" "Interactive" ]);
      ThrottleInterval = nullOr types.int;
      StartInterval = nullOr types.int;
      LowPriorityIO = nullOr types.bool;
      Nice = nullOr types.int;
      SoftResourceLimits = nullOr (types.attrsOf types.int);
      HardResourceLimits = nullOr (types.attrsOf types.int);
    };
  };

  serviceModule = { config, name, ... }:
    let env = config.environment // lib.optionalAttrs (config.path != "") { PATH = config.path; };
    in {
      options = {
        environment = mkOption {
          type = types.attrsOf (types.either types.str (types.listOf types.str));
          default = { };
          apply = lib.mapAttrs (n: v: if builtins.isList v then lib.concatStringsSep ":" v else v);
        };
        path = mkOption {
          type = types.listOf (types.either types.path types.str);
          default = [ ];
          apply = ps: if builtins.isList ps then lib.concatMapStringsSep ":" (p: if lib.isDerivation p then "${p}/bin" else p) ps else ps;
        };
        command = mkOption { type = types.either types.str types.path; default = ""; };
        script = mkOption { type = types.lines; default = ""; };
        serviceConfig = mkOption { type = types.submodule serviceConfigModule; default = { }; };
      };
      config = {
        command = mkIf (config.script != "") (pkgs.writeScript "${name}-start" ''
          #! ${pkgs.stdenv.shell}

          ${config.script}
        '');
        serviceConfig.Label = mkDefault "${cfg.labelPrefix}.${name}";
        serviceConfig.ProgramArguments = mkIf (config.command != "")
          [ "/bin/sh" "-c" "/bin/wait4path /nix/store && exec ${config.command}" ];
        serviceConfig.EnvironmentVariables = mkIf (env != { }) env;
      };
    };

  dropNulls = v:
    if builtins.isAttrs v && !(lib.isDerivation v)
    then lib.mapAttrs (n: dropNulls) (lib.filterAttrs (n: x: x != null) v)
    else if builtins.isList v then map dropNulls v
    else v;

  toPlistFile = name: service: lib.nameValuePair "${service.serviceConfig.Label}.plist" {
    text = lib.generators.toPlist { escape = true; } (dropNulls service.serviceConfig);
  };
in
{
  options.launchd = {
    labelPrefix = mkOption { type = types.str; default = "org.nixos"; };
    daemons = mkOption { type = types.attrsOf (types.submodule serviceModule); default = { }; };
    agents = mkOption { type = types.attrsOf (types.submodule serviceModule); default = { }; };
  };

  config.environment.launchDaemons = lib.mapAttrs' toPlistFile cfg.daemons;
  config.environment.launchAgents = lib.mapAttrs' toPlistFile cfg.agents;
}
