# The story's override with a sed that no longer matches the line it edits: its pattern
# expects `accel=hvf:tcg,` (comma after), while the -machine value ends in
# `,accel=hvf:tcg` (comma before), as happens when upstream reorders the properties under
# an override. The sed silently changes nothing, the build succeeds, accel=hvf stays, and
# the builder cannot come up on a runner without HVF.
{
  description = "flakecase case: an override whose sed misses the machine line";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";
  inputs.nix-darwin.url = "github:nix-darwin/nix-darwin";
  inputs.nix-darwin.inputs.nixpkgs.follows = "nixpkgs";

  outputs = { self, nixpkgs, nix-darwin }: {
    darwinConfigurations.runner = nix-darwin.lib.darwinSystem {
      modules = [ ./stale-sed-override.nix { nixpkgs.hostPlatform = "aarch64-darwin"; system.stateVersion = 5; } ];
    };
    packages.aarch64-linux.linux-hello = nixpkgs.legacyPackages.aarch64-linux.runCommand "linux-hello" { } ''
      echo "hello from linux" > $out
    '';
  };
}
