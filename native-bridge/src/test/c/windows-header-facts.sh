#!/usr/bin/env bash
# Builds windows-header-facts.c against mingw-w64's Windows headers and runs it under Wine, writing
# src/test/resources/windows-headers/facts-<arch>.properties. Needs gcc-mingw-w64-x86-64 and wine
# (Debian packages). Run it again when a mapping gains a constant; the test reads only the stored output.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/windows-headers"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for arch in x86_64; do
    cc="$arch-w64-mingw32-gcc"
    if ! command -v "$cc" >/dev/null; then
        echo "skipping $arch: $cc not installed" >&2
        continue
    fi
    "$cc" -O0 -o "$work/facts-$arch.exe" "$here/windows-header-facts.c"
    {
        echo "# Made by src/test/c/windows-header-facts.sh: $($cc --version | head -1), run under $(wine --version)"
        WINEDEBUG=-all WINEPREFIX="$work/prefix" wine "$work/facts-$arch.exe" | tr -d '\r'
    } > "$out/facts-$arch.properties"
    echo "wrote $out/facts-$arch.properties"
done
