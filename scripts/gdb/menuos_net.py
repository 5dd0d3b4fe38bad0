"""menuos-sockets: every socket the kernel holds (walks net/sock.cpp's sock_list), like ss -a.
Loaded by scripts/gdb/menuos.py."""
import socket
import struct

import gdb

TCP_STATES = {1: "ESTABLISHED", 2: "SYN_SENT", 3: "SYN_RECV", 4: "FIN_WAIT1", 5: "FIN_WAIT2",
              6: "TIME_WAIT", 7: "CLOSE", 8: "CLOSE_WAIT", 9: "LAST_ACK", 10: "LISTEN", 11: "CLOSING"}
TYPES = {1: "STREAM", 2: "DGRAM", 3: "RAW"}


def ipv4(be32):
    return socket.inet_ntoa(struct.pack("<I", int(be32) & 0xffffffff))


def port(be16):
    v = int(be16) & 0xffff
    return ((v & 0xff) << 8) | (v >> 8)


class Sockets(gdb.Command):
    """menuos-sockets: list every socket: family, type, state, addresses, queue lengths."""

    def __init__(self):
        super().__init__("menuos-sockets", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        head = gdb.parse_and_eval("&sock_list")
        sock_t = gdb.lookup_type("sock").pointer()
        off = int(gdb.parse_and_eval("&((struct sock *)0)->sk_node"))
        node = head["next"]
        gdb.write(f"{'FAMILY':7s} {'TYPE':6s} {'STATE':12s} {'RECV-Q':>6s} {'SEND-Q':>6s}  LOCAL -> PEER\n")
        count = 0
        while int(node) != int(head):
            sk = gdb.Value(int(node) - off).cast(sock_t)
            fam = int(sk["sk_family"])
            typ = TYPES.get(int(sk["sk_type"]), str(int(sk["sk_type"])))
            state = TCP_STATES.get(int(sk["sk_state"]), str(int(sk["sk_state"])))
            rq = int(sk["sk_receive_queue"]["qlen"])
            wq = int(sk["sk_write_queue"]["qlen"])
            if fam == 2:
                inet = sk.cast(gdb.lookup_type("inet_sock").pointer())
                addr = inet["inet_rcv_saddr"] if int(inet["inet_rcv_saddr"]) else inet["inet_saddr"]
                local = f"{ipv4(addr)}:{int(inet['inet_num'])}"
                peer = f"{ipv4(inet['inet_daddr'])}:{port(inet['inet_dport'])}"
                name = "INET"
            elif fam == 1:
                us = sk.cast(gdb.lookup_type("unix_sock").pointer())
                alen = int(us["addr_len"])
                local = us["addr"]["sun_path"].string() if alen > 2 else "-"
                peer = "connected" if int(us["peer"]) else "-"
                name = "UNIX"
            else:
                local = peer = "?"
                name = str(fam)
            gdb.write(f"{name:7s} {typ:6s} {state:12s} {rq:6d} {wq:6d}  {local} -> {peer}\n")
            count += 1
            node = node["next"]
        gdb.write(f"{count} sockets\n")


Sockets()
