# The story's CI configuration: the no-HVF override (verbatim) together with a customised
# nix.linux-builder.config, as the author's nixfiles have both.
{
  description = "flakecase case: the no-HVF override plus a custom builder config";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.nix-darwin.url = "github:nix-darwin/nix-darwin";
  inputs.nix-darwin.inputs.nixpkgs.follows = "nixpkgs";

  outputs = { self, nixpkgs, nix-darwin }: {
    darwinConfigurations.ci = nix-darwin.lib.darwinSystem {
      modules = [
        ./no-hvf-for-github-actions.nix
        {
          nixpkgs.hostPlatform = "aarch64-darwin";
          system.stateVersion = 5;
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
