"""The gdb helpers (scripts/gdb/menuos.py): menuos-ps, menuos-sockets, menuos-files,
menuos-syscall and menuos-dmesg at a breakpoint after hello has connected."""
import re

from gdbdriver import GdbRunner, free_port
from menuos import PROMPT, check, machine


def test_helpers_show_tasks_sockets_files_and_the_syscall_after_hello_connects():
    port = free_port()
    with machine(gdb_port=port) as m:
        gdb = GdbRunner(port, ["source scripts/gdb/menuos.py"])
        try:
            gdb.start_continue()
            m.expect(re.escape(PROMPT), 60)
            m.sendline("replyhi")
            m.expect(re.escape(PROMPT), 60)
            gdb.interrupt()
            gdb.cmd("break __sys_sendto")
            gdb.start_continue()
            m.sendline("hello")
            gdb.wait_for(r"Breakpoint \d+, __sys_sendto", 60)
            gdb.wait_prompt(10)
            ps = gdb.cmd("menuos-ps")
            check(re.search(r"\*\s*1\s+0 R \(running\)\s+init", ps), f"pid 1 (the shell, running hello):\n{ps}")
            check(re.search(r"\s2\s+1 [RS] \((running|sleeping)\)\s+init", ps), f"pid 2, the server, child of the shell:\n{ps}")
            check(re.search(r"\s0\s+0 \S+ \(\w+\)\s+swapper", ps), ps)
            socks = gdb.cmd("menuos-sockets")
            check(re.search(r"INET\s+STREAM\s+LISTEN\s+\d+\s+\d+\s+0\.0\.0\.0:5001|INET\s+STREAM\s+LISTEN\s+\d+\s+\d+\s+127\.0\.0\.1:5001", socks),
                  f"the listening socket:\n{socks}")
            check(re.search(r"INET\s+STREAM\s+ESTABLISHED\s+\d+\s+\d+\s+127\.0\.0\.1:\d+ -> 127\.0\.0\.1:5001", socks),
                  f"the client's connected socket:\n{socks}")
            files = gdb.cmd("menuos-files 1")
            check(re.search(r"fd  0: tty", files) and re.search(r"fd  3: socket", files), f"fds of pid 1:\n{files}")
            sc = gdb.cmd("menuos-syscall")
            check("socketcall (eax=102)" in sc and "call=9 (SYS_SEND)" in sc, f"decoded syscall:\n{sc}")
            sym = gdb.cmd("menuos-add-symbols /bin/menu", 30)
            check("add symbol table" in sym or "Reading symbols" in sym, f"menuos-add-symbols:\n{sym}")
            where = gdb.cmd("info line ExecuteMenu")
            check("menu.cpp" in where, f"the shell's source lines are known: {where}")
            dm = gdb.cmd("menuos-dmesg")
            check("MenuOS version" in dm and "Run /init as init process" in dm, f"menuos-dmesg:\n{dm[-500:]}")
            gdb.cmd("delete")
        finally:
            gdb.close()
        m.expect(r'recv "hi" from 127\.0\.0\.1:5001', 60)
