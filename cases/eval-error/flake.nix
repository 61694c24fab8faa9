{
  description = "A flake whose target does not evaluate: the error must name flake.nix:line:column.";
  outputs = { self }:
    let
      cores = 4;
    in {
      packages.aarch64-darwin.broken = derivation {
        name = "broken";
        system = "aarch64-darwin";
        builder = "/bin/sh";
        args = [ "-c" ("echo " + cores + " > $out") ];
      };
    };
}
