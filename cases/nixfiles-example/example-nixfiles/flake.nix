# An example "nixfiles" repository: the modules a nix-darwin configuration is made of,
# exported so that other flakes (here: flakecase cases) can import them. It has no inputs:
# a module receives lib and pkgs from whichever nixpkgs the importing configuration uses,
# so flakecase can evaluate it against the offline stand-ins, unchanged.
{
  description = "Example nixfiles for flakecase: darwin modules to test";

  outputs = { self }: {
    darwinModules = {
      # The Linux builder as this user likes it.
      linux-builder = ./modules/linux-builder.nix;
      # The story's CI fix (blog post of Dec 27, 2024), byte for byte.
      no-hvf-for-github-actions = ./modules/no-hvf-for-github-actions.nix;
      default = { imports = [ self.darwinModules.linux-builder ]; };
    };
  };
}
