#!/usr/bin/env python3
"""`make bench`: MenuOS's figures beside Linux's, measured in one run on this machine.

  bench.py [--runs N] [--no-linux]

MenuOS (TCG, the accelerator both sides can use here): boot to the MenuOS>> prompt (wall time
from starting QEMU), end of start_kernel (the kernel's own clock), the cost of a getpid round
trip, and the socket figures of /bin/netbench when present. Linux: ../shared/bench/linux-baseline
(Debian's i386 kernel with a MenuOS-like /init) booted in the same QEMU; skipped with a note when
it cannot be built here. Prints one table and the ratios; no figure is asserted."""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
os.environ.setdefault("MENUOS_ACCEL", "tcg")
from qemu import Machine  # noqa: E402

BASELINE = os.path.join(os.path.dirname(ROOT), "shared", "bench", "linux-baseline")
PROMPT = r"MenuOS>> "


def run_cmd(m, line, timeout=300):
    m.sendline(line)
    start = m.pos
    m.expect(PROMPT, timeout)
    return m.text[start:m.pos]


def menuos_once():
    r = {}
    t0 = time.monotonic()
    with Machine() as m:
        m.expect(PROMPT, 60)
        r["boot_to_prompt_s"] = round(time.monotonic() - t0, 3)
        mk = re.search(r"start_kernel: done in (\d+) us", m.text)
        if mk:
            r["start_kernel_us"] = int(mk.group(1))
        if os.path.exists(os.path.join(ROOT, "build", "bin", "sysbench")):
            out = run_cmd(m, "exec sysbench 200000")
            g = re.search(r"([\d.]+) ns each", out)
            if g:
                r["getpid_ns"] = float(g.group(1))
        if os.path.exists(os.path.join(ROOT, "build", "bin", "netbench")):
            out = run_cmd(m, "exec netbench all", 600)
            for name, value, _unit in re.findall(r"^(\w+) ([\d.]+) (\S+)$", out, re.M):
                r[name] = float(value)
        m.sendline("quit")
        try:
            m.wait(20)
        except TimeoutError:
            pass
    return r


def linux_baseline(runs):
    if not os.path.isdir(BASELINE):
        return None, "no ../shared/bench/linux-baseline here"
    for _attempt in range(2):  # apt's first index update after adding i386 can fail once
        b = subprocess.run(["bash", os.path.join(BASELINE, "build.sh")], capture_output=True, text=True)
        if b.returncode == 0:
            break
    if b.returncode != 0:
        return None, "baseline build failed: " + (b.stderr.strip().splitlines() or ["?"])[-1]
    m = subprocess.run([sys.executable, os.path.join(BASELINE, "measure.py"), "tcg", str(runs)],
                       capture_output=True, text=True, timeout=1800)
    line = [ln for ln in m.stdout.splitlines() if ln.startswith("MEDIAN ")]
    if not line:
        return None, "baseline measurement failed: " + m.stdout[-300:] + m.stderr[-300:]
    return json.loads(line[0][7:]), ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-linux", action="store_true")
    args = ap.parse_args()
    rows = [menuos_once() for _ in range(args.runs)]
    keys = sorted({k for r in rows for k in r})
    med = {k: statistics.median(r[k] for r in rows if k in r) for k in keys}
    linux, why = (None, "skipped (--no-linux)") if args.no_linux else linux_baseline(args.runs)
    print(f"\nMenuOS vs Linux, QEMU TCG, median of {args.runs} runs")
    print(f"{'figure':28s} {'MenuOS':>12s} {'Linux':>12s}  ratio")
    names = {"boot_to_prompt_s": "boot to prompt (s)", "start_kernel_us": "start_kernel (us)",
             "getpid_ns": "getpid round trip (ns)", "round_trip_us": "hello round trip (us)",
             "bulk_MBps": "TCP bulk 64 MiB (MB/s)", "unix_MBps": "AF_UNIX stream (MB/s)",
             "unix_pingpong_us": "AF_UNIX ping-pong (us)"}
    for k in keys + [k for k in (linux or {}) if k not in keys]:
        mv = med.get(k)
        lv = (linux or {}).get(k)
        ratio = f"{lv / mv:.1f}x faster" if mv and lv and not k.endswith("MBps") else ""
        if mv and lv and k.endswith("MBps"):
            ratio = f"{mv / lv:.2f}x Linux's"
        fmt = lambda v: "-" if v is None else (f"{v:.3f}" if v < 10 else f"{v:.0f}")
        print(f"{names.get(k, k):28s} {fmt(mv):>12s} {fmt(lv):>12s}  {ratio}")
    if linux is None:
        print(f"Linux baseline: {why}")
    print("JSON " + json.dumps({"menuos": med, "linux": linux}))


if __name__ == "__main__":
    main()
