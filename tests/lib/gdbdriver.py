"""Runs gdb against a MenuOS paused in QEMU (-S, gdb stub on a free port, TCG) and collects
the breakpoint hits: the engine of the gdb batch tests of the lab."""
import os
import re
import socket
import subprocess
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VMLINUX = os.path.join(ROOT, "build", "vmlinux")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gdb:
    """An interactive gdb on a pipe: commands go in, output comes back up to the next prompt."""

    PROMPT = "(gdb) "

    def __init__(self, port, extra_init=()):
        self.proc = subprocess.Popen(
            ["gdb", "-q", "-nx", "--interpreter=console", VMLINUX],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=0)
        self.buf = ""
        self.lock = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_prompt(30)
        for c in ["set pagination off", "set confirm off", "set architecture i386",
                  f"target remote 127.0.0.1:{port}", *extra_init]:
            self.cmd(c, 30)

    def _read(self):
        while True:
            ch = self.proc.stdout.read(1)
            if not ch:
                break
            with self.lock:
                self.buf += ch
                self.lock.notify_all()
        with self.lock:
            self.lock.notify_all()

    def wait_prompt(self, timeout):
        with self.lock:
            ok = self.lock.wait_for(lambda: self.buf.endswith(self.PROMPT) or self.proc.poll() is not None, timeout)
            if not ok or not self.buf.endswith(self.PROMPT):
                raise TimeoutError(f"gdb gave no prompt in {timeout}s; output so far:\n{self.buf[-2000:]}")
            out = self.buf[:-len(self.PROMPT)]
            self.buf = ""
            return out

    def cmd(self, line, timeout=60):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.wait_prompt(timeout)

    def cont(self, timeout=60):
        """continue; returns the name of the function where it stopped."""
        out = self.cmd("continue", timeout)
        m = re.search(r"Breakpoint \d+, (?:0x[0-9a-f]+ in )?(\w+) ", out)
        if not m:
            raise AssertionError(f"gdb did not stop at a breakpoint:\n{out}")
        return m.group(1), out

    def close(self):
        try:
            self.proc.stdin.write("delete\ndetach\nquit\n")
            self.proc.stdin.flush()
            self.proc.wait(5)
        except Exception:
            self.proc.kill()
