# System-wide options nix-darwin modules rely on: the package set (nixpkgs.hostPlatform,
# as nix-darwin's modules/nix/nixpkgs.nix), stateVersion, activation scripts,
# assertions/warnings and system.build.
{ config, lib, nixpkgs, ... }:
let
  inherit (lib) mkOption types;
in
{
  options = {
    nixpkgs.hostPlatform = mkOption {
      type = types.either types.str types.attrs;
      example = "aarch64-darwin";
      description = "The platform the configuration is for.";
      apply = lib.systems.elaborate;
    };
    nixpkgs.system = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Deprecated upstream; sets nixpkgs.hostPlatform.";
    };
    system.stateVersion = mkOption { type = types.int; default = 5; };
    system.darwinLabel = mkOption { type = types.str; default = "25.05.flakecase"; };
    system.build = mkOption { type = types.lazyAttrsOf types.raw; default = { }; };
    system.activationScripts = mkOption {
      type = types.attrsOf (types.submodule { options.text = mkOption { type = types.lines; default = ""; }; });
      default = { };
    };
    system.checks.verifyNixPath = mkOption { type = types.bool; default = true; };
    assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; internal = true; };
    warnings = mkOption { type = types.listOf types.str; default = [ ]; internal = true; };
  };

  config = {
    nixpkgs.hostPlatform = lib.mkIf (config.nixpkgs.system != null) (lib.mkDefault config.nixpkgs.system);
    _module.args.pkgs = nixpkgs.legacyPackages.${config.nixpkgs.hostPlatform.system};
  };
}
