#!/usr/bin/env bash
# Installs, idempotently, everything the project needs on Debian 12: the Debian packages (C++
# toolchain, Eigen, nlohmann-json, GoogleTest, Emscripten, Chromium, clang 14 with its fuzzer and
# sanitizer runtimes, clang-format, HDF5, libzip, CLI11, numpy and h5py for the file-format checks)
# and the npm packages from the committed lock file. A second run finds everything in place and returns in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(g++ cmake ninja-build libeigen3-dev nlohmann-json3-dev googletest libgtest-dev emscripten chromium fonts-nanum
  clang-14 libclang-rt-14-dev clang-format libhdf5-dev libzip-dev libcli11-dev python3-numpy python3-h5py)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages: reinstall only when the lock file changed since the last install.
stamp=node_modules/.package-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
