# system.build.toplevel: an aarch64-darwin derivation holding what activation would
# install: etc/<target> for each environment.etc entry, Library/LaunchDaemons/*.plist,
# and an `activate` script with the activation scripts. Files are copied (upstream links
# them through an `etc` derivation) so a harness can read them inside a chroot store.
# Failed assertions abort evaluation, as in nix-darwin.
{ config, lib, pkgs, ... }:
let
  enabled = lib.filterAttrs (n: e: e.enable);
  # `dir` is a shell word like $out/etc; targets are plain relative paths.
  copyInto = dir: entries: lib.concatStrings (lib.mapAttrsToList (name: e: ''
    mkdir -p "$(dirname "${dir}/${e.target}")"
    cp -L ${lib.escapeShellArg "${e.source}"} "${dir}/${e.target}"
  '') (enabled entries));

  failed = map (a: a.message) (builtins.filter (a: !a.assertion) config.assertions);
  withChecks = x:
    if failed != [ ] then throw "\nFailed assertions:\n${lib.concatMapStrings (m: "- ${m}\n") failed}"
    else lib.foldr (w: acc: builtins.trace "warning: ${w}" acc) x config.warnings;

  activate = pkgs.writeText "activate" ''
    #! ${pkgs.stdenv.shell}
    set -e
    ${lib.concatStrings (lib.mapAttrsToList (n: s: "# ${n}\n${s.text}\n") config.system.activationScripts)}
  '';
in
{
  config.system.build.toplevel = withChecks (pkgs.runCommand "darwin-system-${config.system.darwinLabel}" { } ''
    mkdir -p $out
    ${copyInto "$out/etc" config.environment.etc}
    ${copyInto "$out/Library/LaunchDaemons" config.environment.launchDaemons}
    ${copyInto "$out/Library/LaunchAgents" config.environment.launchAgents}
    cp ${activate} $out/activate
    chmod +x $out/activate
    echo ${lib.escapeShellArg config.system.darwinLabel} > $out/darwin-version
  '');
}
