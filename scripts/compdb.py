#!/usr/bin/env python3
"""Writes compile_commands.json (for clangd) to stdout: every kernel, libc, user and unit-test
source with the flags the Makefile uses for it.  compdb.py KFLAGS UFLAGS HFLAGS"""
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    kflags, uflags, hflags = sys.argv[1:4]
    entries = []

    def add(pattern, compiler, flags):
        for path in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)):
            entries.append({"directory": ROOT, "file": path,
                            "command": f"{compiler} {flags} -c {os.path.relpath(path, ROOT)}"})

    for d in ("boot", "kernel", "net"):
        add(f"{d}/**/*.cpp", "g++", kflags)
    add("libc/**/*.cpp", "g++", uflags)
    add("user/**/*.cpp", "g++", uflags)
    add("tests/unit/**/*.cpp", "g++", hflags)
    json.dump(entries, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
