#!/usr/bin/env python3
"""Prints the system-call table of docs/syscalls.md from kernel/syscall_32.tbl and the symbols
of build/vmlinux: which numbers have a service routine and which return -ENOSYS.
  syscalldoc.py            print the table
  syscalldoc.py --update   rewrite the table between the markers in docs/syscalls.md
  syscalldoc.py --check    exit 1 if docs/syscalls.md is out of date"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN, END = "<!-- syscall table begin -->", "<!-- syscall table end -->"


def defined_symbols():
    out = subprocess.run(["nm", os.path.join(ROOT, "build", "vmlinux")], capture_output=True, text=True, check=True).stdout
    return {line.split()[-1] for line in out.splitlines() if len(line.split()) == 3 and line.split()[1] in "TtWw"}


def table():
    syms = defined_symbols()
    rows = ["| nr | name | service routine | status |", "| ---: | --- | --- | --- |"]
    for line in open(os.path.join(ROOT, "kernel", "syscall_32.tbl")):
        f = line.split("#", 1)[0].split()
        if len(f) < 4:
            continue
        status = "implemented" if f[3] in syms else "-ENOSYS"
        rows.append(f"| {f[0]} | {f[2]} | `{f[3]}` | {status} |")
    rows.append("| any other | | | -ENOSYS |")
    return "\n".join(rows)


def main():
    doc = os.path.join(ROOT, "docs", "syscalls.md")
    new = table()
    if len(sys.argv) == 1:
        print(new)
        return
    text = open(doc).read()
    a, b = text.index(BEGIN) + len(BEGIN), text.index(END)
    updated = text[:a] + "\n" + new + "\n" + text[b:]
    if sys.argv[1] == "--check":
        if updated != text:
            sys.exit("docs/syscalls.md is out of date: run scripts/syscalldoc.py --update")
    elif sys.argv[1] == "--update":
        open(doc, "w").write(updated)


if __name__ == "__main__":
    main()
