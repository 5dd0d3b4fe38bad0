"""The lab of ../shared/seed, step 2: breakpoints on sys_socketcall and the __sys_* routines
while the shell brings lo up, then while replyhi and hello run, and the creation chain of the
server's socket."""
import re

from gdbdriver import GdbRunner, free_port, parse_hits, tracing_breakpoints
from menuos import PROMPT, check, machine

LAB_BREAKPOINTS = ["sys_socketcall", "__sys_socket", "__sys_bind", "__sys_listen", "__sys_connect",
                   "__sys_accept4", "__sys_recvmsg", "__sys_sendmsg", "__sys_recvfrom", "__sys_sendto",
                   "__sys_shutdown"]

# socketcall call numbers and the routine each one must reach next.
DISPATCH = {1: "__sys_socket", 2: "__sys_bind", 3: "__sys_connect", 4: "__sys_listen",
            5: "__sys_accept4", 9: "__sys_sendto", 10: "__sys_recvfrom", 11: "__sys_sendto",
            12: "__sys_recvfrom", 13: "__sys_shutdown", 16: "__sys_sendmsg", 17: "__sys_recvmsg",
            18: "__sys_accept4"}


def run_lab(breakpoints):
    port = free_port()
    with machine(gdb_port=port) as m:
        gdb = GdbRunner(port)
        try:
            gdb.define(tracing_breakpoints(breakpoints))
            gdb.start_continue()
            m.expect(re.escape(PROMPT), 60)
            m.sendline("replyhi")
            m.expect(r"Please input hello\.\.\.", 60)
            m.expect(re.escape(PROMPT), 60)
            last = breakpoints[-1]
            if "__sys_accept4" in breakpoints:
                gdb.wait_for(r"HIT __sys_accept4", 60)  # the server now sleeps in accept
            m.sendline("hello")
            m.expect(r'recv "hi" from 127\.0\.0\.1:5001', 60)
            m.expect(re.escape(PROMPT), 60)
            if "__sys_accept4" in breakpoints:
                # The server went round its loop and waits in accept again.
                gdb.wait_for(r"HIT __sys_accept4(?:.*\n)+.*HIT __sys_accept4", 60)
            else:
                gdb.wait_for(rf"HIT {last}(?:.*\n)+.*HIT {last}", 60)  # the client's socket too
            text = gdb.output()
            gdb.interrupt()
        finally:
            gdb.close()
        return split_init(parse_hits(text)), m.text


def split_init(hits):
    """(the shell's own hits before the first command, the rest). The shell is pid 1 and brings
    lo up before its first prompt; replyhi's server is a child, so the first hit of another pid
    ends the start-up part."""
    k = next((i for i, (_, pid, _) in enumerate(hits) if pid != 1), len(hits))
    return hits[:k], hits[k:]


def test_replyhi_and_hello_reach_every_socket_routine_in_order():
    (init, hits), serial = run_lab(LAB_BREAKPOINTS)
    # Start-up, as in the seed: three sys_socketcall (call 1), each then __sys_socket.
    check([(f, c) for f, _, c in init] == [("sys_socketcall", 1), ("__sys_socket", None)] * 3,
          f"before the prompt the shell makes three sockets to bring lo up: {init}")
    check("Network interfaces: lo 127.0.0.1" in serial, "the shell says lo is up")
    check(hits, "no breakpoint was hit")
    # Every sys_socketcall hit is followed (in the same process) by the routine it dispatches to.
    for i, (fn, pid, call) in enumerate(hits):
        if fn != "sys_socketcall":
            continue
        want = DISPATCH.get(call)
        if want is None:
            continue  # setsockopt, getpeername...: no breakpoint on their routine
        nxt = next(((f, p) for f, p, _ in hits[i + 1:] if p == pid), None)
        check(nxt and nxt[0] == want, f"socketcall {call} in pid {pid} should reach {want}, got {nxt}")
    server = next(pid for fn, pid, call in hits if fn == "sys_socketcall" and call == 2)
    client = next(pid for fn, pid, call in hits if fn == "sys_socketcall" and call == 3)
    check(server != client, "server and client are different processes")
    scalls = [c for f, p, c in hits if f == "sys_socketcall" and p == server]
    ccalls = [c for f, p, c in hits if f == "sys_socketcall" and p == client]
    # Server: socket, (setsockopt), bind, listen, accept, then recv and send for the client.
    sc = [c for c in scalls if c != 14]
    check(sc[:4] == [1, 2, 4, 5] or sc[:4] == [1, 2, 4, 18], f"server calls {scalls}")
    check(10 in sc[4:] or 12 in sc[4:], f"server must recv: {scalls}")
    check(9 in sc[4:] or 11 in sc[4:], f"server must send: {scalls}")
    check(sc.index(9 if 9 in sc else 11, 4) > sc.index(10 if 10 in sc else 12, 4), "server receives, then sends")
    # Client: socket, connect, send, recv.
    cc = [c for c in ccalls if c not in (6, 7, 14)]
    check(cc[:2] == [1, 3], f"client starts with socket, connect: {ccalls}")
    check(cc.index(9 if 9 in cc else 11) < cc.index(10 if 10 in cc else 12), f"client sends then receives: {ccalls}")
    # Across processes: the client's send comes before the server's recv returns data, and the
    # server's send before the client's recv.
    order = [(f, p, c) for f, p, c in hits if f == "sys_socketcall"]
    idx = {k: i for i, k in reversed(list(enumerate((p, c) for _, p, c in order)))}
    check(idx[(client, 3)] > idx[(server, 4)], "connect comes after listen")
    check('recv "hello" from 127.0.0.1:' in serial, "the server printed the message")


def test_socket_creation_chain_for_the_server():
    chain = ["__sys_socket", "sock_create", "__sock_create", "inet_create", "sock_map_fd"]
    (init, hits), _ = run_lab(chain)
    check([f for f, _, _ in init] == chain * 3, f"the shell's three start-up sockets: {init}")
    server_pid = hits[0][1]
    seq = [f for f, p, _ in hits if p == server_pid][:5]
    check(seq == chain, f"the server's socket() goes {seq}")


def test_unix_socket_creation_chain_from_user_space():
    """socket(AF_UNIX, SOCK_STREAM, 0) from a user program (the seed's bind example)."""
    chain = ["sys_socketcall", "__sys_socket", "sock_create", "__sock_create", "unix_create", "sock_map_fd"]
    port = free_port()
    with machine(gdb_port=port) as m:
        gdb = GdbRunner(port)
        try:
            gdb.define(tracing_breakpoints(chain))
            gdb.start_continue()
            m.expect(re.escape(PROMPT), 60)
            m.sendline("exec bindlab")
            m.expect(re.escape(PROMPT), 60)
            gdb.wait_for(r"HIT sock_map_fd", 30)
            text = gdb.output()
            gdb.interrupt()
        finally:
            gdb.close()
    _, hits = split_init(parse_hits(text))
    seq = [f for f, _, _ in hits][:6]
    check(seq == chain, f"socket(AF_UNIX) goes {seq}")
    check(hits[0][2] == 1, f"sys_socketcall's call is SYS_SOCKET (1): {hits[0]}")
