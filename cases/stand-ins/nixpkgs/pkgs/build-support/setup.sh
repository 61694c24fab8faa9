# Stand-in for nixpkgs' stdenv setup (pkgs/stdenv/generic/setup.sh): the inputs' bin/
# first, then the stdenv tools (busybox applets here), strict mode as upstream's setup
# (`set -eu -o pipefail`, so a grep that finds nothing fails the build), then the
# derivation's buildCommand and, when asked, its checkPhase.
inputsPath=
for p in ${nativeBuildInputs:-} ${buildInputs:-}; do
  if [ -d "$p/bin" ]; then inputsPath="$inputsPath${inputsPath:+:}$p/bin"; fi
done
PATH="$inputsPath${inputsPath:+:}$stdenvTools/bin"
export PATH
export HOME=/homeless-shelter
set -eu
set -o pipefail
if [ -n "${buildCommandPath:-}" ]; then
  eval "$(cat "$buildCommandPath")"
else
  eval "${buildCommand:?stand-in stdenv: no buildCommand}"
fi
