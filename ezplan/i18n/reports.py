"""Words of the exports and reports (CSV, XLSX, HTML, DOCX, charts), in Chinese and English."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- milestone tables -----------------------------------------------------------------
    "stated_change_path": {"en": "at stated change", "zh": "按规划变化"},
    "stated_running_total": {"en": "running total at stated rate", "zh": "按规划增速累计"},
    "actual_running": {"en": "actual running total", "zh": "实际累计"},
    "derived_mark": {"en": " (derived)", "zh": "（推算）"},
    "derived_note": {
        "en": "The {year} amount is derived from the cumulative target and the stated rate; it "
        "is not recorded data. The running total starts the year after.",
        "zh": "注：{year}年当年额为推算值（由累计目标和规划增速推出），并非统计数据；"
        "累计自下一年起算。",
    },
    "cumulative_target": {"en": "cumulative target {total}", "zh": "累计目标{total}"},
    "cumulative_value": {"en": "Σ {value}", "zh": "累计{value}"},
    "previous_period": {
        "en": "{first}–{end}: {total} in all ({average} a year)",
        "zh": "{first}—{end}年累计{total}（年均{average}）",
    },
    # --- progress: why a target cannot be assessed -------------------------------------------
    "progress_why_no_base": {
        "en": "no {base_year} level is recorded to measure progress from",
        "zh": "未记录{base_year}年（基期）水平，无从计算进度",
    },
    "progress_why_no_target": {
        "en": "the plan states no {end_year} level to measure progress towards",
        "zh": "规划未列出{end_year}年目标水平，无从计算进度",
    },
    "progress_why_no_path": {
        "en": "no path to the target can be computed from these figures",
        "zh": "由现有数字无法算出达到目标的路径",
    },
    "progress_why_no_rate": {
        "en": "the levels are not all positive, so no growth rate can be computed",
        "zh": "水平不全为正数，无法计算增速",
    },
    "progress_why_no_total": {
        "en": "the cumulative target cannot be read in the indicator's unit",
        "zh": "累计目标无法换算为该指标的单位",
    },
    "progress_why_missing_years": {
        "en": "the running total needs every year's actual amount; {years} missing",
        "zh": "累计进度需要逐年实际数，缺少{years}年的",
    },
    # --- reports ---------------------------------------------------------------------------
    "report_date": {"en": "{y}-{m:02d}-{d:02d}", "zh": "{y}年{m}月{d}日"},
    "report_generated": {"en": "Generated on {date}", "zh": "生成日期：{date}"},
    "report_made_with": {"en": "ezplan {version}", "zh": "ezplan {version}"},
    "report_in_year": {"en": " ({year})", "zh": "（{year}年）"},
    "report_span": {"en": "{first}–{end}", "zh": "{first}—{end}年"},
    "report_paren": {"en": " ({x})", "zh": "（{x}）"},
    "report_list_sep": {"en": ", ", "zh": "、"},
    "report_colon": {"en": ": ", "zh": "："},
    "report_see_findings": {"en": "see finding {numbers}", "zh": "见问题{numbers}"},
    "report_checked": {"en": "checked: {checks}", "zh": "已核对：{checks}"},
    "report_sec_targets": {"en": "1. Targets checked", "zh": "一、目标核对情况"},
    "report_sec_findings": {"en": "2. Findings", "zh": "二、发现的问题"},
    "report_sec_progress": {"en": "3. Progress against actual results", "zh": "三、实际进展"},
    "report_sec_milestones": {"en": "4. Yearly milestones", "zh": "四、年度目标分解"},
    "report_sec_appendix": {
        "en": "Appendix: where each finding stands in the plan files",
        "zh": "附：各问题在规划文件中的位置",
    },
    "report_problems": {"en": "Errors and warnings", "zh": "（一）错误与警告"},
    "report_notes": {"en": "Notes", "zh": "（二）提示"},
    "report_no_problems": {
        "en": "No errors or warnings.",
        "zh": "未发现错误或警告。",
    },
    "report_finding_no": {"en": "Finding {n}", "zh": "问题{n}"},
    "report_note_no": {"en": "Note {n}", "zh": "提示{n}"},
    "report_computation": {"en": "Computation", "zh": "计算"},
    "report_section": {"en": "Section", "zh": "出处"},
    "report_rule": {"en": "Check", "zh": "核对项目"},
    "report_rule_code": {"en": "Rule code", "zh": "规则代码"},
    "report_location": {"en": "Location", "zh": "位置"},
    "report_no": {"en": "No.", "zh": "序号"},
    "report_unit": {"en": "Unit", "zh": "单位"},
    "report_explanation": {"en": "Explanation", "zh": "说明"},
    "report_severity": {"en": "Severity", "zh": "级别"},
    "report_chart": {"en": "Chart", "zh": "图"},
    "report_appendix_intro": {
        "en": "For whoever maintains the plan files: the file, line and column of the figure "
        "each finding is about, and the rule that found it.",
        "zh": "供维护规划数据文件的同志查阅：各问题所涉数字所在的文件、行、列，"
        "及发现该问题的核对规则。",
    },
    "report_progress_none": {
        "en": "No actual results are recorded yet (type them into baselines.yaml as levels of "
        "later years).",
        "zh": "暂无实际数据（可在baselines.yaml中按年份录入实际完成值）。",
    },
    "report_legend_status": {
        "en": "✓ achieved or on track · ~ moderate progress · ! limited progress · ✗ moving away "
        "· – not assessable",
        "zh": "✓ 已完成或进度正常 · ~ 进展一般 · ! 进展有限 · ✗ 偏离目标 · – 无法评估",
    },
    # --- exports (CSV, XLSX) ------------------------------------------------------------------
    "xl_sheet_targets": {"en": "Targets", "zh": "目标核对"},
    "xl_sheet_milestones": {"en": "Milestones", "zh": "年度目标分解"},
    "xl_sheet_progress": {"en": "Progress", "zh": "实际进展"},
    "xl_sheet_findings": {"en": "Findings", "zh": "问题与提示"},
    "xl_base_year": {"en": "Base year", "zh": "基期年份"},
    "xl_base": {"en": "Base level (as stated)", "zh": "基期水平（原文）"},
    "xl_end_year": {"en": "Target year", "zh": "目标年份"},
    "xl_target": {"en": "Target (as stated)", "zh": "目标（原文）"},
    "xl_stated": {"en": "Rate or growth stated", "zh": "规划增速或增幅（原文）"},
    "xl_implied": {"en": "Rate required (%)", "zh": "所需年均增速（%）"},
    "xl_latest": {
        "en": "Latest actual (indicator's unit; Σ for cumulative targets)",
        "zh": "最新实际值（指标单位；累计目标为累计值）",
    },
    "xl_milestone": {
        "en": "Milestone that year (indicator's unit)",
        "zh": "当年目标值（指标单位）",
    },
    "xl_gap": {
        "en": "Actual minus milestone (indicator's unit; + above the path, − below)",
        "zh": "实际减当年目标（指标单位；正为高于目标路径，负为低于）",
    },
    "xl_gap_pct": {
        "en": "Actual vs milestone (%, percentage points for ratios; + above, − below)",
        "zh": "较当年目标（%，比率类指标为个百分点；正为高于，负为低于）",
    },
    "xl_achieved": {
        "en": "Rate so far (% a year; points for ratios)",
        "zh": "已实现年均增速（%；比率类指标为个百分点）",
    },
    "xl_required": {
        "en": "Rate required (% a year; points for ratios)",
        "zh": "所需年均增速（%；比率类指标为个百分点）",
    },
    "xl_remaining": {
        "en": "Rate now needed (% a year; points for ratios)",
        "zh": "剩余年份所需年均增速（%；比率类指标为个百分点）",
    },
    "xl_projection": {
        "en": "At this pace, in the target year (indicator's unit)",
        "zh": "按当前速度期末预计（指标单位）",
    },
    "xl_points_unit": {"en": " pp", "zh": "个百分点"},
    "xl_cumulative_note": {
        "en": "cumulative: running totals of the actual yearly amounts against the path's; the "
        "rates are the growth of the yearly amount",
        "zh": "累计目标：实际逐年数之和与目标路径累计值比较；增速指当年额的增速",
    },
    "xl_message": {"en": "Finding", "zh": "问题说明"},
    "quote_header": {"en": "Quote", "zh": "原文"},
    # --- charts ------------------------------------------------------------------------------
    "chart_amount": {"en": "yearly amount (path)", "zh": "当年额（目标路径）"},
    "chart_implied_base": {
        "en": "{year}: derived from the sum and rate, not data",
        "zh": "{year}年推算值（由累计额和增速推出，非统计数据）",
    },
    "chart_base": {"en": "base year (recorded)", "zh": "基期实际"},
    "chart_running": {"en": "running total (path)", "zh": "累计（目标路径）"},
    "chart_previous_average": {"en": "{span} average: {value} a year", "zh": "{span}年均{value}"},
    "chart_previous_total": {"en": "{span} in all: {value}", "zh": "{span}累计{value}"},
    "chart_actual_amount": {"en": "actual yearly amount", "zh": "实际当年额"},
    "chart_actual_running": {"en": "actual running total", "zh": "实际累计"},
    "chart_band": {"en": "range the target allows", "zh": "目标允许范围"},
    # --- the Word report ---------------------------------------------------------------------
    "docx_table_caption": {"en": "Table {n}. {title}", "zh": "表{n}　{title}"},
    "docx_figure_caption": {"en": "Figure {n}. {title}", "zh": "图{n}　{title}"},
    "report_sec_targets_caption": {"en": "Verdict of each target", "zh": "各项目标核对结果"},
    "report_sec_progress_caption": {"en": "Progress of each target", "zh": "各项目标实际进展"},
    "docx_milestones_caption": {"en": "Yearly milestones: {name}", "zh": "{name}年度目标分解"},
    "docx_chart_caption": {"en": "Path to the target: {name}", "zh": "{name}目标路径"},
}
