"""The system-call path in gdb: system_call, then the service routine, with the number read
back from the saved registers (struct pt_regs)."""
import re

from gdbdriver import Gdb, free_port
from menuos import check, machine


def test_break_on_system_call_then_sys_write_reads_eax_and_pt_regs():
    port = free_port()
    with machine(gdb_port=port) as m:
        gdb = Gdb(port, ["source scripts/gdb/menuos.py"])
        try:
            gdb.cmd("break sys_write")
            name, _ = gdb.cont(60)
            check(name == "sys_write", f"stopped in {name}")
            regs = gdb.cmd("p/x ((struct pt_regs *)((char *)current_task->stack + 8192))[-1].orig_ax")
            check(re.search(r"= 0x4\b", regs), f"orig_ax should be 4 (write): {regs}")
            dec = gdb.cmd("menuos-syscall")
            check("write (eax=4)" in dec, f"menuos-syscall should name write: {dec}")
            fd = gdb.cmd("p fd")
            check(re.search(r"= [12]\b", fd), f"init writes to stdout or stderr first: {fd}")
            bt = gdb.cmd("bt")
            check("system_call" in bt or "entry_INT80_32" in bt, f"sys_write is called from system_call:\n{bt}")
            gdb.cmd("delete")
            gdb.cmd("break system_call")
            gdb.cmd("continue")
            eax = gdb.cmd("p/x $eax")
            check(re.search(r"= 0x[0-9a-f]+", eax), eax)
            nr = int(re.search(r"= (0x[0-9a-f]+)", eax).group(1), 16)
            check(0 < nr < 400, f"eax at system_call holds a syscall number: {nr}")
        finally:
            gdb.close()
        m.expect(r"MenuOS>> ", 60)
