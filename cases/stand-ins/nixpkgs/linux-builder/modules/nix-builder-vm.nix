# The builder VM profile, after nixos/modules/profiles/nix-builder-vm.nix (read at
# NixOS/nixpkgs 6e5a4e4994a42d50ff90fd02e525e3e0ebcc12d6, the late-2024 state): its
# `virtualisation.darwin-builder.*` options and defaults and the guest settings it makes.
# The create-builder script it builds is in ../layouts/ with the run-nixos-vm script.
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  cfg = config.virtualisation.darwin-builder;
  user = "builder";
  keyType = "ed25519";
  keysDirectory = "/var/keys";
in
{
  imports = [
    ./qemu-vm.nix
    {
      # upstream declares this here so the profile does not depend on container support
      options.boot.isContainer = lib.mkOption { default = false; internal = true; };
      config.boot.swraid.enable = false;
    }
  ];

  options.virtualisation.darwin-builder = {
    diskSize = mkOption { type = types.int; default = 20 * 1024; description = "The maximum disk space allocated to the runner in MB"; };
    memorySize = mkOption { type = types.int; default = 3 * 1024; description = "The runner's memory in MB"; };
    min-free = mkOption { type = types.int; default = 1024 * 1024 * 1024; };
    max-free = mkOption { type = types.int; default = 3 * 1024 * 1024 * 1024; };
    workingDirectory = mkOption { type = types.str; default = "."; };
    hostPort = mkOption { type = types.int; default = 31022; description = "The localhost host port to forward TCP to the guest port."; };
  };

  config = {
    documentation.enable = false;

    environment.etc = {
      "ssh/ssh_host_ed25519_key" = { mode = "0600"; source = ../keys/ssh_host_ed25519_key; };
      "ssh/ssh_host_ed25519_key.pub" = { mode = "0644"; source = ../keys/ssh_host_ed25519_key.pub; };
    };

    # DNS through QEMU's SLiRP fails on macOS; upstream points the guest at a public resolver.
    networking.nameservers = [ "8.8.8.8" ];

    nix.channel.enable = false;
    system.disableInstallerTools = true;

    nix.settings = {
      auto-optimise-store = true;
      min-free = cfg.min-free;
      max-free = cfg.max-free;
      trusted-users = [ user ];
    };

    services.getty.autologinUser = user;
    services.openssh.enable = true;
    services.openssh.authorizedKeysFiles = [ "${keysDirectory}/%u_${keyType}.pub" ];

    system.nixos.revision = null;
    system.stateVersion = "24.05";

    users.users.${user}.isNormalUser = true;

    security.polkit.enable = true;
    security.polkit.extraConfig = ''
      polkit.addRule(function(action, subject) {
        if (action.id === "org.freedesktop.login1.power-off" && subject.user === "${user}") {
          return "yes";
        } else {
          return "no";
        }
      })
    '';

    virtualisation = {
      diskSize = cfg.diskSize;
      memorySize = cfg.memorySize;
      forwardPorts = [ { from = "host"; guest.port = 22; host.port = cfg.hostPort; } ];
      graphics = false;
      sharedDirectories.keys = { source = "\"$KEYS\""; target = keysDirectory; };
      useNixStoreImage = true;
      writableStore = true;
      writableStoreUseTmpfs = false;
      useHostCerts = true;
    };
  };
}
