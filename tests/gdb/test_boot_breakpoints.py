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
