# The story's CI fix, unchanged: no-hvf-for-github-actions.nix is the module from the
# blog post byte for byte (Dec 27, 2024). It replaces nix.linux-builder.package with a
# runCommand that seds the default builder's run-nixos-vm (drop ,accel=hvf:tcg; smp 1 ->
# smp $(nproc)) and points a copied create-builder at the patched script.
{
  description = "flakecase case: the story's no-HVF override of nix.linux-builder.package";

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

    # What nix-darwin read from the package's passthru, as a file a harness can check.
    packages.aarch64-darwin.builder-facts =
      let cfg = self.darwinConfigurations.ci.config.nix.linux-builder; in
      nixpkgs.legacyPackages.aarch64-darwin.writeText "builder-facts.json" (builtins.toJSON {
        passthruCores = cfg.package.nixosConfig.virtualisation.cores;
        inherit (cfg) maxJobs systems;
      });
  };
}
