# nixpkgs lib/meta.nix: getExe picks `meta.mainProgram`, falling back to the package name.
{ lib }:
rec {
  getExe = x: getExe' x (x.meta.mainProgram or (lib.getName x));
  getExe' = x: y: "${lib.getBin x}/bin/${y}";
  platforms = {
    darwin = [ "aarch64-darwin" "x86_64-darwin" ];
    linux = [ "aarch64-linux" "x86_64-linux" "i686-linux" "armv7l-linux" ];
    all = platforms.darwin ++ platforms.linux;
  };
  maintainers = { };
  licenses = { mit = { shortName = "mit"; }; };
}
