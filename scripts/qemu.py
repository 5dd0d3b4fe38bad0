#!/usr/bin/env python3
"""Boots MenuOS in QEMU: the way `make run`, `make debug` and the tests start it.

  qemu.py run [--debug] [--append OPTS] [--iso FILE] [--capture FILE]

As a module, Machine() boots headless with the serial console on a pipe and offers
expect()/send() for the QEMU tests. Uses KVM when /dev/kvm works, TCG otherwise; a gdb
session (--debug, or MENUOS_ACCEL=tcg) always gets TCG: under KVM gdb's software
breakpoints are never hit. The isa-debug-exit device lets the kernel end QEMU with a code.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("BUILD", os.path.join(ROOT, "build"))
QEMU = os.environ.get("QEMU", "qemu-system-i386")


def kvm_usable():
    try:
        fd = os.open("/dev/kvm", os.O_RDWR)
        os.close(fd)
        return True
    except OSError:
        return False


def kvm_boots():
    """True when MenuOS really runs under KVM here. /dev/kvm can open and still fail to run a
    paging guest (seen under nested virtualization), so boot once and cache the answer."""
    cache = os.path.join(BUILD, ".kvm-probe")
    kernel = os.path.join(BUILD, "vmlinux")
    try:
        if os.path.getmtime(cache) >= os.path.getmtime(kernel):
            return open(cache).read().strip() == "yes"
    except OSError:
        pass
    ok = False
    if kvm_usable():
        cmd = [QEMU, "-m", "64M", "-no-reboot", "-display", "none", "-serial", "none",
               "-monitor", "none", "-accel", "kvm", "-kernel", kernel,
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-append", "selftest=probe"]
        try:
            ok = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, timeout=10).returncode == 33
        except (subprocess.TimeoutExpired, OSError):
            ok = False
    try:
        with open(cache, "w") as f:
            f.write("yes\n" if ok else "no\n")
    except OSError:
        pass
    return ok


def accel_args(debug=False):
    want = os.environ.get("MENUOS_ACCEL", "")
    if debug or want == "tcg":
        return ["-accel", "tcg"]
    if want == "kvm" or (want == "" and kvm_boots()):
        return ["-accel", "kvm", "-accel", "tcg"]  # falls back to TCG if KVM refuses
    return ["-accel", "tcg"]


def qemu_command(append="", debug=False, iso=None, capture=None, memory="128M", initrd=True, gdb_port=None):
    cmd = [QEMU, "-m", memory, "-no-reboot", "-display", "none",
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    cmd += accel_args(debug)
    if iso:
        cmd += ["-cdrom", iso, "-boot", "d"]
    else:
        cmd += ["-kernel", os.path.join(BUILD, "vmlinux")]
        if initrd:  # True: build/rootfs.img; a string: that image
            cmd += ["-initrd", initrd if isinstance(initrd, str) else os.path.join(BUILD, "rootfs.img")]
        cmd += ["-append", ("console=ttyS0 nokaslr " + append).strip()]
    if gdb_port:
        cmd += ["-gdb", f"tcp:127.0.0.1:{gdb_port}", "-S"]
    elif debug:
        cmd += ["-s", "-S"]  # gdb stub on tcp::1234, CPU stopped until gdb continues
    return cmd


def run(args):
    if shutil.which(QEMU) is None:
        sys.exit(f"{QEMU} not found: run 'make deps' (or scripts/install-deps.sh)")
    cmd = qemu_command(args.append, args.debug, args.iso, args.capture)
    cmd += ["-serial", "mon:stdio"]
    if args.capture:
        cmd += ["-serial", "file:" + args.capture]
    print("MenuOS: " + " ".join(cmd), file=sys.stderr)
    print("MenuOS: quit with 'quit' at the prompt, or Ctrl-A X", file=sys.stderr)
    if args.debug:
        print("MenuOS: waiting for gdb on :1234; in another terminal: make gdb", file=sys.stderr)
    rc = subprocess.call(cmd)
    # 0: ACPI power-off; 1: power-off through isa-debug-exit (code 0).
    sys.exit(0 if rc in (0, 1) else rc)


class Machine:
    """A headless MenuOS with its serial console on a pipe."""

    def __init__(self, append="", debug=False, initrd=True, capture=None, memory="128M", extra=(),
                 gdb_port=None, iso=None):
        cmd = qemu_command(append, debug or bool(gdb_port), capture=capture, memory=memory,
                           initrd=initrd, gdb_port=gdb_port, iso=iso)
        cmd += ["-serial", "stdio", "-monitor", "none"]
        if capture:
            cmd += ["-serial", "file:" + capture]
        cmd += list(extra)
        self.cmd = cmd
        self.out = bytearray()
        self.lock = threading.Condition()
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.pos = 0  # expect() searches from here

    def _read(self):
        while True:
            chunk = self.proc.stdout.read1(65536)
            if not chunk:
                break
            with self.lock:
                self.out += chunk
                self.lock.notify_all()
        with self.lock:
            self.lock.notify_all()

    @property
    def text(self):
        with self.lock:
            return self.out.decode("utf-8", "replace").replace("\r\n", "\n")

    def expect(self, pattern, timeout=30):
        """Waits until `pattern` (regex) appears after the last match; returns the match."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                text = self.out.decode("utf-8", "replace").replace("\r\n", "\n")
                m = rx.search(text, self.pos)
                if m:
                    self.pos = m.end()
                    return m
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not self.reader.is_alive()):
                    raise TimeoutError(f"timed out after {timeout}s waiting for {pattern!r}")
                self.lock.wait(min(left, 0.5))

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def sendline(self, line):
        # Type it slowly enough that the 16-byte UART FIFO never overflows.
        data = (line + "\r").encode()
        for i in range(0, len(data), 12):
            self.proc.stdin.write(data[i:i + 12])
            self.proc.stdin.flush()
            time.sleep(0.002)

    def wait(self, timeout=30):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise TimeoutError(f"QEMU did not exit within {timeout}s")

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["run"])
    ap.add_argument("--debug", action="store_true", help="wait for gdb on :1234 (-s -S), under TCG")
    ap.add_argument("--append", default="", help="extra kernel command line")
    ap.add_argument("--iso", help="boot this ISO instead of -kernel/-initrd")
    ap.add_argument("--capture", help="write the lo packet capture (COM2) to this file")
    run(ap.parse_args())


if __name__ == "__main__":
    main()
