# The default builder (nix.linux-builder.enable = true) on a Mac whose QEMU is newer than
# the one nixpkgs shipped with the story: its run-nixos-vm still asks for gic-version=2,
# which QEMU 11.1 refuses under HVF.
{
  description = "flakecase case: the default linux-builder under a QEMU that refuses GICv2 with HVF";

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
