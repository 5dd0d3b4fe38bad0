"""One source, two C libraries: user/libctest.cpp built against MenuOS libc and against glibc
(g++ -m32 -static) must print the same thing. Both static i386 programs run on this host
(natively, or under qemu-i386 where the kernel has no IA-32 emulation): MenuOS's libc uses
Linux's own system-call numbers."""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "lib"))
import host32  # noqa: E402


def test_libctest_prints_the_same_with_menuos_libc_and_glibc():
    ours = os.path.join(ROOT, "build", "bin", "libctest")
    assert os.path.exists(ours), "build/bin/libctest is missing: make builds it"
    with tempfile.TemporaryDirectory() as tmp:
        theirs = os.path.join(tmp, "libctest-glibc")
        b = subprocess.run(["g++", "-m32", "-static", "-O2", "-std=c++20", "-o", theirs,
                            os.path.join(ROOT, "user", "libctest.cpp")], capture_output=True, text=True)
        assert b.returncode == 0, b.stderr
        want = host32.run([theirs], capture_output=True, text=True, timeout=30)
        got = host32.run([ours], capture_output=True, text=True, timeout=30)
    assert want.returncode == 0 and got.returncode == 0, (want.returncode, got.returncode, got.stderr)
    assert len(want.stdout.splitlines()) > 30
    for i, (w, g) in enumerate(zip(want.stdout.splitlines(), got.stdout.splitlines())):
        assert g == w, f"line {i + 1}: glibc {w!r}, MenuOS {g!r}"
    assert got.stdout == want.stdout


def test_plain_c_program_builds_and_reports_the_real_errno():
    exe = os.path.join(ROOT, "build", "bin", "hello_c")
    r = host32.run([exe, "x"], capture_output=True, text=True, timeout=30)
    assert "hello from C" in r.stdout
    # Nothing listens on the host's 127.0.0.1:5001 in the test environment, or something does:
    # either way the program must report what connect really said.
    assert "connect to 127.0.0.1:5001: Connection refused" in r.stdout or "connected" in r.stdout
