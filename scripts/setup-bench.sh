#!/usr/bin/env bash
# The benchmark's own set-up (npm run bench): Debian's PyTorch for the CPU peer (python3-torch, for
# /usr/bin/python3), installed once; a second run finds it and returns at once.
set -euo pipefail
if ! dpkg-query -W -f='${Status}' python3-torch 2>/dev/null | grep -q "install ok installed"; then
  echo "setup-bench: installing Debian's python3-torch"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-torch >/dev/null
fi
