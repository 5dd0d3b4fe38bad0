"""Packet capture of lo (capture=1, second serial port) decoded by tshark: a correct three-way
handshake, the data, and the FIN exchange of a hello, with valid checksums."""
import os
import subprocess
import tempfile

from menuos import boot_to_prompt, check, machine, run


def tshark_fields(pcap, *fields, extra=()):
    cmd = ["tshark", "-r", pcap, "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
           "-T", "fields", "-E", "separator=|", *extra]
    for f in fields:
        cmd += ["-e", f]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    return [line.split("|") for line in r.stdout.splitlines() if line.strip()]


def test_hello_exchange_decodes_in_tshark():
    with tempfile.TemporaryDirectory() as tmp:
        pcap = os.path.join(tmp, "lo.pcap")
        with machine("capture=1", capture=pcap) as m:
            boot_to_prompt(m)
            run(m, "replyhi")
            out = run(m, "hello")
            check('recv "hi"' in out, out)
            run(m, "ping -c 1")
            m.sendline("quit")
            m.wait(30)
        check(os.path.getsize(pcap) > 24, "the capture has packets")
        rows = tshark_fields(pcap, "tcp.srcport", "tcp.dstport", "tcp.flags.str", "tcp.len",
                             "tcp.checksum.status", "ip.checksum.status", "tcp.analysis.flags",
                             extra=["-Y", "tcp"])
        check(len(rows) >= 8, f"handshake, data, FINs: {rows}")
        flags = [r[2] for r in rows]
        syn = next(i for i, f in enumerate(flags) if "S" in f and "A" not in f.replace("·", ""))
        check("SYN" in rows[syn][2] or "S" in rows[syn][2], rows[syn])
        check(rows[syn][1] == "5001", f"the first SYN goes to port 5001: {rows[syn]}")
        check("A" in rows[syn + 1][2] and "S" in rows[syn + 1][2], f"SYN-ACK: {rows[syn + 1]}")
        check(rows[syn + 2][2].replace("·", "").strip() == "A" or "A" in rows[syn + 2][2], f"ACK: {rows[syn + 2]}")
        data = [r for r in rows if r[3] not in ("", "0")]
        check(any(r[3] == "5" and r[1] == "5001" for r in data), f'"hello" (5 bytes) to the server: {data}')
        check(any(r[3] == "2" and r[0] == "5001" for r in data), f'"hi" (2 bytes) back: {data}')
        fins = [r for r in rows if "F" in r[2]]
        check({r[0] for r in fins} >= {"5001"} and len(fins) >= 2, f"FIN from both sides: {fins}")
        for r in rows:  # tshark's checksum status: 0 bad, 1 good, 2 unverified
            check(r[4] == "1", f"TCP checksum good: {r}")
            check(r[5] == "1", f"IP checksum good: {r}")
            check(r[6] == "", f"no retransmissions or other analysis flags: {r}")
        icmp = tshark_fields(pcap, "icmp.type", "icmp.checksum.status", extra=["-Y", "icmp"])
        check([r[0] for r in icmp] == ["8", "0"], f"echo request and reply: {icmp}")
        check(all(r[1] == "1" for r in icmp), f"ICMP checksums good: {icmp}")
