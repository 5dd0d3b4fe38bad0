"""TCP/IP on the loopback device (user/socktest_inet.cpp, the replyhi/hello commands)."""
import re

from menuos import PROMPT, boot_to_prompt, check, machine, run


def socktest(m, case, timeout=180):
    out = run(m, f"exec socktest_inet {case}", timeout)
    fails = [l for l in out.splitlines() if l.startswith("FAIL")]
    check(not fails, "\n".join(fails))
    s = re.search(r"socktest_inet: (\d+) ok, (\d+) failed", out)
    check(s and s.group(2) == "0", out[-2000:])
    return out


def test_replyhi_then_hello_several_rounds():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "replyhi")
        check("Please input hello..." in out, out)
        for _ in range(3):
            out = run(m, "hello")
            check(re.search(r'recv "hi" from 127\.0\.0\.1:5001', out), out)
        served = re.findall(r'recv "hello" from 127\.0\.0\.1:(\d+)', m.text)
        check(len(served) == 3, f"the server answered every hello: {served}")
        check(len(set(served)) == 3, "each hello comes from a new ephemeral port")
        out = run(m, "replyhi")
        check("already running" in out, f"a second replyhi is refused while one runs: {out}")
        out = run(m, "hello 127.0.0.1 5001 greetings")
        check('recv "greetings" from 127.0.0.1:' in m.text, "hello HOST PORT MESSAGE sends the message")


def test_hello_without_a_server_is_refused():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "hello")
        check("Connection refused" in out, out)


def test_tcp_errors_and_udp():
    with machine() as m:
        boot_to_prompt(m)
        out = socktest(m, "errors")
        for name in ("connect to a closed port", "bind an address this host lacks", "bind a port in use",
                     "ephemeral port in 32768-60999"):
            check(f"ok {name}" in out, f"missing check {name}")
        out = socktest(m, "udp")
        check("ok connected udp to a closed port gets ECONNREFUSED" in out, out)


def test_tcp_10_mib_echo_and_64_clients():
    with machine() as m:
        boot_to_prompt(m)
        socktest(m, "echo", 240)
        out = socktest(m, "clients", 240)
        check("served 64 of 64 clients" in out, out)


def test_10000_connect_close_rounds_and_the_kernel_survives():
    with machine() as m:
        boot_to_prompt(m)
        out = socktest(m, "hammer 10000", 280)
        check("10000 of 10000 connect/close rounds" in out, out)
        check("Oops" not in m.text, "no oops")
        out = run(m, "hello")
        check("Connection refused" in out, "the stack still answers afterwards")


def test_ping_netstat_ifconfig_and_udp_echo():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "ping -c 3")
        check(len(re.findall(r"64 bytes from 127\.0\.0\.1: icmp_seq=\d time=[\d.]+ ms", out)) == 3, out)
        check("3 packets transmitted, 3 received, 0% packet loss" in out, out)
        run(m, "replyhi")
        out = run(m, "netstat -t")
        check(re.search(r"tcp\s+LISTEN\s+127\.0\.0\.1:5001", out), f"netstat shows the listener:\n{out}")
        out = run(m, "ifconfig")
        check("inet 127.0.0.1  netmask 255.0.0.0" in out and "mtu 65536" in out, out)
        rx = int(re.search(r"RX packets (\d+)", out).group(1))
        check(rx >= 6, f"ping's packets are counted: {out}")
        out = run(m, "exec udpecho demo")
        check(re.search(r'reply "hello over udp" from 127\.0\.0\.1:7007', out), out)


def test_hello_typed_ahead_of_the_prompt_finds_the_server_listening():
    """replyhi gives the prompt back only once its server listens: a hello typed at once (the
    terminal holds it until the shell reads) is answered, never refused."""
    with machine("trace=socket") as m:
        boot_to_prompt(m)
        m.sendline("replyhi")
        m.sendline("hello")
        m.expect(r"Please input hello", 60)
        check(re.search(r"socketcall\(SYS_LISTEN.*= 0", m.text), "the server listens before the shell goes on")
        m.expect(r'recv "hi" from 127\.0\.0\.1:5001|Connection refused', 60)
        check("Connection refused" not in m.text, "hello came before the server listened")
        m.expect(re.escape(PROMPT), 30)
        out = run(m, "replyhi 5001")
        check("already running" in out, out)


def test_shell_brings_lo_up_and_ifconfig_takes_it_down_and_up():
    """The kernel boots with lo down, as Linux does; the shell brings it up through socket
    ioctls before its first prompt. Down again, nothing routes to 127.0.0.0/8."""
    with machine() as m:
        boot_to_prompt(m)
        check(re.search(r"lo: loopback 127\.0\.0\.1/8 mtu 65536, down", m.text), "lo boots down")
        check("Network interfaces: lo 127.0.0.1" in m.text, "the shell lists lo after bringing it up")
        check(m.text.index("lo: link up") < m.text.index("MenuOS>>"), "lo is up before the first prompt")
        out = run(m, "ifconfig lo")
        check(re.search(r"lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536", out), out)
        run(m, "replyhi")
        out = run(m, "ifconfig lo down")
        check("lo: link down" in out and "ifconfig" not in out, f"the kernel logs it, no error: {out}")
        out = run(m, "ifconfig")
        check("flags=8<LOOPBACK>" in out, out)
        check("hello: connect: Network is unreachable" in run(m, "hello"), "no route while lo is down")
        check("sendto: Network is unreachable" in run(m, "ping -c 1"), "ping has no route either")
        for bad, err in (("ifconfig eth0", "eth0: No such device"),
                         ("ifconfig lo 10.0.0.1", "lo 10.0.0.1: Invalid argument"),
                         ("ifconfig lo netmask 255.0.255.0", "lo 255.0.255.0: Invalid argument"),
                         ("ifconfig lo mtu 20", "lo mtu 20: Invalid argument"),
                         ("ifconfig lo mtu", "mtu needs a value"),
                         ("ifconfig lo 1.2.3", "1.2.3: not an IPv4 address")):
            out = run(m, bad)
            check(err in out and "exited with status 1" in out, f"{bad}: {out}")
        run(m, "ifconfig lo up mtu 1500")
        out = run(m, "hello")
        check('recv "hi" from 127.0.0.1:5001' in out, f"the server, still listening, answers:\n{out}")
        check("mtu 1500" in run(m, "ifconfig"), "the MTU changed")


def test_garbage_packets_are_dropped_counted_and_survived():
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, "exec netgarbage 800", 120)
        fails = [l for l in out.splitlines() if l.startswith("FAIL")]
        check(not fails, "\n".join(fails))
        check("netgarbage: 11 ok, 0 failed" in out, out)
        check("Oops" not in m.text, "no oops")
        out = run(m, "ping -c 1")
        check("1 received" in out, out)
