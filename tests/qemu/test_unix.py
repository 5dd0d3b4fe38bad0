"""AF_UNIX end to end (user/socktest_unix.cpp): the errno table, a 10 MiB echo, 64 clients,
the lab's /somepath example."""
import re

from menuos import boot_to_prompt, check, machine, run


def socktest(case, timeout=120):
    with machine() as m:
        boot_to_prompt(m)
        out = run(m, f"exec socktest_unix {case}", timeout)
        fails = [l for l in out.splitlines() if l.startswith("FAIL")]
        check(not fails, "\n".join(fails))
        s = re.search(r"socktest_unix: (\d+) ok, (\d+) failed", out)
        check(s and s.group(2) == "0", out[-2000:])
        check("Oops" not in m.text, "no oops")
        return out, int(s.group(1))


def test_unix_errors_match_linux():
    out, n = socktest("errors")
    check(n >= 45, f"expected the whole error table, got {n} checks")
    for name in ("listen before bind", "connect twice", "bind a name in use", "send after SHUT_WR",
                 "backlog full: non-blocking connect gets EAGAIN"):
        check(f"ok {name}" in out, f"missing check: {name}")


def test_unix_10_mib_echo_with_checksum():
    out, _ = socktest("echo", 240)
    check("ok 10 MiB echoed, checksums match" in out, out)


def test_unix_64_clients_at_once():
    out, _ = socktest("clients", 240)
    check("served 64 of 64 clients" in out, out)


def test_the_seed_bind_example_on_somepath():
    out, _ = socktest("seed")
    check("ok seed: bind /somepath" in out and "ok seed: listen backlog 50" in out, out)
