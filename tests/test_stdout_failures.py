"""Standard output that cannot be written — a full disk, or a process started with it closed
(``ezplan check >&-``) — is one line on stderr and exit 2, as a file that cannot be written is:
never a traceback, and never an exit code (0 or 1) that a CI job would read as a verdict on a
plan whose report went nowhere."""

from __future__ import annotations

import errno
import functools
import os
import subprocess
import sys

import pytest

from ezplan.cli.signals import output_failed
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(os.name != "posix", reason="/dev/full and closed descriptors")

# the installed script's way in (its name is what the launcher's fast paths look for)
LAUNCH = "import sys; sys.argv[0] = 'ezplan'; from ezplan.launch import main; main()"
COMMANDS = [
    ["check"],
    ["check", "--format", "json"],
    ["check", "--format", "sarif"],
    ["check", "--format", "jsonl"],
    ["milestones"],
    ["explain", "retail_sales"],
    ["--version"],
    ["--help"],
]


def _run(args: list[str], sink: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100", "PYTHONUTF8": "1"}
    env.pop("PYTHONIOENCODING", None)
    run = functools.partial(
        subprocess.run,
        [sys.executable, "-c", LAUNCH, *args],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    if sink == "full":
        with open("/dev/full", "w") as full:
            return run(stdout=full)
    return run(preexec_fn=lambda: os.close(1))  # the child starts with no stdout at all


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_full_disk_under_stdout_is_one_line_and_exit_2(args):
    p = _run(args, "full")
    assert p.returncode == 2, p.stderr
    assert p.stderr == (
        "standard output: cannot write: No space left on device; the output is incomplete\n"
    )


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_closed_stdout_is_one_line_and_exit_2(args):
    p = _run(args, "closed")
    assert p.returncode == 2, p.stderr
    assert p.stderr == "standard output: cannot write: it is closed; the output is incomplete\n"


def test_the_line_is_in_the_language_of_the_invocation():
    p = _run(["--lang", "zh", "check"], "closed")
    assert (p.returncode, p.stderr) == (2, "标准输出：无法写入：已关闭；输出不完整\n")


def test_a_closed_stdout_does_not_matter_to_a_command_that_writes_a_file(tmp_path):
    out = tmp_path / "report.json"
    p = _run(["check", "--format", "json", "-o", str(out)], "closed")
    assert p.returncode == 1  # the bundled plan has errors: the verdict, as without -o
    assert p.stderr == ""
    assert out.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(
    ("error", "about_output"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), True),
        (OSError(errno.EBADF, "Bad file descriptor"), True),
        (OSError(errno.EIO, "Input/output error"), True),
        (OSError(errno.ENOSPC, "No space left on device", "plan/targets.yaml"), False),  # named
        (OSError(errno.EMFILE, "Too many open files"), False),  # not what a write gives
        (OSError(errno.ENOENT, "No such file or directory"), False),
    ],
)
def test_only_a_failed_write_to_a_stream_is_taken_for_the_output(error, about_output):
    assert output_failed(error) is about_output
