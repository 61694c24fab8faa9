# The story's override with a builder that asks for 12 cores. The override's second sed,
# s|smp 1|smp $(nproc)|g, also matches the "smp 1" at the start of "smp 12".
{
  description = "flakecase case: the no-HVF override with virtualisation.cores = 12";

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
          nix.linux-builder.config.virtualisation.cores = 12;
        }
      ];
    };
  };
}
