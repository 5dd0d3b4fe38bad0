"""User mode and processes: /init, fork/exec/wait, faults that kill only their process, limits."""
import re

from menuos import boot_to_prompt, check, machine, run


def test_init_runs_as_pid_1_and_exec_reports_exit_status():
    with machine() as m:
        boot_to_prompt(m)
        check(re.search(r"Run /init as init process", m.text), "kernel_init must exec /init")
        out = run(m, "exec exitcode 42")
        check("exited with status 42" in out, f"exit status must reach the shell: {out!r}")
        out = run(m, "exec true")
        check("status" not in out, f"a zero exit is quiet: {out!r}")
        out = run(m, "exec args one two")
        check("one" in out and "two" in out, f"argv must reach the program: {out!r}")
        check("PATH=" in out or "HOME=" in out, f"envp must reach the program: {out!r}")


def test_exec_of_missing_and_bad_programs_gives_errno():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "exec /bin/nope")
        check("No such file or directory" in out, out)
        out = run(m, "exec /etc")
        check("Permission denied" in out or "Is a directory" in out, out)


def fault_case(kind, signame, kernel_line):
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, f"exec faults {kind}")
        check("survived" not in out, f"{kind}: the program must not survive: {out!r}")
        check(f"({signame})" in out, f"{kind}: the shell must report {signame}: {out!r}")
        check(re.search(kernel_line, m.text), f"{kind}: kernel line {kernel_line!r} missing")
        out = run(m, "exec true")  # the kernel and the shell go on
        check("Oops" not in m.text, "a user fault must never oops the kernel")


def test_null_write_is_a_segfault():
    fault_case("null", "SIGSEGV", r"faults\[\d+\]: segfault at 0 ip [0-9a-f]{8} sp [0-9a-f]{8} error 6")


def test_reading_kernel_memory_is_a_segfault():
    fault_case("kernel", "SIGSEGV", r"faults\[\d+\]: segfault at c0000000 ip [0-9a-f]{8} sp [0-9a-f]{8} error 5")


def test_divide_by_zero_is_sigfpe():
    fault_case("div", "SIGFPE", r"traps: faults\[\d+\] trap divide error ip:")


def test_ud2_is_sigill():
    fault_case("ud2", "SIGILL", r"traps: faults\[\d+\] trap invalid opcode ip:")


def test_cli_hlt_and_port_io_from_ring_3_are_general_protection():
    for kind in ("cli", "hlt", "io", "gp"):
        fault_case(kind, "SIGSEGV", r"traps: faults\[\d+\] general protection fault ip:")


def test_200_processes_in_a_row():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "exec spawn 200", 240)
        check("spawned 200 ok" in out, out)


def test_fork_bomb_hits_the_limit_and_the_kernel_survives():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "exec forkbomb", 240)
        check(re.search(r"fork failed: Resource temporarily unavailable after \d+ forks", out), out)
        check(re.search(r"reaped \d+", out), out)
        out = run(m, "exec true")
        check("Oops" not in m.text and "panic" not in m.text, "the kernel must survive")


def test_bad_pointers_get_efault_never_a_crash():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "exec badptr", 240)
        mm = re.search(r"badptr: (\d+) ok, (\d+) failed", out)
        check(mm and int(mm.group(2)) == 0 and int(mm.group(1)) > 20, out)
        check("Oops" not in m.text, "bad pointers must never oops the kernel")


def test_memory_exhaustion_gives_enomem_and_the_kernel_survives():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "exec memhog 3", 240)
        check("memhog: 3 ok" in out, out)
        check(len(re.findall(r"malloc: Cannot allocate memory", out)) == 3, out)
        out = run(m, "exec spawn 20", 120)
        check("spawned 20 ok" in out, f"memory comes back after the hogs exit: {out}")
        check("Oops" not in m.text, "no oops")


def run_checks(program, at_least):
    """Runs a check program of /bin (user/socktest.h's ok/FAIL lines) and wants no FAIL."""
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, f"exec {program}", 120)
        fails = [line for line in out.splitlines() if line.startswith("FAIL")]
        check(not fails, "\n".join(fails))
        n = re.search(rf"{program}: (\d+) ok, 0 failed", out)
        check(n and int(n.group(1)) >= at_least, out)


def test_descriptors_pipes_console_ioctls_sleep_and_exec_errors():
    """user/fdtest.cpp: EBADF, lseek, dup2, EMFILE, close-on-exec across execve, pipes (EOF,
    EPIPE, EAGAIN, poll, 1 MiB with a checksum), TCGETS/TIOCGWINSZ, nanosleep, ENOEXEC."""
    run_checks("fdtest", 54)


def test_timer_preempts_programs_that_never_make_a_system_call():
    """user/spin.cpp: two children spin with no system call; the parent's 100 ms sleep still
    ends in time and both children get the CPU (scheduler_tick, preemption on return to user)."""
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "exec spin", 60)
        check("spin: preempted fairly" in out, out)
        woke = int(re.search(r"parent woke after (\d+) ms", out).group(1))
        check(100 <= woke < 300, f"the parent slept 100 ms, not {woke}")


def test_process_groups_signals_and_trees():
    """user/proctest.cpp: kill and waitpid on process groups (0, -pgid), ESRCH/EINVAL/ECHILD,
    init ignoring signals, orphans re-parented to init, a three-generation tree of statuses."""
    run_checks("proctest", 17)
