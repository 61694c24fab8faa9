# Testing your own nixfiles: this case imports two modules from a `nixfiles` input, the way a
# case in your repository would. case.yaml points `nixfiles` at ./example-nixfiles; run it
# against your checkout instead with
#   flakecase nixfiles-example --flake-input nixfiles=/path/to/your/nixfiles
# (your flake must export darwinModules.linux-builder and darwinModules.no-hvf-for-github-actions).
{
  description = "flakecase case: modules imported from a nixfiles input";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.nix-darwin.url = "github:nix-darwin/nix-darwin";
  inputs.nix-darwin.inputs.nixpkgs.follows = "nixpkgs";
  # Replaced by case.yaml's inputs (offline) or --flake-input nixfiles=PATH.
  inputs.nixfiles.url = "github:example/nixfiles";

  outputs = { self, nixpkgs, nix-darwin, nixfiles }: {
    darwinConfigurations.ci = nix-darwin.lib.darwinSystem {
      modules = [
        nixfiles.darwinModules.linux-builder
        nixfiles.darwinModules.no-hvf-for-github-actions
        {
          nixpkgs.hostPlatform = "aarch64-darwin";
          system.stateVersion = 5;
        }
      ];
    };
  };
}
