#!/usr/bin/env bash
# Installs what Trackway needs on a fresh Debian machine (idempotent, seconds when already there).
set -euo pipefail
export PATH="$PATH:/opt/swift/usr/bin"
packages=(libxml2-dev libsqlite3-dev libsodium-dev libpq-dev postgresql libcurl4-openssl-dev zlib1g-dev pkg-config libxml2-utils sqlite3 curl python3 python3-venv iproute2 nginx-light apache2 chromium chromium-driver)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi
command -v swift >/dev/null || { echo "setup: Swift 6 toolchain not found on PATH" >&2; exit 1; }
