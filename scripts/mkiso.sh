#!/bin/sh
# Builds build/menuos.iso: a GRUB rescue image (BIOS) that boots the same multiboot kernel and
# initramfs as QEMU's -kernel/-initrd, for other VMs and real machines.
#   mkiso.sh BUILD_DIR "EXTRA KERNEL OPTIONS"
set -e
build=${1:-build}
append=${2:-}
command -v grub-mkrescue >/dev/null || { echo "mkiso: grub-mkrescue missing: run 'make deps'" >&2; exit 1; }
dir="$build/iso"
rm -rf "$dir"
mkdir -p "$dir/boot/grub"
cp "$build/vmlinux" "$dir/boot/vmlinux"
cp "$build/rootfs.img" "$dir/boot/rootfs.img"
cat > "$dir/boot/grub/grub.cfg" <<CFG
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set timeout=0
menuentry "MenuOS" {
    multiboot /boot/vmlinux console=ttyS0 $append
    module /boot/rootfs.img rootfs.img
    boot
}
CFG
grub-mkrescue -o "$build/menuos.iso" "$dir" >/dev/null 2>&1 || {
    echo "mkiso: grub-mkrescue failed (needs grub-pc-bin, xorriso, mtools)" >&2
    grub-mkrescue -o "$build/menuos.iso" "$dir"
    exit 1
}
echo "  ISO     $build/menuos.iso"
