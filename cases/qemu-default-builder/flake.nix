# The default builder (nix.linux-builder.enable = true, nothing customised), for its qemu
# line: what run-nixos-vm execs, and what QEMU does with it on each host. Offline the
# harness replaces both inputs with cases/stand-ins; on a Mac with network the real ones.
{
  description = "flakecase case: the default linux-builder's qemu command line per host";

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
