# A CI runner configured like a developer's Mac: the default linux-builder, no override.
# Its VM image is the cached default, so everything builds; but the builder's qemu line asks
# for accel=hvf:tcg, and on a GitHub macOS runner (HVF compiled in, unusable) QEMU aborts
# instead of falling back. Anything aarch64-linux then has no builder.
{
  description = "flakecase case: the default linux-builder on a runner without HVF";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.nix-darwin.url = "github:nix-darwin/nix-darwin";
  inputs.nix-darwin.inputs.nixpkgs.follows = "nixpkgs";

  outputs = { self, nixpkgs, nix-darwin }: {
    darwinConfigurations.runner = nix-darwin.lib.darwinSystem {
      modules = [
        { nixpkgs.hostPlatform = "aarch64-darwin"; system.stateVersion = 5; nix.linux-builder.enable = true; }
      ];
    };
    # What the CI wants the builder for: an aarch64-linux package (in no cache).
    packages.aarch64-linux.linux-hello = nixpkgs.legacyPackages.aarch64-linux.runCommand "linux-hello" { } ''
      echo "hello from $(uname -m 2>/dev/null || echo aarch64) linux" > $out
    '';
  };
}
