# The story's laptop configuration on a machine with no Linux builder and no bootstrap step:
# the customised builder's VM image is in no cache, and building it needs the very builder
# it describes.
{
  description = "flakecase case: a customised linux-builder without a bootstrap phase";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.nix-darwin.url = "github:nix-darwin/nix-darwin";
  inputs.nix-darwin.inputs.nixpkgs.follows = "nixpkgs";

  outputs = { self, nixpkgs, nix-darwin }: {
    darwinConfigurations.laptop = nix-darwin.lib.darwinSystem {
      modules = [
        {
          nixpkgs.hostPlatform = "aarch64-darwin";
          system.stateVersion = 5;
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
