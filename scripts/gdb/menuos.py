"""gdb helpers for MenuOS (like Linux's scripts/gdb lx-* commands). Loaded by `make gdb`.

  menuos-help                  this list
  menuos-ps                    tasks: pid, parent, state, name
  menuos-dmesg                 the printk log
  menuos-files PID             the fd table of a task
  menuos-syscall               decode the pt_regs of the current system call
  menuos-sockets               every socket (when the network code is built in)
  menuos-add-symbols PROGRAM   load a user program's symbols (/bin/menu -> build/bin/menu)
"""
import os

import gdb

# gdb sources every script into one namespace: menuos_net.py's docstring would replace ours.
HELP = __doc__

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

STATES = {0: "R (running)", 1: "S (sleeping)", 2: "D (disk sleep)", 16: "Z (zombie)", 64: "X (dead)"}


def tasks():
    """Every task_struct on task_list, in creation order."""
    head = gdb.parse_and_eval("&task_list")
    ttype = gdb.lookup_type("task_struct").pointer()
    offset = int(gdb.parse_and_eval("&((struct task_struct *)0)->tasks"))
    node = head["next"]
    while int(node) != int(head):
        yield gdb.Value(int(node) - offset).cast(ttype)
        node = node["next"]


def syscall_names():
    names = {}
    path = os.path.join(ROOT, "kernel", "syscall_32.tbl")
    for line in open(path):
        line = line.split("#", 1)[0].split()
        if len(line) >= 3:
            names[int(line[0])] = line[2]
    return names


SOCKETCALLS = ["?", "socket", "bind", "connect", "listen", "accept", "getsockname", "getpeername",
               "socketpair", "send", "recv", "sendto", "recvfrom", "shutdown", "setsockopt",
               "getsockopt", "sendmsg", "recvmsg", "accept4", "recvmmsg", "sendmmsg"]
SOCKETCALL_NARGS = [0, 3, 3, 3, 2, 3, 3, 3, 4, 4, 4, 6, 6, 2, 5, 5, 3, 3, 4, 5, 4]


class Help(gdb.Command):
    """List the MenuOS gdb helpers."""

    def __init__(self):
        super().__init__("menuos-help", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        gdb.write(HELP)


class Ps(gdb.Command):
    """menuos-ps: list tasks (pid, ppid, state, name)."""

    def __init__(self):
        super().__init__("menuos-ps", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        cur = int(gdb.parse_and_eval("current_task"))
        gdb.write("  PID  PPID STATE           COMM\n")
        for t in tasks():
            parent = t["parent"]
            ppid = int(parent["pid"]) if int(parent) else 0
            mark = "*" if int(t) == cur else " "
            state = STATES.get(int(t["state"]), str(int(t["state"])))
            gdb.write(f"{mark}{int(t['pid']):4d} {ppid:5d} {state:15s} {t['comm'].string()}\n")


class Dmesg(gdb.Command):
    """menuos-dmesg: print the kernel log buffer."""

    def __init__(self):
        super().__init__("menuos-dmesg", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        size = int(gdb.parse_and_eval("sizeof(log_buf)"))
        nxt = int(gdb.parse_and_eval("log_next"))
        have = min(nxt, size)
        start = nxt - have
        mem = gdb.selected_inferior().read_memory(gdb.parse_and_eval("&log_buf[0]"), size).tobytes()
        text = bytes(mem[(start + i) % size] for i in range(have))
        gdb.write(text.decode("utf-8", "replace"))


class Files(gdb.Command):
    """menuos-files PID: the fd table of a task (default: the current one)."""

    def __init__(self):
        super().__init__("menuos-files", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        want = int(arg) if arg.strip() else int(gdb.parse_and_eval("current_task->pid"))
        for t in tasks():
            if int(t["pid"]) != want:
                continue
            files = t["files"]
            if not int(files):
                gdb.write(f"pid {want} has no files\n")
                return
            for fd in range(int(gdb.parse_and_eval("sizeof(((struct files_struct *)0)->fd) / sizeof(void *)"))):
                f = files["fd"][fd]
                if not int(f):
                    continue
                fop = f["f_op"]
                sym = gdb.execute(f"info symbol {int(fop)}", to_string=True).split()[0] if int(fop) else "?"
                kind = "socket" if "socket" in sym else "tty" if "tty" in sym else "file"
                name = ""
                if int(f["f_inode"]):
                    name = f["f_inode"]["i_name"].string()
                gdb.write(f"  fd {fd:2d}: {kind:6s} f_op={sym} count={int(f['f_count'])} flags={int(f['f_flags']):#o} {name}\n")
            return
        gdb.write(f"no task with pid {want}\n")


class Syscall(gdb.Command):
    """menuos-syscall: decode the current task's saved registers as a system call."""

    def __init__(self):
        super().__init__("menuos-syscall", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        stack = int(gdb.parse_and_eval("current_task->stack"))
        size = int(gdb.parse_and_eval("8192"))
        regs = gdb.parse_and_eval(f"((struct pt_regs *){stack + size})[-1]")
        nr = int(regs["orig_ax"]) & 0xffffffff
        args = [int(regs[r]) & 0xffffffff for r in ("bx", "cx", "dx", "si", "di", "bp")]
        name = syscall_names().get(nr, f"syscall_{nr}")
        gdb.write(f"pid {int(gdb.parse_and_eval('current_task->pid'))}: {name} (eax={nr}) "
                  f"args ebx={args[0]:#x} ecx={args[1]:#x} edx={args[2]:#x} esi={args[3]:#x} edi={args[4]:#x}\n")
        if nr == 102 and 1 <= args[0] <= 20:
            call = args[0]
            n = SOCKETCALL_NARGS[call]
            try:
                mem = gdb.selected_inferior().read_memory(args[1], 4 * n).tobytes()
                vals = [int.from_bytes(mem[i * 4:i * 4 + 4], "little") for i in range(n)]
                shown = ", ".join(f"{v:#x}" for v in vals)
            except gdb.MemoryError:
                shown = "<unreadable argument block>"
            gdb.write(f"  socketcall call={call} (SYS_{SOCKETCALLS[call].upper()}): {SOCKETCALLS[call]}({shown})\n")


class AddSymbols(gdb.Command):
    """menuos-add-symbols PROGRAM: load a user program's symbols (e.g. /bin/menu)."""

    def __init__(self):
        super().__init__("menuos-add-symbols", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        name = os.path.basename(arg.strip() or "menu")
        if name == "init":
            name = "menu"
        path = os.path.join(ROOT, "build", "bin", name)
        if not os.path.exists(path):
            gdb.write(f"no such program: {path}\n")
            return
        gdb.execute(f"add-symbol-file {path}")


for cls in (Help, Ps, Dmesg, Files, Syscall, AddSymbols):
    cls()

# menuos-sockets lives with the network code's helpers when they exist.
_net = os.path.join(ROOT, "scripts", "gdb", "menuos_net.py")
if os.path.exists(_net):
    gdb.execute(f"source {_net}")
