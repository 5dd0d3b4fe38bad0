"""The in-kernel system-call tracer (trace=socket, trace=all, /proc/trace)."""
import re

from menuos import boot_to_prompt, check, machine, run

LINE = r"\[(\d+)\] socketcall\((SYS_\w+), 0x[0-9a-f]+\) -> (__sys_\w+)\(([^)]*)\) = (-?\d+)"


def socket_trace(text):
    return [(int(p), call, fn, args, int(r)) for p, call, fn, args, r in re.findall(LINE, text)]


def test_trace_socket_shows_replyhi_and_hello_with_the_dispatched_routine():
    with machine("trace=socket") as m:
        boot_to_prompt(m)
        run(m, "replyhi")
        out = run(m, "hello")
        check('recv "hi"' in out, out)
        m.pos = 0  # the server's reply may come before or after the client's output
        m.expect(r"SYS_SEND, 0x[0-9a-f]+\) -> __sys_sendto\(0x4, 0x[0-9a-f]+, 0x2, ", 10)
        lines = socket_trace(m.text)
        calls = [(c, f) for _, c, f, _, _ in lines]
        for want in [("SYS_SOCKET", "__sys_socket"), ("SYS_BIND", "__sys_bind"),
                     ("SYS_LISTEN", "__sys_listen"), ("SYS_CONNECT", "__sys_connect"),
                     ("SYS_ACCEPT", "__sys_accept4"), ("SYS_SEND", "__sys_sendto"),
                     ("SYS_RECV", "__sys_recvfrom")]:
            check(want in calls, f"missing {want} in {calls}")
        bind = next(l for l in lines if l[1] == "SYS_BIND")
        check(bind[3].split(", ")[2] == "0x10" and bind[4] == 0, f"bind(fd, addr, 16) = 0: {bind}")
        listen = next(l for l in lines if l[1] == "SYS_LISTEN")
        check(listen[3].endswith("0x400"), f"listen backlog 1024: {listen}")
        sends = [l for l in lines if l[1] == "SYS_SEND"]
        check(sorted(l[4] for l in sends) == [2, 5], f'"hello" is 5 bytes, "hi" is 2: {sends}')
        check(not re.search(r"\] (write|read)\(", m.text), "trace=socket shows socket calls only")


def test_trace_all_and_runtime_switch():
    with machine() as m:
        boot_to_prompt(m)
        check("socketcall(" not in m.text, "tracing is off by default")
        out = run(m, "trace all")
        out = run(m, "exec true")
        check(re.search(r"\[\d+\] execve\(0x[0-9a-f]+, 0x[0-9a-f]+, 0x[0-9a-f]+\) = 0", m.text), "execve traced")
        check(re.search(r"\[\d+\] wait4\(", m.text), "wait4 traced")
        run(m, "trace off")
        mark = len(m.text)
        run(m, "exec true")
        check("execve(" not in m.text[mark:], "trace off stops the output")
        out = run(m, "cat /proc/trace")
        check("off" in out, out)


def test_socketcall_direct_build_uses_the_direct_socket_syscalls():
    """Exercise 3 of the lab: `make SOCKETCALL=direct` builds libc with the direct socket
    system calls (359-373). The same replyhi/hello then never enters sys_socketcall, and the
    tracer shows each call with all its arguments and the __sys_* routine it reached."""
    import os
    import subprocess
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    build = os.path.join(root, "build", "direct")
    b = subprocess.run(["make", "--no-print-directory", f"BUILD={build}", "SOCKETCALL=direct",
                        os.path.join(build, "rootfs.img")], cwd=root, capture_output=True, text=True)
    check(b.returncode == 0, b.stdout[-2000:] + b.stderr[-2000:])
    with machine("trace=socket", initrd=os.path.join(build, "rootfs.img")) as m:
        boot_to_prompt(m)
        run(m, "replyhi")
        out = run(m, "hello")
        check('recv "hi" from 127.0.0.1:5001' in out, out)
        text = m.text
    check("socketcall(" not in text, "no socket call goes through socketcall")
    for pattern in (r"\[\d+\] socket\(0x2, 0x1, 0\) -> __sys_socket = 3",
                    r"\[\d+\] bind\(0x3, 0x[0-9a-f]+, 0x10\) -> __sys_bind = 0",
                    r"\[\d+\] listen\(0x3, 0x400\) -> __sys_listen = 0",
                    r"\[\d+\] connect\(0x3, 0x[0-9a-f]+, 0x10\) -> __sys_connect = 0",
                    r"\[\d+\] sendto\(0x3, 0x[0-9a-f]+, 0x5, 0x[0-9a-f]+, 0, 0\) -> __sys_sendto = 5"):
        check(re.search(pattern, text), f"missing {pattern}:\n{text[-3000:]}")
