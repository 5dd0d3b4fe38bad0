"""The MenuOS shell: every built-in command, bad input, and Ctrl-C, over the serial console."""
import os
import re

from menuos import PROMPT, boot_to_prompt, check, machine, run


def test_banner_prompt_and_help_lists_every_command():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "help")
        for cmd in ("help", "version", "quit", "clear", "time", "time-asm", "uname", "ps", "ls", "cat",
                    "echo", "exec", "fork", "replyhi", "hello"):
            check(re.search(rf"^    \* {re.escape(cmd)} - \S", out, re.M), f"help should list {cmd}:\n{out}")


def test_version_uname_time_and_time_asm():
    with machine() as m:
        boot_to_prompt(m)
        check("MenuOS" in run(m, "version"), "version names MenuOS")
        out = run(m, "uname")
        check("MenuOS" in out and "i686" in out, out)
        t1 = run(m, "time")
        t2 = run(m, "time-asm")
        years = re.findall(r"20\d\d", t1 + t2)
        check(len(years) >= 2, f"time and time-asm print a date:\n{t1}\n{t2}")


def test_echo_ls_cat_and_ps():
    with machine() as m:
        boot_to_prompt(m)
        check(run(m, "echo hello   world").strip() == "hello world", "echo joins its arguments")
        out = run(m, "ls /bin")
        for prog in ("menu", "true", "faults"):
            check(re.search(rf"^{prog}$", out, re.M), f"ls /bin should list {prog}:\n{out}")
        check("bin/" in run(m, "ls /"), "ls marks directories")
        check("Welcome to MenuOS" in run(m, "cat /etc/motd"), "cat prints a file")
        check("No such file or directory" in run(m, "cat /nope"), "cat reports a missing file")
        out = run(m, "ps")
        check(re.search(r"^\s+1\s+0\s+\d+ R .* init$", out, re.M), f"ps shows init as pid 1:\n{out}")


def test_fork_command_and_exec_status():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "fork")
        check(re.search(r"child.*pid \d+", out, re.I), out)
        check("exited with status 3" in run(m, "exec exitcode 3"), "exec prints a non-zero status")


def test_bad_input_never_kills_the_shell():
    with machine() as m:
        boot_to_prompt(m)
        run(m, "")
        run(m, "   ")
        check("unknown command" in run(m, "frobnicate"), "unknown commands get a hint")
        m.sendline("\x01\x02\x1b[A\x7f junk")
        m.expect(PROMPT, 30)
        long_line = "x" * 5000
        m.sendline(long_line)
        m.expect(PROMPT, 60)
        check("Oops" not in m.text, "no kernel trouble")
        check("MenuOS" in run(m, "version"), "the shell still works after a 5000-byte line")


def test_ctrl_c_kills_the_foreground_program_not_the_shell():
    with machine() as m:
        boot_to_prompt(m)
        m.sendline("exec sysbench 1000000000")
        import time
        time.sleep(1.0)
        m.send("\x03")
        m.expect(r"killed by signal 2 \(SIGINT\)", 30)
        m.expect(PROMPT, 30)
        check("MenuOS" in run(m, "version"), "the shell survives Ctrl-C")


def test_quit_powers_off_and_qemu_exits():
    with machine() as m:
        boot_to_prompt(m)
        m.sendline("quit")
        rc = m.wait(30)
        check(rc in (0, 1), f"QEMU exits cleanly after quit (status {rc})")


def test_init_exit_is_reported_and_the_machine_powers_off():
    with machine("init=/bin/true") as m:
        m.expect(r"Run /bin/true as init process", 30)
        m.expect(r"init exited with code 0: nothing left to run, powering off", 30)
        check(m.wait(30) in (0, 1), "QEMU exits")


def test_rootfs_extra_files_are_in_the_image():
    import os
    import subprocess
    import tempfile
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with tempfile.TemporaryDirectory() as extra:
        os.makedirs(os.path.join(extra, "bin"))
        os.makedirs(os.path.join(extra, "data"))
        with open(os.path.join(extra, "data", "note.txt"), "w") as f:
            f.write("a student's file\n")
        prog = os.path.join(extra, "bin", "mytrue")
        subprocess.run(["cp", os.path.join(root, "build", "bin", "exitcode"), prog], check=True)
        os.chmod(prog, 0o755)
        img = os.path.join(extra, "rootfs.img")
        subprocess.run(["python3", os.path.join(root, "scripts", "mkrootfs.py"), "-o", img,
                        "--bin", os.path.join(root, "build", "bin"), "--extra", extra], check=True)
        listing = subprocess.run(["cpio", "-it"], input=open(img, "rb").read(), capture_output=True).stdout.decode()
        check("bin/mytrue" in listing and "data/note.txt" in listing, listing)
        with machine(initrd=img) as m:
            boot_to_prompt(m)
            check("a student's file" in run(m, "cat /data/note.txt"), "the extra file is there")
            check("exited with status 9" in run(m, "exec /bin/mytrue 9"), "the extra program runs")


def test_kill_ends_the_background_server_and_wait_reports_the_signal():
    with machine() as m:
        boot_to_prompt(m)
        run(m, "replyhi")
        ps = run(m, "ps")
        pids = re.findall(r"^\s+(\d+)\s+1\s+\d+ S .*init$", ps, re.M)
        check(pids, f"the server shows in ps as a sleeping child of the shell:\n{ps}")
        check("No such process" in run(m, "kill 4242"), "kill of a missing pid: ESRCH")
        out = run(m, "kill 1 9")
        check("kill" not in out, f"as on Linux, init ignores the signal without an error: {out}")
        check("MenuOS" in run(m, "version"), "the shell, pid 1, lives on")
        run(m, f"kill {pids[0]}")
        out = run(m, "hello")
        check("Connection refused" in out, f"the server is gone: {out}")
        check(not re.search(rf"^\s+{pids[0]}\s", run(m, "ps"), re.M), "and reaped by the shell")


def vga_text(monitor, dump):
    """The 80x25 text screen, read from QEMU's memory through its monitor (pmemsave)."""
    import time
    def until_prompt():
        seen = b""
        monitor.settimeout(10)
        while not seen.rstrip().endswith(b"(qemu)"):
            chunk = monitor.recv(65536)
            check(chunk, "the QEMU monitor closed")
            seen += chunk
    if os.path.exists(dump):
        os.unlink(dump)
    until_prompt()  # the greeting, or what the last command echoed
    monitor.sendall(f'pmemsave 0xb8000 4000 "{dump}"\n'.encode())  # quoted: / would divide
    for _ in range(100):
        if os.path.exists(dump) and os.path.getsize(dump) == 4000:
            break
        time.sleep(0.05)
    cells = open(dump, "rb").read()
    chars = "".join(chr(cells[i]) if 32 <= cells[i] < 127 else " " for i in range(0, 4000, 2))
    return [chars[r * 80:(r + 1) * 80].rstrip() for r in range(25)]


def test_vga_console_shows_the_shell_and_clear_erases_it():
    """The VGA text console receives what the serial console does; `clear` (ESC [H ESC [2J)
    erases it and puts the cursor home, as on a terminal."""
    import socket
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        sock_path = os.path.join(tmp, "monitor.sock")
        with machine(extra=["-monitor", f"unix:{sock_path},server,nowait"]) as m:
            boot_to_prompt(m)
            run(m, "echo HELLO-VGA")
            mon = socket.socket(socket.AF_UNIX)
            mon.connect(sock_path)
            import time
            for _ in range(50):
                screen = vga_text(mon, os.path.join(tmp, "vga1"))
                if any("HELLO-VGA" in line for line in screen):
                    break
                time.sleep(0.1)
            check(any("HELLO-VGA" in line for line in screen), "\n".join(screen))
            check(any(line.startswith("MenuOS>>") for line in screen), "\n".join(screen))
            run(m, "clear")
            import time
            for _ in range(50):  # the serial console may run a little ahead of the screen
                screen = vga_text(mon, os.path.join(tmp, "vga2"))
                if screen[0].startswith("MenuOS>>") and not any(screen[1:]):
                    break
                time.sleep(0.1)
            check(screen[0].startswith("MenuOS>>") and not any(screen[1:]),
                  "after clear only the new prompt, on the first row:\n" + "\n".join(screen))
            check(not any("[2J" in line or "[H" in line for line in screen), "no escape drawn as text")
            mon.close()
