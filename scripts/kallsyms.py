#!/usr/bin/env python3
"""Generates the kernel's symbol table (scripts/kallsyms.c in Linux, much simplified).

  kallsyms.py VMLINUX OUT.S    the function symbols of VMLINUX, sorted by address
  kallsyms.py --empty OUT.S    an empty table for the first link

Reads the ELF32 symbol table directly (python3 stdlib only)."""
import struct
import sys


def elf_functions(path):
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 1:
        raise SystemExit(f"{path}: not an ELF32 file")
    e_shoff, = struct.unpack_from("<I", data, 0x20)
    e_shentsize, e_shnum = struct.unpack_from("<HH", data, 0x2e)
    sections = [struct.unpack_from("<IIIIIIIIII", data, e_shoff + i * e_shentsize) for i in range(e_shnum)]
    syms = []
    for sh in sections:
        if sh[1] != 2:  # SHT_SYMTAB
            continue
        strtab = sections[sh[6]]
        str_off = strtab[4]
        for off in range(sh[4], sh[4] + sh[5], 16):
            name, value, size, info, _other, shndx = struct.unpack_from("<IIIBBH", data, off)
            kind = info & 0xf
            if kind != 2 or shndx == 0 or value < 0xC0000000:  # STT_FUNC in the high half
                continue
            end = data.index(b"\0", str_off + name)
            syms.append((value, size, data[str_off + name:end].decode()))
    syms.sort()
    return syms


def write(out, syms):
    names = bytearray()
    rows = []
    for addr, size, name in syms:
        rows.append((addr, size, len(names)))
        names += name.encode() + b"\0"
    lines = ['\t.section .kallsyms, "a"', "\t.balign 4",
             "\t.globl kallsyms_num", "kallsyms_num:", f"\t.long {len(rows)}",
             "\t.globl kallsyms_rows", "kallsyms_rows:"]
    lines += [f"\t.long {a:#x}, {s}, {n}" for a, s, n in rows]
    lines += ["\t.globl kallsyms_names", "kallsyms_names:"]
    for i in range(0, len(names), 32):
        lines.append("\t.byte " + ", ".join(str(b) for b in names[i:i + 32]))
    lines.append("\t.byte 0")
    lines.append('\t.section .note.GNU-stack, "", @progbits')
    open(out, "w").write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--empty":
        write(sys.argv[2], [])
    elif len(sys.argv) == 3:
        write(sys.argv[2], elf_functions(sys.argv[1]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
