#!/bin/sh
# What the Dockerfile runs to put presskit into its image, as root on Debian (bookworm):
# Debian's Chromium headless shell and fonts, presskit from its packed tarball, and the
# non-root user builds run as. test/e2e/container-install.test.ts runs this same script on
# the test machine, which cannot run containers, and builds with what it installed.
#
#   sh scripts/container-install.sh presskit-cli-X.Y.Z.tgz
#
# PRESSKIT_PREFIX   npm prefix to install into (default: npm's global prefix, /usr/local)
# PRESSKIT_USER     user to create (default: presskit, uid 10001); empty: create none
set -eu

tarball=${1:?usage: container-install.sh TARBALL}
user=${PRESSKIT_USER-presskit}

# The headless shell prints the same PDFs as full Chromium with less to install and a
# quarter less time per build (BENCHMARKS.md); DejaVu covers the characters presskit's own
# fonts lack (Greek, Cyrillic). Only what is missing is installed, so a machine that has
# them all needs no network and no apt lists.
missing=""
for package in chromium-headless-shell fonts-dejavu-core ca-certificates; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
    missing="$missing $package"
done
if [ -n "$missing" ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
  rm -rf /var/lib/apt/lists/*
fi

# --ignore-scripts: presskit's dependencies have no install scripts, and none may run.
if [ -n "${PRESSKIT_PREFIX:-}" ]; then
  npm install --global --prefix "$PRESSKIT_PREFIX" --ignore-scripts --no-audit --no-fund "$tarball"
else
  npm install --global --ignore-scripts --no-audit --no-fund "$tarball"
fi

if [ -n "$user" ] && ! id "$user" >/dev/null 2>&1; then
  useradd --uid 10001 --create-home --shell /usr/sbin/nologin "$user"
fi
