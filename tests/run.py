#!/usr/bin/env python3
"""Runs every MenuOS test and ends with one line: `N passed, N failed`.

  tests/run.py [-k SUBSTRING] [--only unit|qemu|gdb|host]

Layers: the Catch2 unit tests (build/unit-tests, one count per test case), the QEMU tests
(tests/qemu/test_*.py: each test_* function boots its own headless machine), the gdb batch
tests (tests/gdb/test_*.py) and host-side checks (tests/host/test_*.py). QEMU and gdb tests
run two at a time (the machine has two cores). A failure prints its message and the end of the
serial log. Exits non-zero when anything failed."""
import argparse
import concurrent.futures
import importlib.util
import os
import re
import subprocess
import sys
import time
import traceback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, os.path.join(ROOT, "tests", "lib"))
import host32  # noqa: E402


def run_unit(results):
    exe = os.path.join(ROOT, "build", "unit-tests")
    start = time.monotonic()
    # An i386 program: host32 runs it under qemu-i386 where this kernel cannot.
    p = host32.run([exe, "--reporter", "console"], capture_output=True, text=True)
    out = p.stdout + p.stderr
    # Catch2 v2's console reporter ends with "All tests passed (900 assertions in 42 test cases)"
    # or "test cases: 42 | 41 passed | 1 failed".
    m = re.search(r"test cases: *(\d+) \| *(\d+) passed \| *(\d+) failed", out)
    if m:
        passed, failed = int(m.group(2)), int(m.group(3))
    else:
        m = re.search(r"All tests passed \(\d+ assertions? in (\d+) test cases?\)", out)
        passed, failed = (int(m.group(1)), 0) if m else (0, 1)
    if p.returncode != 0 and failed == 0:
        failed = 1
    if failed:
        print("\n".join("  " + line for line in out.splitlines()[-200:]))
    print(f"unit: {passed} passed, {failed} failed ({time.monotonic() - start:.1f}s)")
    results["passed"] += passed
    results["failed"] += failed


def collect(layer, keyword):
    folder = os.path.join(ROOT, "tests", layer)
    tests = []
    if not os.path.isdir(folder):
        return tests
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("test_") and name.endswith(".py")):
            continue
        spec = importlib.util.spec_from_file_location(f"{layer}_{name[:-3]}", os.path.join(folder, name))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        for attr in sorted(dir(mod)):
            if attr.startswith("test_") and callable(getattr(mod, attr)):
                full = f"{layer}/{name[:-3]}::{attr}"
                if keyword and keyword not in full:
                    continue
                tests.append((full, getattr(mod, attr)))
    return tests


def run_one(test):
    name, fn = test
    start = time.monotonic()
    try:
        fn()
        return name, True, "", time.monotonic() - start
    except Exception as e:  # a test failure of any kind, reported with its message
        detail = "".join(traceback.format_exception_only(type(e), e)).strip()
        log = getattr(e, "serial_log", "")
        if log:
            logdir = os.path.join(ROOT, "build", "test-logs")
            os.makedirs(logdir, exist_ok=True)
            path = os.path.join(logdir, name.replace("/", "_").replace("::", "__") + ".log")
            with open(path, "w") as f:
                f.write(log)
            detail += f"\n  --- serial log (up to 400 lines; all of it in {os.path.relpath(path, ROOT)}) ---\n  "
            detail += "\n  ".join(log.splitlines()[-400:])
        return name, False, detail, time.monotonic() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-k", dest="keyword", default="", help="run only tests whose name contains this")
    ap.add_argument("--only", choices=["unit", "qemu", "gdb", "host"])
    ap.add_argument("-j", type=int, default=2, help="tests run at once (default 2)")
    args = ap.parse_args()
    results = {"passed": 0, "failed": 0}
    started = time.monotonic()
    if args.only in (None, "unit") and not args.keyword:
        run_unit(results)
    tests = []
    for layer in ("host", "qemu", "gdb"):
        if args.only in (None, layer):
            tests += collect(layer, args.keyword)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        for name, ok, detail, secs in pool.map(run_one, tests):
            if ok:
                results["passed"] += 1
                print(f"PASS {name} ({secs:.1f}s)")
            else:
                results["failed"] += 1
                print(f"FAIL {name} ({secs:.1f}s): {detail}")
            sys.stdout.flush()
    print(f"total time {time.monotonic() - started:.0f}s")
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
