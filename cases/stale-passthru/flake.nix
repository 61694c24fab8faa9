# The story's override with virtualisation.cores = 4, next to the same config without
# the override. The override ends in `// pkgs.darwin.linux-builder.passthru`: the default
# builder's passthru, whose nixosConfig says cores = 1, while the VM it builds has 4.
{
  description = "flakecase case: the override's passthru describes the default builder";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.nix-darwin.url = "github:nix-darwin/nix-darwin";
  inputs.nix-darwin.inputs.nixpkgs.follows = "nixpkgs";

  outputs = { self, nixpkgs, nix-darwin }:
    let
      base = {
        nixpkgs.hostPlatform = "aarch64-darwin";
        system.stateVersion = 5;
        nix.linux-builder.enable = true;
        nix.linux-builder.config.virtualisation.cores = 4;
      };
    in
    {
      darwinConfigurations.ci = nix-darwin.lib.darwinSystem {
        modules = [ ./no-hvf-for-github-actions.nix base ];
      };
      # The same builder config without the override, for contrast.
      darwinConfigurations.reference = nix-darwin.lib.darwinSystem {
        modules = [ base ];
      };

      packages.aarch64-darwin.builder-facts =
        let cfg = self.darwinConfigurations.ci.config.nix.linux-builder; in
        nixpkgs.legacyPackages.aarch64-darwin.writeText "builder-facts.json" (builtins.toJSON {
          passthruCores = cfg.package.nixosConfig.virtualisation.cores;
          inherit (cfg) maxJobs systems;
        });
    };
}
