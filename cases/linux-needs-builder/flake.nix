{
  description = "An aarch64-linux derivation: only a Mac with a running Linux builder can build it.";
  outputs = { self }: {
    packages.aarch64-linux.image = derivation {
      name = "tiny-vm-image";
      system = "aarch64-linux";
      builder = "/bin/sh";
      args = [ "-c" "echo 'a tiny aarch64-linux image' > $out" ];
    };
  };
}
