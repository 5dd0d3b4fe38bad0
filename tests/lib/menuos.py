"""Helpers shared by the QEMU and gdb tests: boot a machine, wait for the prompt, run a
command and return its output, and attach the serial log to any failure."""
import contextlib
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "scripts"))
from qemu import Machine  # noqa: E402

PROMPT = "MenuOS>> "


class TestFailure(AssertionError):
    pass


@contextlib.contextmanager
def machine(append="", **kw):
    """A booted MenuOS; on failure the exception carries the serial log."""
    m = Machine(append=append, **kw)
    try:
        yield m
    except Exception as e:
        e.serial_log = m.text
        raise
    finally:
        m.kill()


def boot_to_prompt(m, timeout=60):
    m.expect(re.escape(PROMPT), timeout)


def run(m, command, timeout=60):
    """Types `command` at the prompt; returns what it printed before the next prompt."""
    m.sendline(command)
    start = m.pos
    m.expect(re.escape(PROMPT), timeout)
    out = m.text[start:m.pos - len(PROMPT)]
    # Drop the echoed command line itself.
    first_nl = out.find("\n")
    return out[first_nl + 1:] if first_nl >= 0 else out


def check(cond, message):
    if not cond:
        raise TestFailure(message)
