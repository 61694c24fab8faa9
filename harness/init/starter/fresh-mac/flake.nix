# Your configuration on a fresh Mac: no Linux builder yet, only the upstream cache.
{
  description = "flakecase case: the configuration on a fresh Mac";

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
        {
          nixpkgs.hostPlatform = "aarch64-darwin";
          system.stateVersion = 5;
        }
      ];
    };
  };
}
