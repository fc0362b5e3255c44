"""The command line's words, in Chinese and English: help texts, usage errors, what it reports.

- ``cmd.NAME`` is a command's help (its first paragraph also the one-line summary of
  ``ezplan --help`` unless ``cmd.NAME.short`` gives one); ``opt.NAME.PARAM`` an option's help
  for one command, ``opt.PARAM`` the help an option has wherever it appears; ``help.`` click's
  own words around them. `ezplan.cli.help` shows them in the invocation's language.
- ``usage.`` usage errors, ezplan's own and click's (translated by click's exception type and
  parameters: see `ezplan.cli.signals.usage_line`); the English follows click's own wording.
- ``cli.`` what the commands say on the terminal.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- click's words around the help texts ----------------------------------------------
    "help.usage": {"en": "Usage: ", "zh": "用法："},
    "help.options": {"en": "Options", "zh": "选项"},
    "help.commands": {"en": "Commands", "zh": "命令"},
    "help.default": {"en": "default: {value}", "zh": "默认：{value}"},
    "help.required": {"en": "required", "zh": "必填"},
    "help.option.help": {"en": "Show this message and exit.", "zh": "显示本帮助并退出。"},
    "help.option.version": {"en": "Show the version and exit.", "zh": "显示版本号并退出。"},
    # --- commands ---------------------------------------------------------------------------
    "cmd.ezplan": {
        "en": "Check a development plan's quantified targets for consistency.\n\n"
        "Reads baselines.yaml (observed values) and targets.yaml (goals) and reports every pair "
        "of figures that cannot both be true, telling a real contradiction from rounding.\n\n"
        "Messages and help are in Chinese or English: --lang zh|en, else lang in the settings "
        '(ezplan.toml: lang = "zh"), else the locale (LANG=zh_CN.UTF-8 gives Chinese).',
        "zh": "核对发展规划量化目标的内在一致性。\n\n"
        "读取 baselines.yaml（实际数据）和 targets.yaml（规划目标），找出所有不可能同时成立的"
        "数字，并区分真正的矛盾与四舍五入造成的表面不符。\n\n"
        "提示和帮助可用中文或英文：--lang zh|en；未指定时按设置文件中的 lang"
        '（ezplan.toml：lang = "zh"），再按系统语言环境（LANG=zh_CN.UTF-8 即为中文）。',
    },
    "cmd.check": {
        "en": "Check the plans in PATHS (default: the current directory).\n\n"
        "A path is a plan directory (holding baselines.yaml and targets.yaml), a directory "
        "searched for plan directories, or one of the two files (its directory is checked). "
        "Settings come from ezplan.toml or [tool.ezplan] in pyproject.toml; options override "
        "them.\n\n"
        "Exit 0 when no finding is an error, 1 when one is (or, under --strict, a warning or a "
        "target that cannot be checked), 2 when a plan could not be read.",
        "zh": "核对 PATHS 中的各个规划（默认：当前目录）。\n\n"
        "PATH 可以是规划目录（含 baselines.yaml 和 targets.yaml），可以是要在其中查找规划目录的"
        "目录，也可以是这两个文件之一（核对其所在目录）。设置取自 ezplan.toml 或 pyproject.toml "
        "中的 [tool.ezplan]；命令行选项优先。\n\n"
        "退出码：没有错误为 0；有错误为 1（加 --strict 时，有警告或有无法核对的目标也为 1）；"
        "有规划无法读取为 2。",
    },
    "cmd.check.short": {
        "en": "Check the plans in PATHS (default: the current directory).",
        "zh": "核对规划中的数字是否一致",
    },
    "cmd.explain": {
        "en": "Show every figure of INDICATOR and the computation behind each finding on it.\n\n"
        "INDICATOR is an id (retail_sales), a name as the plan writes it (社会消费品零售总额) or "
        "an unambiguous part of a name (社零, 零售总额).",
        "zh": "列出指标 INDICATOR 的全部数字，以及针对它的每个问题背后的计算过程。\n\n"
        "INDICATOR 可以是指标代码（retail_sales）、规划原文中的名称（社会消费品零售总额），"
        "或名称中不致混淆的一部分（社零、零售总额）。",
    },
    "cmd.explain.short": {
        "en": "One indicator's figures and the computation behind its findings.",
        "zh": "列出一个指标的全部数字和各问题的计算过程",
    },
    "cmd.milestones": {
        "en": "The value each year must reach for every target (or the IDS given), and progress "
        "against the actual results recorded in baselines.yaml. Each of IDS is a target's id, "
        "its name as the plan writes it, or an unambiguous part of the name (社零).",
        "zh": "每个目标（或指定的 IDS）逐年应达到的数值（年度目标分解），以及与 baselines.yaml "
        "中所记实际数据对照的进展。IDS 可以是目标代码、规划原文中的名称，或名称中不致混淆的"
        "一部分（社零）。",
    },
    "cmd.milestones.short": {
        "en": "Yearly milestones of each target, and progress against actuals.",
        "zh": "年度目标分解，及对照实际数据的进展",
    },
    "cmd.export": {
        "en": "Write the targets' verdicts, milestones, progress and findings to a file for "
        "Excel, WPS or a report.",
        "zh": "把目标核对结论、年度目标分解、实际进展和问题写入文件，供 Excel、WPS 或报告使用。",
    },
    "cmd.export.short": {
        "en": "Export verdicts, milestones, progress and findings.",
        "zh": "导出核对结论、年度目标分解、进展和问题（CSV、Excel…）",
    },
    "cmd.plot": {
        "en": "Draw each target's path for IDS (ids, names or unambiguous parts of names): base, "
        "required path, stated-rate path, the target with its band, and actual results. SVG "
        "needs nothing more; PNG needs matplotlib.",
        "zh": "为 IDS（目标代码、名称或名称中不致混淆的一部分）中的每个目标绘图：基期值、目标路径、"
        "按规划增速的路径、目标及其允许范围、实际数据。SVG 无需另装软件；PNG 需要 matplotlib。",
    },
    "cmd.plot.short": {
        "en": "Draw the paths of targets (SVG, PNG).",
        "zh": "绘制目标的路径图（SVG、PNG）",
    },
    "cmd.report": {
        "en": "Write the report: the targets checked, the findings in plain words, progress, and "
        "each target's milestones with a chart. .html is one self-contained page (no request to "
        "any network, readable when mailed, printable); .docx is a Word document in official "
        "style.",
        "zh": "生成报告：目标核对情况、用平实语言说明的问题、实际进展，以及各目标的年度目标分解表和"
        "图。.html 为单个自含网页（不访问网络，可直接邮寄、打印）；.docx 为公文格式的 Word "
        "文档。",
    },
    "cmd.report.short": {
        "en": "Write the report for officials (HTML, Word).",
        "zh": "生成供领导审阅的报告（HTML、Word）",
    },
    "cmd.extract": {
        "en": "Find the quantified statements in DOCUMENT and draft the plan files.\n\n"
        "DOCUMENT is .txt, .md, .html, .docx or a .pdf with a text layer (UTF-8, or "
        "GB18030/GBK). Every figure keeps its sentence and line; every guess gets a review: "
        "note. A closing summary (on stderr when stdout carries the drafts or JSON) lists what "
        "could not be placed.",
        "zh": "找出文档 DOCUMENT 中的量化表述，起草规划文件。\n\n"
        "DOCUMENT 可以是 .txt、.md、.html、.docx 或带文字层的 .pdf（UTF-8 或 GB18030/GBK "
        "编码）。每个数字都保留其原句和行号；凡属推测的，都附 review: 提示。最后的小结列出未能"
        "归位的数字（当标准输出用于草稿或 JSON 时，小结写到标准错误）。",
    },
    "cmd.extract.short": {
        "en": "Draft the plan files from a plan's own document.",
        "zh": "从规划文档中提取量化表述，起草规划文件",
    },
    "cmd.scan": {
        "en": "Extract and check every document in PATHS (files, or folders searched for .txt, "
        ".md, .html, .docx and .pdf) and list the findings, each with its document "
        "and line.\n\n"
        "Exit 0 when no finding is an error, 1 when one is, 2 when a document could not be "
        "read.",
        "zh": "提取并核对 PATHS 中的每个文档（文件，或在文件夹中查找 .txt、.md、.html、.docx "
        "和 .pdf），列出发现的问题与提示及其所在文档和行号。\n\n"
        "退出码：没有错误为 0；有错误为 1；有文档无法读取为 2。",
    },
    "cmd.scan.short": {
        "en": "Extract and check a folder of documents.",
        "zh": "批量提取并核对一批文档",
    },
    "cmd.rules": {
        "en": "List the consistency rules with their codes and documentation.",
        "zh": "列出各项一致性规则的代码和说明。",
    },
    "cmd.rules.short": {
        "en": "List the consistency rules with their codes and documentation.",
        "zh": "列出各项一致性规则及其说明",
    },
    "cmd.schema": {
        "en": "Print the JSON Schema (draft-07) of baselines.yaml or targets.yaml.",
        "zh": "输出 baselines.yaml 或 targets.yaml 的 JSON Schema（draft-07）。",
    },
    "cmd.schema.short": {
        "en": "Print the JSON Schema of a plan file.",
        "zh": "输出规划文件的 JSON Schema",
    },
    "cmd.init": {
        "en": "Write a commented template plan (both files) into DIRECTORY (default: the current "
        "one), ready for `ezplan check`.",
        "zh": "在 DIRECTORY（默认：当前目录）中生成带注释的规划模板（两个文件），可直接用 "
        "`ezplan check` 核对。",
    },
    "cmd.init.short": {
        "en": "Write a commented template plan.",
        "zh": "生成带注释的规划模板",
    },
    # --- options: wherever they appear ----------------------------------------------------
    "opt.lang": {
        "en": "Language of the output (default: settings, then the locale).",
        "zh": "输出语言（默认：先按设置，再按系统语言环境）。",
    },
    "opt.no_color": {
        "en": "No colours (NO_COLOR is honoured too).",
        "zh": "不使用颜色（也遵从 NO_COLOR 环境变量）。",
    },
    "opt.plan_dir": {
        "en": "The plan directory (default: the current one).",
        "zh": "规划目录（默认：当前目录）。",
    },
    "opt.baselines": {"en": "baselines.yaml to read.", "zh": "要读取的 baselines.yaml。"},
    "opt.targets": {"en": "targets.yaml to read.", "zh": "要读取的 targets.yaml。"},
    "opt.select": {
        "en": "Only these rules (comma-separated codes).",
        "zh": "只用这些规则（规则代码，以逗号分隔）。",
    },
    "opt.ignore": {
        "en": "Also skip these rules (comma-separated codes).",
        "zh": "另外跳过这些规则（规则代码，以逗号分隔）。",
    },
    "opt.output": {
        "en": "Write the report to FILE (atomically) instead of stdout; - is stdout.",
        "zh": "把结果写入 FILE（写完后整体替换，不留半截文件），而不是标准输出；"
        "FILE 为“-”时即标准输出。",
    },
    "opt.force": {"en": "Overwrite existing plan files.", "zh": "覆盖已有的规划文件。"},
    "opt.on_track": {
        "en": "Ratio of achieved to required rate for 'on track' (default 0.95).",
        "zh": "判定“进度正常”的已实现增速与所需增速之比（默认 0.95）。",
    },
    "opt.moderate": {
        "en": "Ratio for 'moderate progress' (default 0.6).",
        "zh": "判定“进展一般”的比值（默认 0.6）。",
    },
    "opt.exit_zero": {
        "en": "Exit 0 even when findings fail the check.",
        "zh": "即使核对未通过，也以 0 退出。",
    },
    # --- options of one command -----------------------------------------------------------
    "opt.check.baselines": {
        "en": "baselines.yaml to read (one plan).",
        "zh": "要读取的 baselines.yaml（单个规划）。",
    },
    "opt.check.targets": {
        "en": "targets.yaml to read (one plan).",
        "zh": "要读取的 targets.yaml（单个规划）。",
    },
    "opt.check.fmt": {
        "en": "auto: github inside GitHub Actions, else text.",
        "zh": "输出格式；auto：在 GitHub Actions 中为 github，否则为 text。",
    },
    "opt.check.strict": {
        "en": "Warnings fail too (exit 1), and so do targets that cannot be checked.",
        "zh": "有警告也算未通过（退出码 1），有无法核对的目标也是如此。",
    },
    "opt.check.strict_unchecked": {
        "en": "Under --strict, whether a target that cannot be checked fails (default: yes, or "
        "strict_unchecked in the settings).",
        "zh": "在 --strict 下，无法核对的目标是否算未通过（默认：是，或按设置中的 "
        "strict_unchecked）。",
    },
    "opt.milestones.fmt": {"en": "Output format.", "zh": "输出格式。"},
    "opt.export.to": {
        "en": "The file to write: .csv, .xlsx, .json or .md.",
        "zh": "要写入的文件：.csv、.xlsx、.json 或 .md。",
    },
    "opt.export.fmt": {
        "en": "Override the format the extension implies.",
        "zh": "指定格式，不按扩展名判断。",
    },
    "opt.export.what": {
        "en": "What to export (repeatable; default all): milestones, progress, findings, targets "
        "(each target's verdict). A CSV holds one table: the first goes to FILE, each other to "
        "its own file beside it, FILE's name followed by -progress, -findings, -targets.",
        "zh": "导出哪些内容（可重复；默认全部）：milestones（年度目标分解）、progress（进展）、"
        "findings（问题）、targets（各目标的结论）。一个 CSV 文件只放一张表：第一张写入 FILE，"
        "其余各写入旁边的文件，文件名为 FILE 的名称加 -progress、-findings、-targets。",
    },
    "opt.plot.to": {
        "en": "The picture to write: .svg or .png.",
        "zh": "要写入的图片：.svg 或 .png。",
    },
    "opt.report.to": {
        "en": "The file to write: .html (one self-contained page) or .docx (Word, WPS).",
        "zh": "要写入的文件：.html（单个自含网页）或 .docx（Word、WPS）。",
    },
    "opt.init.lang": {
        "en": "Language of the template's comments (default: settings, then the locale).",
        "zh": "模板注释的语言（默认：先按设置，再按系统语言环境）。",
    },
    "opt.extract.out": {
        "en": "Write draft baselines.yaml and targets.yaml into DIR.",
        "zh": "把 baselines.yaml 和 targets.yaml 草稿写入目录 DIR。",
    },
    "opt.extract.fmt": {
        "en": "yaml: the drafts (to stdout unless --out); json: every figure found, one document.",
        "zh": "yaml：草稿（未指定 --out 时写到标准输出）；json：找到的全部数字，一个 JSON 文档。",
    },
    "opt.extract.force": {
        "en": "Overwrite plan files already in --out.",
        "zh": "覆盖 --out 中已有的规划文件。",
    },
    "opt.scan.fmt": {
        "en": "text: one table of the findings; json/jsonl/sarif: as `check`, each finding "
        "with its document and document_line.",
        "zh": "text：一张问题与提示汇总表；json/jsonl/sarif：同 `check`，每个问题附所在文档及行号"
        "（document、document_line）。",
    },
    "opt.scan.drafts": {
        "en": "Keep the drafts in DIR/<name>/.",
        "zh": "把草稿保存在 DIR/<文档名>/ 中。",
    },
    "opt.scan.jobs": {"en": "Documents processed at once.", "zh": "同时处理的文档数。"},
    "opt.scan.show": {
        "en": "The least severe finding the text table lists (machine formats list all).",
        "zh": "文本表格列出的最低严重程度（机器格式总是全部列出）。",
    },
    "opt.scan.exit_zero": {
        "en": "Exit 0 even when a finding is an error.",
        "zh": "即使有错误，也以 0 退出。",
    },
    # --- usage errors: ezplan's own -------------------------------------------------------
    "usage.unknown_rule_codes": {
        "en": "unknown rule code(s): {codes}{hint}; known: {known}",
        "zh": "没有规则 {codes}{hint}；已有规则：{known}",
    },
    "usage.files_with_one_path": {
        "en": "--baselines/--targets go with at most one PATH",
        "zh": "--baselines/--targets 最多只能与一个 PATH 一起使用",
    },
    "usage.not_a_target": {
        "en": "not a target: {ids}; did you mean one of: {known}",
        "zh": "没有目标“{ids}”（按代码或名称）；是否是以下之一：{known}",
    },
    "usage.plan_has_no_targets": {
        "en": "not a target: {ids}; the plan states no targets (targets.yaml: targets)",
        "zh": "没有目标“{ids}”：规划未列出任何目标（见 targets.yaml 的 targets）",
    },
    "usage.ambiguous_target": {
        "en": "{ids!r} names several targets: {known}; give the id or more of the name",
        "zh": "“{ids}”对应多个目标：{known}；请给出代码或更完整的名称",
    },
    "usage.export_format": {
        "en": "cannot tell the format of {path}; use .csv, .xlsx, .json or .md or give --format",
        "zh": "无法判断 {path} 的格式；请使用 .csv、.xlsx、.json 或 .md 扩展名，或用 --format 指定",
    },
    "usage.plot_format": {
        "en": "cannot draw {path}: write .svg or .png",
        "zh": "无法绘制 {path}：请写为 .svg 或 .png",
    },
    "usage.report_format": {
        "en": "cannot write a report to {path}: use .html or .docx",
        "zh": "无法把报告写入 {path}：请使用 .html 或 .docx",
    },
    "usage.thresholds": {
        "en": "thresholds must satisfy 0 ≤ moderate ≤ on_track (here moderate {moderate}, "
        "on_track {on_track})",
        "zh": "阈值须满足 0 ≤ moderate ≤ on_track（现为 moderate {moderate}，on_track {on_track}）",
    },
    # --- usage errors: click's, by exception type ------------------------------------------
    "usage.no_such_option": {
        "en": "No such option {name!r}.{hint}",
        "zh": "没有选项“{name}”。{hint}",
    },
    "usage.no_such_command": {
        "en": "No such command {name!r}.{hint}",
        "zh": "没有命令“{name}”。{hint}",
    },
    "usage.possibility": {"en": " Did you mean {names}?", "zh": "是否应为{names}？"},
    "usage.possibilities": {
        "en": " (Did you mean one of: {names}?)",
        "zh": "是否应为以下之一：{names}？",
    },
    "usage.missing_argument": {
        "en": "Missing argument {name}.{extra}",
        "zh": "缺少参数{name}。{extra}",
    },
    "usage.missing_option": {
        "en": "Missing option {name}.{extra}",
        "zh": "缺少选项{name}。{extra}",
    },
    "usage.choose_from": {"en": " Choose from: {choices}", "zh": "可选：{choices}"},
    "usage.missing_command": {"en": "Missing command.", "zh": "缺少命令。"},
    "usage.invalid_value": {
        "en": "Invalid value for {name}: {problem}",
        "zh": "{name}的值无效：{problem}",
    },
    "usage.not_the_choice": {
        "en": "{value!r} is not {choices}.",
        "zh": "“{value}”不是可选值 {choices}。",
    },
    "usage.not_a_choice": {
        "en": "{value!r} is not one of {choices}.",
        "zh": "“{value}”不是可选值之一：{choices}。",
    },
    "usage.not_a_float": {
        "en": "{value!r} is not a valid float.",
        "zh": "“{value}”不是有效的数。",
    },
    "usage.not_an_integer": {
        "en": "{value!r} is not a valid integer.",
        "zh": "“{value}”不是有效的整数。",
    },
    "usage.out_of_range": {
        "en": "{value} is not in the range {range}.",
        "zh": "{value} 不在范围 {range} 内。",
    },
    "usage.file_is_directory": {
        "en": "File {path!r} is a directory.",
        "zh": "“{path}”是目录，应为文件。",
    },
    "usage.directory_is_file": {
        "en": "Directory {path!r} is a file.",
        "zh": "“{path}”是文件，应为目录。",
    },
    "usage.file_not_readable": {
        "en": "File {path!r} is not readable.",
        "zh": "文件“{path}”不可读。",
    },
    "usage.directory_not_readable": {
        "en": "Directory {path!r} is not readable.",
        "zh": "目录“{path}”不可读。",
    },
    "usage.path_not_readable": {
        "en": "Path {path!r} is not readable.",
        "zh": "路径“{path}”不可读。",
    },
    "usage.option_needs_value": {
        "en": "Option {name!r} requires an argument.",
        "zh": "选项“{name}”需要一个值。",
    },
    "usage.option_takes_no_value": {
        "en": "Option {name!r} does not take a value.",
        "zh": "选项“{name}”不接受值。",
    },
    "usage.extra_argument": {
        "en": "Got unexpected extra argument ({args})",
        "zh": "多余的参数（{args}）",
    },
    "usage.extra_arguments": {
        "en": "Got unexpected extra arguments ({args})",
        "zh": "多余的参数（{args}）",
    },
    # --- what the commands say --------------------------------------------------------------
    "cli.aborted": {"en": "Aborted!", "zh": "已中止。"},
    "cli.SIGINT": {"en": "interrupted", "zh": "已中断"},
    "cli.SIGTERM": {"en": "terminated", "zh": "已终止"},
    "cli.SIGHUP": {"en": "hung up", "zh": "终端已断开"},
    "cli.wrote": {"en": "wrote {path}", "zh": "已写入 {path}"},
    "cli.plot_skipped": {"en": "{name}: not drawn — {why}", "zh": "{name}：未绘制——{why}"},
    "cli.plot_nothing": {"en": "no yearly path to draw", "zh": "无可绘制的年度路径"},
    "cli.wrote_drafts": {
        "en": "wrote {baselines} and {targets}",
        "zh": "已写入 {baselines} 和 {targets}",
    },
    "cli.warning": {"en": "warning: {text}", "zh": "警告：{text}"},
    "cli.init_exists": {
        "en": "{path}: already exists (use --force to overwrite)",
        "zh": "{path}：已存在（如要覆盖，请加 --force）",
    },
    "cli.extract_exists": {
        "en": "{path}: already exists; use --force to overwrite it",
        "zh": "{path}：已存在；如要覆盖，请加 --force",
    },
    "cli.cannot_write_drafts": {
        "en": "{path}: cannot write the drafts: {reason}",
        "zh": "{path}：无法写入草稿：{reason}",
    },
    "cli.left_for_review": {
        "en": "left for review (not in the drafts):",
        "zh": "待人工核对（未写入草稿）：",
    },
    "cli.extract_summary": {
        "en": "{sentences} read, {figures} found, {placed} placed "
        "({reviewed} with a review note), {left} left for review",
        "zh": "读取 {sentences} 句，找到 {figures} 个数字，写入草稿 {placed} 个（其中 {reviewed} "
        "个附核对提示），{left} 个待人工核对",
    },
    "cli.no_document": {
        "en": "{path}: no document (.txt, .md, .html, .docx, .pdf) found",
        "zh": "{path}：未找到文档（.txt、.md、.html、.docx、.pdf）",
    },
    "cli.scanning": {"en": "scanning", "zh": "正在扫描"},
    "scan.title": {"en": "Findings", "zh": "问题与提示"},
    "scan.document": {"en": "document", "zh": "文档"},
    "scan.line": {"en": "line", "zh": "行"},
    "scan.check": {"en": "check", "zh": "规则"},
    "scan.indicator": {"en": "indicator", "zh": "指标"},
    "scan.finding": {"en": "finding", "zh": "问题"},
    "scan.quote": {"en": "quote", "zh": "原文"},
    "scan.summary": {
        "en": "{documents}, {figures} found, {placed} placed in drafts; "
        "{errors}, {warnings}, {notes}",
        "zh": "{documents}个文档，找到{figures}个数字，其中{placed}个可列入草稿；"
        "{errors}个错误、{warnings}个警告、{notes}条提示",
    },
    "scan.shown": {
        "en": " (shown: {shown}; --show warning or note for more)",
        "zh": "（已列出：{shown}；用 --show warning 或 note 查看更多）",
    },
    "scan.unread": {
        "en": "; {unread} could not be read",
        "zh": "；{unread}个文档无法读取",
    },
}
