"""Running the i386 host programs of the tests (build/unit-tests, static -m32 programs).

Debian and Ubuntu kernels run i386 binaries natively, but a kernel can be built or booted
without IA-32 emulation (ia32_emulation=off): exec then fails with ENOEXEC. The tests then
run the same binary under qemu-i386 (user-mode emulation, Debian's qemu-user), which
translates its Linux i386 system calls, socketcall included, to the host's."""
import errno
import functools
import os
import shutil
import subprocess


@functools.lru_cache(maxsize=None)
def native_i386():
    """True when this kernel executes i386 ELF files itself."""
    probe = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                         "build", "bin", "true")
    try:
        subprocess.run([probe], capture_output=True, timeout=30)
        return True
    except OSError as e:
        if e.errno == errno.ENOEXEC:
            return False
        raise


def command(argv):
    """argv, prefixed with qemu-i386 when the kernel cannot run i386 programs."""
    if native_i386():
        return list(argv)
    qemu = shutil.which("qemu-i386")
    if not qemu:
        raise AssertionError("this kernel cannot run i386 programs and qemu-i386 is missing "
                             "(make deps installs qemu-user)")
    return [qemu] + list(argv)


def run(argv, **kw):
    return subprocess.run(command(argv), **kw)
