"""Output never stops at a character its stream cannot encode (Windows in Chinese writes GBK,
which has no ✓, ✗ or −): in a file or a pipe ezplan writes UTF-8; on a terminal, or where
PYTHONIOENCODING chose the encoding, a missing character is written as its nearest that the
encoding has (✓ √, ✗ ×, − -), else as ?."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from ezplan import launch

from .conftest import ROOT


class Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def _streams(monkeypatch, kind: type[io.TextIOWrapper]) -> tuple[io.BytesIO, io.BytesIO]:
    out, err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", kind(out, encoding="gbk"))
    monkeypatch.setattr(sys, "stderr", kind(err, encoding="gbk"))
    return out, err


def test_a_file_or_pipe_gets_utf8(monkeypatch):
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    out, err = _streams(monkeypatch, io.TextIOWrapper)
    launch.lossless_streams()
    print("✓ 一致 −3%", end="")
    print("✗ 错误", end="", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    assert out.getvalue().decode("utf-8") == "✓ 一致 −3%"
    assert err.getvalue().decode("utf-8") == "✗ 错误"


@pytest.mark.parametrize("chosen", [False, True])
def test_a_terminal_or_a_chosen_encoding_keeps_it(monkeypatch, chosen):
    if chosen:
        monkeypatch.setenv("PYTHONIOENCODING", "gbk")
    else:
        monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    out, _ = _streams(monkeypatch, io.TextIOWrapper if chosen else Terminal)
    launch.lossless_streams()
    print("✓ 一致 ✗ 错误 −3% ☂", end="")
    sys.stdout.flush()
    # the Chinese in GBK, ✓ ✗ − as the marks GBK has (helper-70: '? 错误' on a Chinese
    # Windows console), and what has none as ?: no error
    assert out.getvalue() == "√ 一致 × 错误 -3% ?".encode("gbk")


def test_utf8_streams_are_left_alone(monkeypatch):
    out = io.BytesIO()
    stream = io.TextIOWrapper(out, encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", stream)
    launch.lossless_streams()
    assert sys.stdout is stream and stream.errors == "strict"


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif"])
def test_the_command_writes_everything_to_a_gbk_stream(fmt):
    """All of it, as to a UTF-8 stream, but for the characters GBK lacks: none is cut off."""
    cmd = [sys.executable, "-m", "ezplan", "--lang", "zh", "check", str(ROOT), "--format", fmt]
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("PYTHONIOENCODING", None)
    utf8 = subprocess.run(cmd, capture_output=True, env=env, timeout=120)
    gbk = subprocess.run(
        cmd, capture_output=True, env={**env, "PYTHONIOENCODING": "gbk"}, timeout=120
    )
    assert gbk.returncode == utf8.returncode == 1 and gbk.stderr == b""  # no traceback
    launch._register_nearest()
    want = utf8.stdout.decode("utf-8").encode("gbk", "ezplan-nearest").decode("gbk")
    got = gbk.stdout.decode("gbk")
    if fmt == "text":  # rich draws the table's rules in ASCII there: the findings on are alike
        got, want = got[got.index("问题与提示") :], want[want.index("问题与提示") :]
    assert got == want
    if fmt in ("json", "sarif"):
        json.loads(want)  # what GBK cannot hold is a ? inside a string: still a document
