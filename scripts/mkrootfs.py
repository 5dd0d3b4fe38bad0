#!/usr/bin/env python3
"""Builds the initramfs: a cpio "newc" archive (the format of Linux's initramfs).

  mkrootfs.py -o build/rootfs.img --bin build/bin [--extra DIR]

Every program in --bin becomes /bin/NAME (debug sections stripped: gdb reads the symbols from
build/bin); /bin/menu is also /init. Directories /bin /dev /etc /proc /tmp exist. Files under
the host folder --extra are copied into the image's root with their relative paths and
permission bits (DIR/bin/prog becomes /bin/prog) and win over the defaults. The archive is
reproducible (sorted names, mtime 0, uid/gid 0, inode numbers in order) and is rewritten only
when its content changes, so make does not rebuild what depends on it."""
import argparse
import os
import stat
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def newc_entry(ino, name, mode, data=b"", nlink=1):
    name_b = name.encode() + b"\0"
    fields = [ino, mode, 0, 0, nlink, 0, len(data), 0, 0, 0, 0, len(name_b), 0]
    hdr = b"070701" + b"".join(b"%08X" % f for f in fields)
    out = hdr + name_b
    out += b"\0" * (-len(out) % 4)
    out += data
    out += b"\0" * (-len(out) % 4)
    return out


def stripped(path):
    """The program without debug sections (smaller rootfs), or as is if strip fails."""
    with tempfile.NamedTemporaryFile(delete=False) as tmp:
        tmp_name = tmp.name
    try:
        r = subprocess.run(["objcopy", "--strip-debug", path, tmp_name], capture_output=True)
        return open(tmp_name if r.returncode == 0 else path, "rb").read()
    finally:
        os.unlink(tmp_name)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--extra")
    args = ap.parse_args()

    entries = {}  # path -> (mode, data)
    for d in ("bin", "dev", "etc", "proc", "tmp"):
        entries[d] = (stat.S_IFDIR | 0o755, b"")
    entries["etc/motd"] = (stat.S_IFREG | 0o644, b"Welcome to MenuOS. Type help.\n")
    for name in sorted(os.listdir(args.bin)):
        path = os.path.join(args.bin, name)
        if os.path.isfile(path):
            entries[f"bin/{name}"] = (stat.S_IFREG | 0o755, stripped(path))
    if "bin/menu" in entries:
        entries["init"] = entries["bin/menu"]
    if args.extra:
        if not os.path.isdir(args.extra):
            raise SystemExit(f"mkrootfs: ROOTFS_EXTRA={args.extra} is not a directory")
        for dirpath, dirnames, filenames in os.walk(args.extra):
            dirnames.sort()
            rel_dir = os.path.relpath(dirpath, args.extra)
            for dn in dirnames:
                rel = os.path.normpath(os.path.join(rel_dir, dn))
                entries[rel] = (stat.S_IFDIR | (os.stat(os.path.join(dirpath, dn)).st_mode & 0o7777), b"")
            for fn in sorted(filenames):
                full = os.path.join(dirpath, fn)
                rel = os.path.normpath(os.path.join(rel_dir, fn))
                if os.path.isfile(full):
                    entries[rel] = (stat.S_IFREG | (os.stat(full).st_mode & 0o7777), open(full, "rb").read())

    out = bytearray()
    for ino, name in enumerate(sorted(entries), start=1):
        mode, data = entries[name]
        out += newc_entry(ino, name, mode, data, 2 if stat.S_ISDIR(mode) else 1)
    out += newc_entry(0, "TRAILER!!!", 0)
    out += b"\0" * (-len(out) % 512)

    try:
        if open(args.o, "rb").read() == bytes(out):
            return
    except OSError:
        pass
    os.makedirs(os.path.dirname(args.o) or ".", exist_ok=True)
    with open(args.o, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
