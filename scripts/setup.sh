#!/usr/bin/env bash
# One-command set-up: system packages where missing, npm packages, the build, and the
# sample press kit in dist/. Needs root (or sudo) only when a Debian package is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
# A browser to print PDFs with: any Chrome or Chromium will do.
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}${CHROME_PATH:-}" ] &&
  ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null &&
  ! command -v google-chrome >/dev/null && ! command -v google-chrome-stable >/dev/null; then
  missing+=(chromium)
fi
# presskit prefers Chromium's headless shell where there is one: the same browser, a fifth
# faster per PDF (BENCHMARKS.md). Debian has it since Chromium 120; the tests print with both.
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}${CHROME_PATH:-}" ] &&
  [ ! -x /usr/lib/chromium/chromium-headless-shell ]; then
  missing+=(chromium-headless-shell)
fi
# Independent checkers the test suite uses on the outputs.
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
command -v unzip >/dev/null || missing+=(unzip)
# exiftool reads back the caption, credit and copyright presskit writes into web images.
command -v exiftool >/dev/null || missing+=(libimage-exiftool-perl)
command -v pgrep >/dev/null || missing+=(procps)
# The example GitHub workflow reads `build --json` with jq, as GitHub's runners have it.
command -v jq >/dev/null || missing+=(jq)
# script(1) gives the progress test a terminal.
command -v script >/dev/null || missing+=(bsdutils)
/usr/bin/python3 -c 'import vobject' 2>/dev/null || missing+=(python3-vobject)
# Chromium's fallback fonts for characters the bundled fonts lack.
# (Not `grep -q`: it stops reading early, fc-list then dies of SIGPIPE and pipefail fails.)
[ -n "$(fc-list 2>/dev/null | grep -i dejavu)" ] || missing+=(fonts-dejavu-core)

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    # Optional where this distribution lacks it: presskit then prints with full Chromium.
    if ! apt-cache show chromium-headless-shell >/dev/null 2>&1; then
      echo "setup: no chromium-headless-shell package here; presskit will use Chromium" >&2
      missing=("${missing[@]/chromium-headless-shell/}")
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends ${missing[@]} >/dev/null
  else
    echo "setup: please install: ${missing[*]} (no apt-get here)" >&2
  fi
fi

# npm ci builds presskit too (the package's `prepare` script is `npm run build`).
npm ci --no-audit --no-fund
node bin/presskit.js build
