"""The bundled plan files: fixed ids, quotes for every figure, and the README's promises."""

from __future__ import annotations

import re

from ezplan.loader import load_plan
from tests.conftest import ROOT

FIXED_IDS = [
    "retail_sales",
    "online_retail",
    "trade_total",
    "exports",
    "imports",
    "fdi_actual",
    "fdi_contract",
    "fdi_contract_new",
]


def all_stated(plan):
    for lv in plan.levels:
        yield from lv.figures
    for g in plan.growth:
        yield from (s for s in (g.annual, g.total) if s is not None)
    for c in plan.cumulative:
        yield from c.amounts
    for sh in plan.shares:
        yield sh.value


def test_fixed_ids_present_with_quotes():
    plan = load_plan(ROOT)
    for iid in FIXED_IDS:
        assert iid in plan.indicators
        stated = [s for s in all_stated(plan) if s.mark and _indicator_of(plan, s) == iid]
        assert stated, iid
        assert all(s.quote for s in stated), iid


def _indicator_of(plan, stated):
    for lv in plan.levels:
        if stated in lv.figures:
            return lv.indicator
    for g in plan.growth:
        if stated in (g.annual, g.total):
            return g.indicator
    for c in plan.cumulative:
        if stated in c.amounts:
            return c.indicator
    for sh in plan.shares:
        if stated is sh.value:
            return sh.indicator
    return None


def test_every_figure_has_a_quote_found_in_the_plan_text():
    plan = load_plan(ROOT)
    # the plan's text, kept in the repository (a copy of ../shared/seeds/000_b9e974545e0e31fa.txt)
    text = (ROOT / "tests" / "data" / "extract" / "ezhou-plan.txt").read_text(encoding="utf-8")
    for s in all_stated(plan):
        assert s.quote, s.mark
        # quotes may elide with …… ; each piece must stand in the plan verbatim
        for piece in re.split(r"……", s.quote):
            assert piece.strip() in text, (s.mark, piece)


def test_readme_quick_start_and_ci_agree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", section, re.S)
    assert len(blocks) == 2 and all("\n" not in b for b in blocks)
    assert "ezplan check" in blocks[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert blocks[1] in ci


def test_readme_lists_every_rule():
    from ezplan.rules import all_rules

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for r in all_rules():
        assert f"| `{r.code}` |" in readme


def test_bundled_files_validate_against_the_committed_schema_as_an_editor_reads_them():
    import json

    import jsonschema
    import yaml

    for which in ("baselines", "targets"):
        schema = json.loads((ROOT / "schema" / f"{which}.schema.json").read_text("utf-8"))
        jsonschema.Draft7Validator.check_schema(schema)
        text = (ROOT / f"{which}.yaml").read_text("utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=schema/{which}.schema.json")
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))  # keys become text
        jsonschema.Draft7Validator(schema).validate(data)


def test_the_schema_rejects_what_ezplan_rejects():
    import json

    import jsonschema

    schema = json.loads((ROOT / "schema" / "targets.schema.json").read_text("utf-8"))
    bad = {"plan": {"name": "x", "period": "2021-2025"}, "targets": {"x": {"levl": "1亿元"}}}
    assert not jsonschema.Draft7Validator(schema).is_valid(bad)
