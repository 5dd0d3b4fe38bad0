#!/usr/bin/env python3
"""Turns kernel/syscall_32.tbl (Linux's format) into the kernel's sys_call_table and libc's numbers.

  syscalltbl.py table TBL OUT.S      -> sys_call_table in assembly, NR_syscalls entries
  syscalltbl.py unistd TBL OUT.h     -> #define __NR_name number, for libc and the kernel
  syscalltbl.py names TBL OUT.h      -> {number, "name"} rows, for the syscall tracer

Entry points the kernel does not define are weak references that link as 0; system_call
treats a 0 slot as -ENOSYS, the job Linux's cond_syscall() and sys_ni_syscall do.
"""
import sys


def parse(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) < 3:
            raise SystemExit(f"{path}: bad line: {line}")
        nr, abi, name = int(fields[0]), fields[1], fields[2]
        entry = fields[3] if len(fields) > 3 else None
        rows.append((nr, abi, name, entry))
    nrs = [r[0] for r in rows]
    if len(set(nrs)) != len(nrs):
        raise SystemExit(f"{path}: duplicate syscall numbers")
    return rows


def write_table(rows, out):
    nr_syscalls = max(r[0] for r in rows) + 1
    by_nr = {r[0]: r for r in rows}
    entries = sorted({r[3] for r in rows if r[3]})
    lines = ["/* Generated from kernel/syscall_32.tbl by scripts/syscalltbl.py: do not edit. */",
             "\t.section .rodata", "\t.balign 4"]
    for e in entries:
        lines += [f"\t.weak {e}"]  # undefined weak: 0 when the kernel lacks it (-ENOSYS)
    lines += ["\t.globl sys_call_table", "\t.type sys_call_table, @object", "sys_call_table:"]
    for nr in range(nr_syscalls):
        r = by_nr.get(nr)
        target = r[3] if r and r[3] else "sys_ni_syscall"
        lines.append(f"\t.long {target}\t/* {nr} {r[2] if r else ''} */")
    lines += [f"\t.size sys_call_table, {4 * nr_syscalls}",
              "\t.globl NR_syscalls_value", "\t.set NR_syscalls_value, " + str(nr_syscalls),
              '\t.section .note.GNU-stack,"",@progbits', ""]
    out.write("\n".join(lines))


def write_unistd(rows, out):
    out.write("/* Generated from kernel/syscall_32.tbl by scripts/syscalltbl.py: do not edit. */\n")
    out.write("#ifndef _ASM_UNISTD_32_H\n#define _ASM_UNISTD_32_H\n\n")
    for nr, _abi, name, _entry in rows:
        out.write(f"#define __NR_{name} {nr}\n")
    out.write(f"\n#define NR_syscalls {max(r[0] for r in rows) + 1}\n\n#endif\n")


def write_names(rows, out):
    out.write("/* Generated from kernel/syscall_32.tbl by scripts/syscalltbl.py: do not edit. */\n")
    for nr, _abi, name, _entry in rows:
        out.write(f'{{{nr}, "{name}"}},\n')


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("table", "unistd", "names"):
        raise SystemExit(__doc__)
    rows = parse(sys.argv[2])
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        {"table": write_table, "unistd": write_unistd, "names": write_names}[sys.argv[1]](rows, out)


if __name__ == "__main__":
    main()
