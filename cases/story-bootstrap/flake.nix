# The story's whole CI life in two phases on one simulated machine:
#   1. bootstrap: the runner configuration is the story's override module alone (default
#      builder config, so the VM image is the cached default; qemu without accel=hvf:tcg);
#      activating it brings the Linux builder up, with TCG where there is no HVF.
#   2. laptop: the user's real configuration (a customised builder: SSH key, more cores and
#      memory), whose VM image is in no cache and needs that Linux builder to be built.
{
  description = "flakecase case: bootstrap a Linux builder on a runner, then build the real config";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.nix-darwin.url = "github:nix-darwin/nix-darwin";
  inputs.nix-darwin.inputs.nixpkgs.follows = "nixpkgs";

  outputs = { self, nixpkgs, nix-darwin }:
    let
      mac = { nixpkgs.hostPlatform = "aarch64-darwin"; system.stateVersion = 5; };
    in
    {
      darwinConfigurations.runner = nix-darwin.lib.darwinSystem {
        modules = [ ./no-hvf-for-github-actions.nix mac ];
      };
      darwinConfigurations.laptop = nix-darwin.lib.darwinSystem {
        modules = [
          mac
          {
            nix.linux-builder.enable = true;
            nix.linux-builder.config = {
              virtualisation.cores = 6;
              virtualisation.darwin-builder.memorySize = 8 * 1024;
              users.users.builder.openssh.authorizedKeys.keys = [
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFlakecaseExampleKeyForTheBuilderVM0000000 me@laptop"
              ];
            };
          }
        ];
      };
    };
}
