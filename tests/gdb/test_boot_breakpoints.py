"""The first step of the lab: break on start_kernel, trap_init and idt_setup_traps."""
from gdbdriver import Gdb, free_port
from menuos import check, machine


def test_start_kernel_trap_init_idt_setup_traps_hit_in_order():
    port = free_port()
    with machine(gdb_port=port, initrd=False) as m:
        gdb = Gdb(port)
        try:
            for name in ("start_kernel", "trap_init", "idt_setup_traps"):
                out = gdb.cmd(f"break {name}")
                check("Breakpoint" in out, f"gdb could not set a breakpoint on {name}: {out}")
            hits = [gdb.cont(60)[0] for _ in range(3)]
            check(hits == ["start_kernel", "trap_init", "idt_setup_traps"], f"hit order {hits}")
            bt = gdb.cmd("bt")
            check("idt_setup_traps" in bt and "trap_init" in bt and "start_kernel" in bt,
                  f"backtrace should show the call chain:\n{bt}")
            info = gdb.cmd("info registers cs")
            check("0x60" in info, f"kernel code segment should be Linux's __KERNEL_CS 0x60: {info}")
        finally:
            gdb.close()
        m.expect(r"start_kernel: done", 30)


def test_the_make_gdb_script_attaches_loads_the_helpers_and_breaks():
    """What `make gdb` runs (scripts/gdb/mkgdbinit.py's file, with -x): set i386, load
    build/vmlinux, attach, load the helpers; `break start_kernel` then stops there, with the
    source line known, and no ~/.gdbinit involved (-nx)."""
    import os
    import subprocess
    import tempfile
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    port = free_port()
    with machine(gdb_port=port, initrd=False) as m, tempfile.TemporaryDirectory() as tmp:
        init = os.path.join(tmp, "gdbinit")
        subprocess.run(["python3", os.path.join(root, "scripts", "gdb", "mkgdbinit.py"), init, str(port)],
                       check=True)
        r = subprocess.run(["gdb", "-q", "-nx", "-batch", "-x", init, "-ex", "break start_kernel",
                            "-ex", "continue", "-ex", "info line *$pc", "-ex", "menuos-help", "-ex", "kill"],
                           capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        out = r.stdout + r.stderr
        check("MenuOS: attached" in out, out)
        check("Breakpoint 1, start_kernel" in out, out)
        check("kernel/main.cpp" in out, f"source lines are known:\n{out}")
        check("menuos-ps" in out and "menuos-sockets" in out, f"the helpers are loaded:\n{out}")
        check("Remote 'g' packet reply is too long" not in out, out)
