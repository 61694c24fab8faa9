# The tiny flake behind harness/nix/fixtures (scripts/capture-nix-fixtures): no inputs,
# busybox builders, one attribute per scenario. Line numbers appear in captured errors:
# changing this file means capturing every version again.
{
  outputs = { self }:
    let
      mk = system: name: script: derivation {
        inherit name system;
        builder = "/bin/sh";
        args = [ "-c" script ];
      };
      hello = mk "aarch64-darwin" "hello" "/bin/busybox mkdir $out && echo hi > $out/greeting";
    in
    {
      packages.aarch64-darwin = {
        inherit hello;
        withDep = mk "aarch64-darwin" "with-dep" "/bin/busybox cat ${hello}/greeting > $out";
        failing = mk "aarch64-darwin" "failing" "echo building step one; echo building step two; echo 'something went wrong' >&2; exit 1";
        linuxThing = mk "aarch64-linux" "linux-thing" "echo hi > $out";
        typeError = 1 + "a";
        throwing = throw "boom";
        asserting = assert false; hello;
      };
    };
}
