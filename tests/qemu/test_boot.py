"""Boot, the exception path and the command line (no rootfs needed)."""
import re
import time

from menuos import check, machine


def test_boot_log_reaches_idle_without_initrd():
    with machine(initrd=False) as m:
        m.expect(r"\[ +0\.\d{6}\] MenuOS version \S+", 20)
        m.expect(r"trap_init: 32 exception gates, system call gate 0x80 -> system_call", 10)
        m.expect(r"Memory: \d+K/\d+K available", 10)
        m.expect(r"start_kernel: done in \d+ us", 10)
        m.expect(r"Kernel idle", 10)


def test_unknown_linux_options_are_accepted():
    with machine("nokaslr console=ttyS0 foo=bar=baz loglevel=7 init=", initrd=False) as m:
        m.expect(r"Command line: console=ttyS0 nokaslr nokaslr console=ttyS0 foo=bar=baz", 20)
        m.expect(r"Kernel idle", 10)
        check("Oops" not in m.text and "panic" not in m.text, "unknown options must be ignored")


def test_quiet_and_loglevel_filter_the_console_from_the_first_line_on():
    """`quiet` (console level 4) hides the info lines, those printed before the console existed
    included; dmesg keeps them all. An oops still reaches the console."""
    from menuos import boot_to_prompt, run
    with machine("quiet") as m:
        boot_to_prompt(m)
        boot = m.text
        for hidden in ("MenuOS version", "BIOS-e820", "trap_init:", "Memory:", "Run /init"):
            check(hidden not in boot, f"quiet must hide {hidden!r}:\n{boot}")
        out = run(m, "dmesg")
        for kept in ("MenuOS version", "BIOS-e820", "trap_init:", "Run /init"):
            check(kept in out, f"dmesg keeps {kept!r}")
    with machine("loglevel=1 selftest=divide oops=exit", initrd=False) as m:
        m.expect(r"Oops: divide error", 20)
        m.expect(r"Call Trace:", 5)
        check("Memory:" not in m.text, "loglevel=1 hides the boot log, not the oops")


def test_divide_error_in_kernel_prints_oops_naming_the_function():
    with machine("selftest=divide oops=exit", initrd=False) as m:
        m.expect(r"Oops: divide error: 0000 \[#1\]", 20)
        m.expect(r"EIP: selftest_divide_error\+0x[0-9a-f]+/0x[0-9a-f]+", 5)
        m.expect(r"Call Trace:", 5)
        m.expect(r"kernel_init\+0x", 5)
        m.expect(r"Kernel panic - not syncing: Fatal exception", 5)
        rc = m.wait(20)
        check(rc == 7, f"oops=exit must end QEMU with status 7, got {rc}")


def test_kernel_stack_overflow_is_an_oops_not_a_triple_fault():
    """Kernel stacks have a guard page below them and the double fault runs as a task with a
    stack of its own: an overflow prints an oops naming it, where it would otherwise reset
    the machine without a word."""
    with machine("selftest=stackoverflow oops=exit", initrd=False) as m:
        m.expect(r"BUG: kernel stack overflow: esp [0-9a-f]{8} is in the guard page below a stack", 20)
        m.expect(r"Oops: double fault: 0000 \[#1\]", 5)
        m.expect(r"EIP: selftest_stack_overflow\+0x", 5)
        m.expect(r"run_selftest\+0x", 5)
        m.expect(r"Kernel panic - not syncing: Fatal exception", 5)
        rc = m.wait(20)
        check(rc == 7, f"oops=exit must end QEMU with status 7, got {rc}")


def test_null_pointer_in_kernel_prints_page_fault_oops():
    with machine("selftest=nullptr oops=exit", initrd=False) as m:
        m.expect(r"BUG: unable to handle kernel NULL pointer dereference at 00000000", 20)
        m.expect(r"Oops: page fault: 0000 \[#1\]", 5)
        m.expect(r"EIP: selftest_null_deref\+", 5)
        m.expect(r"CR2: 00000000", 5)
        check(m.wait(20) == 7, "QEMU should exit after the oops")


def test_system_call_dispatches_and_unknown_numbers_get_enosys():
    with machine("selftest=syscall", initrd=False) as m:
        m.expect(r"nr 9999 -> -38 \(want -38\)", 20)
        m.expect(r"getpid -> 1 \(want 1\)", 5)
        m.expect(r"selftest syscall: ok", 5)
        check(m.wait(20) == 33, "selftest success exits QEMU with 33")


def test_copy_from_user_survives_bad_pointers():
    with machine("selftest=uaccess", initrd=False) as m:
        m.expect(r"selftest uaccess: ok", 20)
        check(m.wait(20) == 33, "selftest success exits QEMU with 33")


def test_kmalloc_selftest():
    with machine("selftest=kmalloc", initrd=False) as m:
        m.expect(r"selftest kmalloc: ok", 20)


def test_timer_ticks_and_timestamps_advance():
    with machine(initrd=False) as m:
        m.expect(r"Kernel idle", 20)
        time.sleep(0.3)
        stamps = [float(s) for s in re.findall(r"\[ *(\d+\.\d{6})\]", m.text)]
        check(stamps == sorted(stamps), "printk timestamps must never go backwards")
        check(stamps[-1] > 0, "the PIT must be ticking")
