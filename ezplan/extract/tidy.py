"""The drafts as the loader will read them: what makes two plan files load and read well.

A target that is not in baselines.yaml must not look like a slip for one that is (the loader
reports an id one letter away from a baseline's as a typo), `part_of` may only name an indicator
the drafts define, and the plan's title is the document's own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ezplan.extract.found import Found, Reading
from ezplan.suggest import near_miss


def title(r: Reading) -> str:
    """The document's title: its title line, a 《…规划》 it names itself by, or its file name —
    with the place it is of when the title does not say (政府工作报告 → 河北省政府工作报告: the
    government named at its head, else a file named after a place)."""
    src = r.source
    title = (src.title or "").strip("*# \t")
    if re.search(r"规划|纲要|报告|公报|计划|方案", title):
        place = _place(r)
        named = place in title or re.match(rf"[\u4e00-\u9fff]{{1,12}}?{_SUFFIX}", title)
        return place + title if place and not named else title  # 克州政府工作报告: named
    for b in src.blocks[:12]:
        m = re.search(r"《([^》]{4,40}(?:规划|纲要|计划|方案))》", b.text)
        if m:
            return m.group(1)
    return title if len(title.replace(" ", "")) > 4 else Path(src.path).stem


def drop_dangling_parts(*sections: dict[str, Any]) -> None:
    """part_of may only name an indicator the drafts define."""
    known = {k for sec in sections for k in sec}
    for sec in sections:
        for entry in sec.values():
            if entry.get("part_of") not in (None, *known):
                del entry["part_of"]


def separate_new_targets(indicators: dict[str, Any], targets: dict[str, Any]) -> dict[str, str]:
    """A target that is not in baselines.yaml must not look like a slip for one that is: no
    baseline's name, no id one letter away from a baseline's id — nor the name of the target
    whose second it is, which a planner giving that one its base would make a baseline's (南宁's
    retail_sales_2021 named 社会消费品零售总额 beside retail_sales). Returns the renames."""
    base_names = {v.get("name") for v in indicators.values()}
    main_names = {(k, v.get("name")) for k, v in targets.items()}
    only_base = [i for i in indicators if i not in targets]
    taken = {*indicators, *targets}
    renames: dict[str, str] = {}
    for tid in list(targets):
        if tid in indicators:
            continue
        entry = targets[tid]
        name = entry.get("name")
        if name in base_names or any(
            tid.startswith(f"{k}_") and name == n for k, n in main_names if k != tid
        ):
            period = entry.get("period", "")
            entry["name"] = (
                f"{entry['name']}（{period}年目标）" if period else f"{entry['name']}（目标）"
            )
        new, n = tid, 0
        while any(near_miss(new, b) for b in only_base) or (new != tid and new in taken):
            n += 1
            new = f"{tid}_new{n}"
        if new != tid:
            renames[tid] = new
            taken.add(new)
    return renames


def apply_renames(renames: dict[str, str], placed: list[Found], *sections: dict[str, Any]) -> None:
    if not renames:
        return
    for sec in sections:
        for old in [k for k in sec if k in renames]:
            sec[renames[old]] = sec.pop(old)
        for entry in sec.values():
            if entry.get("part_of") in renames:
                entry["part_of"] = renames[entry["part_of"]]
            share = entry.get("share")
            if isinstance(share, dict) and share.get("of") in renames:
                share["of"] = renames[share["of"]]
            for sh in entry.get("shares", []):
                if sh.get("of") in renames:
                    sh["of"] = renames[sh["of"]]
    for f in placed:
        if f.id in renames:
            f.id = renames[f.id]


_SUFFIX = "(?:自治区|自治州|省|市|州|县|区|盟|旗)"
# 河北省人民政府省长 许勤: the head of the government that reports
_GOVERNMENT = re.compile(
    rf"([\u4e00-\u9fff]{{2,12}}?{_SUFFIX})人民政府(?:代理)?代?(?:省长|市长|州长|主席|区长|县长)"
)


def _place(r: Reading) -> str:
    """The place a document is of: the government whose head reports it, else its file's name
    if that is a place; '' if neither."""
    for b in r.source.blocks[:12]:
        if m := _GOVERNMENT.search(b.text):
            return m.group(1)
    stem = Path(r.source.path).stem
    return stem if re.fullmatch(rf"[\u4e00-\u9fff]{{2,12}}{_SUFFIX}", stem) else ""
