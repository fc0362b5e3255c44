"""Interface words of the terminal views, in Chinese and English."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "indicator": {"en": "Indicator", "zh": "指标"},
    "base": {"en": "Base", "zh": "基期"},
    "target": {"en": "Target", "zh": "目标"},
    "stated_rate": {"en": "Growth\nstated", "zh": "规划增速"},
    "implied_rate": {"en": "Rate\nrequired", "zh": "所需年均"},
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
        "en": "{targets}: {consistent}\u00a0consistent, {unchecked}\u00a0not checkable, "
        "{warned}\u00a0with warnings, {failed}\u00a0with errors; {errors}, {warnings}, {notes} "
        "in all",
        "zh": "{targets}项目标：{consistent}项一致，{unchecked}项无法核对，{warned}项有警告，"
        "{failed}项有错误；共{errors}个错误、{warnings}个警告、{notes}条提示",
    },
    "plans_unread": {"en": "; {n} could not be read", "zh": "；{n}个规划无法读取"},
    "off_target": {"en": " ({parts} outside the targets)", "zh": "（其中{parts}不涉及任何目标）"},
    "period": {
        "en": "plan period {first}–{end} (base year {base})",
        "zh": "规划期 {first}—{end}年（基期 {base}年）",
    },
    "stated": {"en": "Stated figures", "zh": "规划所列数字"},
    "computations": {"en": "Computations", "zh": "计算过程"},
    "network": {
        "en": "Whole plan: what the other figures allow for each",
        "zh": "全规划推算：其他数字对各数字的限定",
    },
    "in_contradiction": {
        "en": "takes part in a contradiction ({tier}) with {members}",
        "zh": "与{members}构成矛盾（{tier}）",
    },
    "assumption": {"en": "the assumption that {what}", "zh": "假设{what}"},
    "allows": {"en": "allows", "zh": "允许"},
    "no_such_indicator": {
        "en": "no indicator {id!r} (by id or name); did you mean one of: {known}",
        "zh": "没有指标“{id}”（按代码或名称）；是否是以下之一：{known}",
    },
    "offered_more": {
        "en": " … and {n} more (ezplan check lists them)",
        "zh": "……另有{n}项（ezplan check 列出全部）",
    },
    "no_indicator_no_targets": {
        "en": "no indicator {id!r} (by id or name), and the plan states no targets",
        "zh": "没有指标“{id}”（按代码或名称），规划也未列出目标",
    },
    "ambiguous_indicator": {
        "en": "{id!r} names several indicators: {known}; give the id or more of the name",
        "zh": "“{id}”对应多个指标：{known}；请给出代码或更完整的名称",
    },
    "also_weighs_on": {"en": "; also {names}", "zh": "（及{names}）"},
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
    "gap_pct": {"en": "vs milestone", "zh": "较当年目标"},
    "gap_above": {"en": "{gap} above", "zh": "高{gap}"},
    "gap_below": {"en": "{gap} below", "zh": "低{gap}"},
    "gap_level": {"en": "on it", "zh": "持平"},
    "no_path": {"en": "no yearly path: {why}", "zh": "无年度目标路径：{why}"},
    "no_rate_bound_base": {
        "en": "{base} in {year} is only a bound: no rate can be required from it",
        "zh": "{year}年的{base}只是一个界限，推不出所需增速",
    },
    "no_level_baselines": {
        "en": "baselines.yaml records no {year} level",
        "zh": "baselines.yaml未记录{year}年水平",
    },
    "no_level_document": {
        "en": "no {year} level was found in the document (nor in baselines.yaml)",
        "zh": "文中未找到{year}年水平（baselines.yaml亦未记录）",
    },
    "met_at_base_ceiling": {
        "en": "{target} is a ceiling: {base} in {year} is within it, no fall is needed",
        "zh": "{target}为上限：{year}年{base}已在限内，无需降低",
    },
    "met_at_base_floor": {
        "en": "{target} is a floor: {base} in {year} already meets it, no rise is needed",
        "zh": "{target}为下限：{year}年{base}已达到，无需提高",
    },
    "met_at_base_rounds": {
        "en": "{target}: {base} in {year} already rounds to it, holding it is enough",
        "zh": "{target}：{year}年{base}按其精度已相符，保持即可",
    },
    "progress_why_bound_base": {
        "en": "the {base_year} level is only a bound, so no progress can be measured from it",
        "zh": "{base_year}年（基期）水平只是一个界限，无从计算进度",
    },
    "held_back_pace": {
        "en": "at this pace {end} in {year} (target {target})",
        "zh": "按当前速度，{year}年为{end}（目标{target}）",
    },
    "held_back_planned": {
        "en": "at the planned {rate} a year from the latest actual, {end} in {year}"
        " (target {target})",
        "zh": "按规划所需的年均{rate}从最新实际起算，{year}年为{end}（目标{target}）",
    },
    "held_back_planned_sum": {
        "en": "at the planned {rate} a year from the latest year's amount, {end} in all by {year}"
        " (target {target})",
        "zh": "按规划所需的年均{rate}从最新一年起算，至{year}年累计{end}（目标{target}）",
    },
    "pace_short_of_sum": {
        "en": "at this pace (the yearly average so far) {pace} in all by {year}, short of "
        "{target}; the status follows the planned {rate} a year from the latest year's amount: "
        "{end} in all",
        "zh": "按当前速度（以往年均额）至{year}年累计{pace}，不及{target}；状态按规划所需的年均"
        "{rate}从最新一年起算判定：累计{end}",
    },
    "bound_ceiling": {"en": "ceiling", "zh": "上限"},
    "bound_floor": {"en": "floor", "zh": "下限"},
    "bound_rounds": {"en": "level to hold", "zh": "保持水平"},
    "achieved_rate": {"en": "Rate so far", "zh": "已实现年均"},
    "required_rate": {"en": "Rate required", "zh": "所需年均"},
    "remaining_rate": {"en": "Rate now needed", "zh": "剩余年份所需年均"},
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
    "x_growth_year": {"en": "growth {span}", "zh": "{span}年增幅"},
    "x_cumulative": {"en": "cumulative {span}", "zh": "{span}年累计"},
    "x_share": {"en": "share of {of} in {year}", "zh": "{year}年占{of}比重"},
    "x_change": {"en": "change {span}", "zh": "{span}变化"},
}
