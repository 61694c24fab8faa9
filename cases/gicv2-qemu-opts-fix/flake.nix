# The default builder (nix.linux-builder.enable = true), unchanged: the fix for QEMU 11.1 is
# in the environment the builder starts with (QEMU_OPTS, e.g. set on the launchd daemon),
# not in the flake.
{
  description = "flakecase case: the default linux-builder with QEMU_OPTS asking for a GICv3-capable GIC";

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
