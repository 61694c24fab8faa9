{
  description = "A darwin-side build with no inputs: builds on every simulated Mac.";
  outputs = { self }: {
    packages.aarch64-darwin.hello = derivation {
      name = "hello";
      system = "aarch64-darwin";
      builder = "/bin/sh";
      args = [ "-c" ''
        /bin/busybox mkdir -p $out/bin
        printf '#!/bin/sh\necho hello from %s\n' "$system" > $out/bin/hello
        /bin/busybox chmod +x $out/bin/hello
      '' ];
    };
  };
}
