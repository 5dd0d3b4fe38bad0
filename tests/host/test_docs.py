"""The documentation stays true to the code."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_syscall_table_in_docs_matches_the_kernel():
    r = subprocess.run(["python3", os.path.join(ROOT, "scripts", "syscalldoc.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_readme_shows_the_two_commands():
    text = open(os.path.join(ROOT, "README.md")).read()
    assert "make run" in text and "make test" in text
