# The story's own setup before CI: the default builder package, customised through
# nix.linux-builder.config (here: the user's SSH key for the builder account, as the post
# describes). That changes the VM's NixOS system, which no public cache holds.
{
  description = "flakecase case: nix.linux-builder.config with an authorized SSH key";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.nix-darwin.url = "github:nix-darwin/nix-darwin";
  inputs.nix-darwin.inputs.nixpkgs.follows = "nixpkgs";

  outputs = { self, nixpkgs, nix-darwin }: {
    darwinConfigurations.ci = nix-darwin.lib.darwinSystem {
      modules = [
        {
          nixpkgs.hostPlatform = "aarch64-darwin";
          system.stateVersion = 5;
          nix.linux-builder.enable = true;
          nix.linux-builder.config = {
            users.users.builder.openssh.authorizedKeys.keys = [
              "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFlakecaseExampleKeyForTheBuilderVM0000000 me@laptop"
            ];
          };
        }
      ];
    };
  };
}
