# lib.systems.elaborate, reduced to what the stand-ins read: `system`, the kernel and
# cpu predicates, and qemuArch.
{ lib }:
{
  elaborate = arg:
    let
      system = if builtins.isString arg then arg else arg.system or arg.config;
      parts = lib.splitString "-" system;
      cpu = builtins.head parts;
      kernel = lib.last parts;
    in (if builtins.isAttrs arg then arg else { }) // {
      inherit system;
      config = system;
      isLinux = kernel == "linux";
      isDarwin = kernel == "darwin";
      isAarch64 = cpu == "aarch64";
      isAarch = cpu == "aarch64" || lib.hasPrefix "arm" cpu;
      isx86 = cpu == "x86_64" || cpu == "i686";
      isx86_64 = cpu == "x86_64";
      is32bit = cpu == "i686" || lib.hasPrefix "arm" cpu;
      is64bit = !(cpu == "i686" || lib.hasPrefix "arm" cpu);
      qemuArch = if cpu == "i686" then "i386" else if lib.hasPrefix "arm" cpu then "arm" else cpu;
      uname.processor = cpu;
      parsed.cpu.name = cpu;
      parsed.kernel.name = kernel;
    };
}
