"""The targets table written as lines is what rich prints of the table it stands for, whatever
the plan's title: one that fits, one wider than the table (rich lays out the header alone) and
one with spaces rich would change."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from ezplan.discover import find_plans
from ezplan.render import plain, text
from ezplan.report import check_all


def _text(run, width: int, fast: bool, monkeypatch) -> str:
    buf = io.StringIO()
    console = Console(file=buf, color_system=None, width=width, highlight=False, soft_wrap=False)
    with monkeypatch.context() as m:
        if not fast:  # everything through rich
            m.setattr(plain.Plain, "text", lambda self, t: False)
            m.setattr(plain.Plain, "table_rows", lambda self, *a: None)
        text.render(run, console, "en")
    return buf.getvalue()


@pytest.mark.parametrize(
    "title",
    ["短", "一个很长很长的规划名称" * 6, "Two  spaces and a very long English name " * 3, "x\ty"],
)
@pytest.mark.parametrize("width", [60, 100, 140])
def test_the_table_as_lines_is_the_table_rich_prints(title, width, tmp_path, monkeypatch):
    b = ["indicators:"]
    t = [f"plan: {{name: {json.dumps(title, ensure_ascii=False)}, period: 2021-2025}}", "targets:"]
    for i in range(6):
        b.append(f"  x{i}: {{name: 指标{i} name, unit: 亿元, levels: {{2020: {10 + i}亿元}}}}")
        t.append(f"  x{i}: {{level: {20 + 3 * i}亿元, annual: {5 + i}%}}")
    (tmp_path / "baselines.yaml").write_text("\n".join(b) + "\n", encoding="utf-8")
    (tmp_path / "targets.yaml").write_text("\n".join(t) + "\n", encoding="utf-8")
    run = check_all(find_plans([str(tmp_path)]))
    assert run.results[0].report is not None
    assert _text(run, width, True, monkeypatch) == _text(run, width, False, monkeypatch)
