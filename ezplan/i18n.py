"""Interface words in Chinese and English. Rule messages live with their rules."""

from __future__ import annotations

import os

LANGS = ("zh", "en")

TEXT: dict[str, dict[str, str]] = {
    "indicator": {"en": "Indicator", "zh": "指标"},
    "base": {"en": "Base", "zh": "基期"},
    "target": {"en": "Target", "zh": "目标"},
    "stated_rate": {"en": "Rate\nstated", "zh": "规划年均"},
    "implied_rate": {"en": "Rate\nimplied", "zh": "推算年均"},
    "verdict": {"en": "Verdict", "zh": "结论"},
    "findings": {"en": "Findings", "zh": "问题与提示"},
    "no_findings": {"en": "No findings: the figures agree.", "zh": "未发现问题：各数字相互一致。"},
    "error": {"en": "error", "zh": "错误"},
    "warning": {"en": "warning", "zh": "警告"},
    "note": {"en": "note", "zh": "提示"},
    "ok": {"en": "ok", "zh": "一致"},
    "consistent": {"en": "consistent", "zh": "一致"},
    "not_checkable": {"en": "not checkable", "zh": "无法核对"},
    "checks": {"en": "Checked by / why not", "zh": "核对依据 / 无法核对原因"},
    "cumulative": {"en": "累计", "zh": "累计"},
    "summary": {
        "en": "{targets}: {consistent} consistent, {unchecked} not checkable, {warned} with "
        "warnings, {failed} with errors; {errors}, {warnings}, {notes} in all",
        "zh": "{targets} 项目标：{consistent} 项一致，{unchecked} 项无法核对，{warned} 项有警告，"
        "{failed} 项有错误；共 {errors} 个错误、{warnings} 个警告、{notes} 条提示",
    },
    "period": {
        "en": "plan period {first}–{end} (base year {base})",
        "zh": "规划期 {first}—{end}年（基期 {base}年）",
    },
    "stated": {"en": "Stated figures", "zh": "规划所列数字"},
    "computations": {"en": "Computations", "zh": "计算过程"},
    "allows": {"en": "allows", "zh": "允许"},
    "no_such_indicator": {
        "en": "no indicator {id!r}; known: {known}",
        "zh": "没有指标 {id!r}；已有：{known}",
    },
    "nothing_found": {"en": "no findings for this indicator", "zh": "该指标无问题与提示"},
    "unit": {"en": "unit", "zh": "单位"},
    "parts": {"en": "parts", "zh": "分项"},
    "part_of": {"en": "part of", "zh": "属于"},
    "quote": {"en": "quote", "zh": "原文"},
    "note_label": {"en": "note", "zh": "备注"},
    "year": {"en": "Year", "zh": "年份"},
    "no_targets": {"en": "The plan states no targets.", "zh": "规划未列出目标。"},
    "milestones_title": {"en": "Yearly milestones", "zh": "年度目标分解"},
    "required_path": {"en": "required", "zh": "目标路径"},
    "stated_path": {"en": "at stated rate", "zh": "按规划增速"},
    "actual": {"en": "actual", "zh": "实际"},
    "gap": {"en": "gap", "zh": "差距"},
    "amount": {"en": "amount", "zh": "当年额"},
    "running_total": {"en": "running total", "zh": "累计"},
    "needs": {"en": "needs {rate} a year", "zh": "需年均{rate}"},
    "plan_rate": {"en": "plan: {rate}", "zh": "规划：{rate}"},
    "progress": {"en": "Progress against actual results", "zh": "实际进展"},
    "latest": {"en": "Latest actual", "zh": "最新实际"},
    "milestone": {"en": "Milestone", "zh": "当年目标"},
    "gap_pct": {"en": "Gap", "zh": "差距"},
    "achieved_rate": {"en": "Rate so far", "zh": "已实现年均"},
    "required_rate": {"en": "Rate required", "zh": "目标需年均"},
    "remaining_rate": {"en": "Rate now needed", "zh": "剩余年份需年均"},
    "projection": {"en": "At this pace", "zh": "按当前速度"},
    "status": {"en": "Status", "zh": "状态"},
    "achieved": {"en": "achieved", "zh": "已完成"},
    "on_track": {"en": "on track", "zh": "进度正常"},
    "moderate": {"en": "moderate progress", "zh": "进展一般"},
    "limited": {"en": "limited progress", "zh": "进展有限"},
    "moving_away": {"en": "moving away", "zh": "偏离目标"},
    "no_actuals": {"en": "no actuals yet", "zh": "暂无实际数据"},
    "not_assessable": {"en": "not assessable", "zh": "无法评估"},
    "indicator_id": {"en": "Indicator id", "zh": "指标代码"},
    "x_level": {"en": "level {year}", "zh": "{year}年水平"},
    "x_value": {"en": "value", "zh": "数值"},
    "x_annual": {"en": "annual rate {span}", "zh": "{span}年年均增速"},
    "x_total": {"en": "total growth {span}", "zh": "{span}年累计增幅"},
    "x_cumulative": {"en": "cumulative {span}", "zh": "{span}年累计"},
    "x_share": {"en": "share of {of} in {year}", "zh": "{year}年占{of}比重"},
    "x_change": {"en": "change {span}", "zh": "{span}变化"},
}


def t(key: str, lang: str, **kw: object) -> str:
    entry = TEXT[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**kw) if kw else text


def counted(n: int, word: str, lang: str) -> str:
    """3 errors, 1 warning in English; the bare number in Chinese, whose words carry no plural."""
    if lang != "en":
        return str(n)
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def plan_period(base_year: int, end_year: int, lang: str) -> str:
    """规划期 2021—2025年（基期 2020年）: the years a plan runs over, and its base year."""
    return t("period", lang, first=base_year + 1, end=end_year, base=base_year)


def default_lang() -> str:
    """zh when the locale is Chinese, else en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
