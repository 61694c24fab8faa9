[
  ./system/default.nix
  ./system/toplevel.nix
  ./environment/default.nix
  ./launchd/default.nix
  ./nix/default.nix
  ./nix/linux-builder.nix
]
