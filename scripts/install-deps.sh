#!/usr/bin/env bash
# Installs the Debian 12 packages StateTrace needs to build, run and test, only if missing.
# Runs as root (or through sudo when available). Nothing is downloaded at build time.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libgl-dev libqt6sql6-sqlite
  nlohmann-json3-dev libspdlog-dev libfmt-dev catch2 libyaml-cpp-dev
  libsqlite3-dev sqlite3 libpcre2-dev libarchive-dev libzstd-dev libssl-dev
  fonts-dejavu-core python3 python3-textfsm python3-yaml
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
