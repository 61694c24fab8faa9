# Guest options the builder profile and typical `nix.linux-builder.config` modules set,
# with nixpkgs' names and defaults (users, openssh, etc, nix settings, polkit, docs).
{ config, lib, ... }:
let
  inherit (lib) mkOption types;

  userModule = { name, config, ... }: {
    freeformType = types.lazyAttrsOf types.anything;
    options = {
      name = mkOption { type = types.str; default = name; };
      isNormalUser = mkOption { type = types.bool; default = false; };
      isSystemUser = mkOption { type = types.bool; default = false; };
      extraGroups = mkOption { type = types.listOf types.str; default = [ ]; };
      home = mkOption { type = types.str; default = if config.isNormalUser then "/home/${name}" else "/var/empty"; };
      openssh.authorizedKeys.keys = mkOption { type = types.listOf types.singleLineStr; default = [ ]; };
      openssh.authorizedKeys.keyFiles = mkOption { type = types.listOf types.path; default = [ ]; };
    };
  };

  etcModule = { name, ... }: {
    options = {
      enable = mkOption { type = types.bool; default = true; };
      target = mkOption { type = types.str; default = name; };
      text = mkOption { type = types.nullOr types.lines; default = null; };
      source = mkOption { type = types.nullOr types.path; default = null; };
      mode = mkOption { type = types.str; default = "symlink"; };
      user = mkOption { type = types.str; default = "+0"; };
      group = mkOption { type = types.str; default = "+0"; };
    };
  };
in
{
  options = {
    users.users = mkOption { type = types.attrsOf (types.submodule userModule); default = { }; };
    services.openssh.enable = mkOption { type = types.bool; default = false; };
    services.openssh.authorizedKeysFiles = mkOption { type = types.listOf types.str; default = [ ]; };
    services.openssh.settings = mkOption { type = types.attrsOf types.anything; default = { }; };
    services.getty.autologinUser = mkOption { type = types.nullOr types.str; default = null; };
    environment.etc = mkOption { type = types.attrsOf (types.submodule etcModule); default = { }; };
    environment.systemPackages = mkOption { type = types.listOf types.package; default = [ ]; };
    nix.enable = mkOption { type = types.bool; default = true; };
    nix.channel.enable = mkOption { type = types.bool; default = true; };
    nix.settings = mkOption { type = types.attrsOf types.anything; default = { }; };
    documentation.enable = mkOption { type = types.bool; default = true; };
    security.polkit.enable = mkOption { type = types.bool; default = false; };
    security.polkit.extraConfig = mkOption { type = types.lines; default = ""; };
    security.pki.installCACerts = mkOption { type = types.bool; default = true; };
  };
}
