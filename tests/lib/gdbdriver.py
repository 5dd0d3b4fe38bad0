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


def tracing_breakpoints(functions, extra=None):
    """gdb commands that, for each function, print `HIT name pid=N [call=C]` and continue:
    the whole lab runs under one `continue` while the test types on the serial console."""
    lines = []
    for fn in functions:
        lines.append(f"break {fn}")
        lines.append("commands")
        lines.append("silent")
        if fn == "sys_socketcall":
            lines.append('printf "HIT sys_socketcall pid=%d call=%d\\n", current_task->pid, call')
        else:
            lines.append(f'printf "HIT {fn} pid=%d\\n", current_task->pid')
        if extra and fn in extra:
            lines += extra[fn]
        lines.append("continue")
        lines.append("end")
    return lines


def parse_hits(text):
    """[(function, pid, call or None)] in the order gdb printed them."""
    hits = []
    for m in re.finditer(r"HIT (\S+) pid=(\d+)(?: call=(\d+))?", text):
        hit = (m.group(1), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
        # QEMU may report a breakpoint twice when a timer interrupt arrives while gdb steps
        # over it: the second report is the same stop, not a second call.
        if hits and hits[-1] == hit:
            continue
        hits.append(hit)
    return hits


class GdbRunner(Gdb):
    """Gdb that can run `continue` in the background and collect what it prints."""

    def define(self, lines):
        for line in lines:
            self.proc.stdin.write(line + "\n")
        # Each `break` and `end` returns to the prompt: a marker after them says when gdb has
        # read them all, however slow the machine is.
        self.proc.stdin.write("echo DEFINED-ALL\\n\n")
        self.proc.stdin.flush()
        self.wait_for(r"DEFINED-ALL\n(?:.*\n)*?\(gdb\) $", 60)
        with self.lock:
            self.buf = ""

    def start_continue(self):
        with self.lock:
            self.buf = ""
        self.proc.stdin.write("continue\n")
        self.proc.stdin.flush()

    def output(self):
        with self.lock:
            return self.buf

    def wait_for(self, pattern, timeout):
        rx = re.compile(pattern)
        with self.lock:
            ok = self.lock.wait_for(lambda: rx.search(self.buf) or self.proc.poll() is not None, timeout)
            if not ok or not rx.search(self.buf):
                raise TimeoutError(f"gdb output never matched {pattern!r}:\n{self.buf[-3000:]}")

    def interrupt(self):
        """Stops the target. A SIGINT that lands while gdb runs a breakpoint's commands can be
        lost (the `continue` in them resumes the target): send it again until gdb stops."""
        import signal
        for _ in range(10):
            self.proc.send_signal(signal.SIGINT)
            try:
                return self.wait_prompt(3)
            except TimeoutError:
                continue
        self.wait_prompt(10)
