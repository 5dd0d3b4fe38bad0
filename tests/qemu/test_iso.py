"""`make iso`: the GRUB rescue image boots the same kernel and rootfs to the prompt."""
import os
import subprocess

from menuos import boot_to_prompt, check, machine, run

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_grub_iso_boots_to_the_menu():
    r = subprocess.run(["make", "-s", "-C", ROOT, "iso"], capture_output=True, text=True)
    check(r.returncode == 0, r.stdout + r.stderr)
    iso = os.path.join(ROOT, "build", "menuos.iso")
    with machine(iso=iso) as m:
        m.expect(r"Command line: console=ttyS0", 60)
        boot_to_prompt(m, 60)
        check("MenuOS" in run(m, "uname"), "the shell runs from the ISO's initramfs")
