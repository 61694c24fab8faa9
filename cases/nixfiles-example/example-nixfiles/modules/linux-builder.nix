# The user's Linux builder settings. maxJobs is visible in /etc/nix/machines, so a case can
# tell that this module (and not a default) was imported.
{ ... }:

{
  nix.linux-builder.enable = true;
  nix.linux-builder.maxJobs = 4;
}
