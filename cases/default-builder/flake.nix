# The baseline: nix-darwin's nix.linux-builder with nothing customised, the setup every
# story starts from. Offline the harness replaces both inputs with cases/stand-ins; on a
# Mac with network `nix build .#darwinConfigurations.ci.system` uses the real ones.
{
  description = "flakecase case: nix.linux-builder.enable with the default builder";

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
        }
      ];
    };
  };
}
