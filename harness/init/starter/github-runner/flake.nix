# Your configuration on a GitHub macOS runner, with the story's no-HVF override
# (no-hvf-for-github-actions.nix, from the blog post of Dec 27, 2024). Move the override into
# your nixfiles and import it from there once it is yours.
{
  description = "flakecase case: the configuration on a GitHub runner";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.nix-darwin.url = "github:nix-darwin/nix-darwin";
  inputs.nix-darwin.inputs.nixpkgs.follows = "nixpkgs";
  # This repository. case.yaml points it at ../.. (offline runs); --flake-input nixfiles=PATH
  # points it elsewhere. Put your flake's real URL here for --real-inputs.
  inputs.nixfiles.url = "github:YOUR-NAME/nixfiles";

  outputs = { self, nixpkgs, nix-darwin, nixfiles }: {
    darwinConfigurations.ci = nix-darwin.lib.darwinSystem {
      modules = [
        nixfiles.darwinModules.default
        ./no-hvf-for-github-actions.nix
        {
          nixpkgs.hostPlatform = "aarch64-darwin";
          system.stateVersion = 5;
        }
      ];
    };
  };
}
