# The story's CI fix for its qemu line: no-hvf-for-github-actions.nix is the module from the
# blog post (Dec 27, 2024) byte for byte, the same file as in cases/no-hvf-override.
{
  description = "flakecase case: the qemu line of the story's no-HVF override per host";

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
        }
      ];
    };
  };
}
