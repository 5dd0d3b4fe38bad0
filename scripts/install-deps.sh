#!/bin/sh
# Installs, with apt, whatever MenuOS needs to build, run and test and is not there yet.
# Quiet when everything is present. Uses sudo when not root. Safe to run again and again.
set -e

# package:command-or-file that proves it is installed. qemu-user runs the i386 host tests on
# kernels booted without IA-32 emulation (exec of an i386 program fails with ENOEXEC there).
NEEDS="
g++-multilib:/usr/lib/gcc/x86_64-linux-gnu/*/32/libstdc++.so
make:make
qemu-system-x86:qemu-system-i386
qemu-user:qemu-i386
gdb:gdb
catch2:/usr/include/catch2/catch.hpp
python3:python3
cpio:cpio
grub-pc-bin:/usr/lib/grub/i386-pc/multiboot.mod
grub-common:grub-mkrescue
xorriso:xorriso
mtools:mcopy
tshark:tshark
"

missing=""
for item in $NEEDS; do
    pkg=${item%%:*}
    probe=${item#*:}
    case "$probe" in
        /*) set -- $probe; [ -e "$1" ] && continue ;; # a path, perhaps a glob (any gcc version)
        *) command -v "$probe" >/dev/null 2>&1 && continue ;;
    esac
    missing="$missing $pkg"
done

[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-deps: need root or sudo to install:$missing" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
# tshark asks whether non-root users may capture; answer no without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | $SUDO debconf-set-selections 2>/dev/null || true
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "install-deps: done"
