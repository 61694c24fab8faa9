# environment.* as nix-darwin declares them: /etc files, environment variables, system
# packages, and the launchd plists that become Library/LaunchDaemons files.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;

  etcModule = { name, config, ... }: {
    options = {
      enable = mkOption { type = types.bool; default = true; };
      target = mkOption { type = types.str; default = name; };
      text = mkOption { type = types.nullOr types.lines; default = null; };
      source = mkOption { type = types.path; };
      copy = mkOption { type = types.bool; default = false; };
      knownSha256Hashes = mkOption { type = types.listOf types.str; default = [ ]; };
    };
    config.source = lib.mkIf (config.text != null)
      (lib.mkDefault (pkgs.writeText "etc-${builtins.baseNameOf name}" config.text));
  };

  plistModule = { name, config, ... }: {
    options = {
      enable = mkOption { type = types.bool; default = true; };
      target = mkOption { type = types.str; default = name; };
      text = mkOption { type = types.nullOr types.lines; default = null; };
      source = mkOption { type = types.path; };
    };
    config.source = lib.mkIf (config.text != null)
      (lib.mkDefault (pkgs.writeText "${builtins.baseNameOf name}" config.text));
  };
  envVar = types.attrsOf (types.either types.str (types.listOf types.str));
  joinLists = lib.mapAttrs (n: v: if builtins.isList v then lib.concatStringsSep ":" v else v);
in
{
  options.environment = {
    etc = mkOption { type = types.attrsOf (types.submodule etcModule); default = { }; };
    variables = mkOption { type = envVar; default = { }; apply = joinLists; };
    systemPackages = mkOption { type = types.listOf types.package; default = [ ]; };
    launchDaemons = mkOption { type = types.attrsOf (types.submodule plistModule); default = { }; };
    launchAgents = mkOption { type = types.attrsOf (types.submodule plistModule); default = { }; };
    userLaunchAgents = mkOption { type = types.attrsOf (types.submodule plistModule); default = { }; };
  };

  # nix-darwin's default CA bundle location (its security/pki module sets this).
  config.environment.variables.NIX_SSL_CERT_FILE = lib.mkDefault "/etc/ssl/certs/ca-certificates.crt";
}
