"""Words of `ezplan extract`: the review notes on each guess and the reasons a figure was not
placed, in Chinese and English (`ezplan.extract.notes.Note` shows them in either)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "extract.header": {
        "en": "# Draft {file} written by `ezplan extract` from {document}.\n"
        "# Every figure is the document's own, with its sentence (`quote`) and its line (`line`).\n"
        "# `review:` marks each guess (a year carried over, a subject inferred, a unit assumed):\n"
        "# confirm them, then run `ezplan check`.\n",
        "zh": "# 草稿 {file}，由 `ezplan extract` 从 {document} 生成。\n"
        "# 每个数字都取自原文，附其句子（`quote`）和行号（`line`）。\n"
        "# `review:` 标出每处推断（沿用的年份、推断的主语、假定的单位）：\n"
        "# 请逐一确认，然后运行 `ezplan check`。\n",
    },
    # --- where a time or subject came from ---------------------------------------------------
    "extract.where.clause": {"en": "an earlier clause", "zh": "前一分句"},
    "extract.where.paragraph": {"en": "the paragraph", "zh": "本段"},
    "extract.where.intro": {"en": "the paragraph introducing this one", "zh": "引出本段的段落"},
    "extract.where.section": {"en": "an earlier paragraph of the section", "zh": "本节前文"},
    "extract.where.heading": {"en": "the heading", "zh": "标题"},
    "extract.time_inferred": {
        "en": "time {span} inferred from {where}",
        "zh": "时间{span}年系由{where}推断",
    },
    "extract.year_from_caption": {
        "en": "year {year} inferred from the table's caption or heading",
        "zh": "年份{year}年系由表题或标题推断",
    },
    "extract.from_level_before_period": {
        "en": "a 从/由 level: read at {year}, before the period",
        "zh": "“从/由”后的水平：按时期开始前的{year}年读取",
    },
    "extract.from_level_before_span": {
        "en": "a 从/由 level: read at {year}, before {first}-{last}",
        "zh": "“从/由”后的水平：按{first}—{last}年之前的{year}年读取",
    },
    "extract.from_level_now": {
        "en": "a 从/由 level of a goal: read at {year}, the year the document reports on",
        "zh": "目标中的“从/由”水平：按文件所述的{year}年读取",
    },
    "extract.from_level_no_year": {
        "en": "a 从/由 level with no year",
        "zh": "“从/由”后的水平未说年份",
    },
    "extract.level_in_period": {
        "en": "a level in {first}-{last}: read at its end",
        "zh": "{first}—{last}年间的水平：按期末读取",
    },
    "extract.change_since": {
        "en": "a change since {base}: read to {last}, the last year",
        "zh": "自{base}年以来的变化：读至最近一年{last}年",
    },
    "extract.change_since_no_end": {
        "en": "a change since {base}, but to which year is not said",
        "zh": "自{base}年以来的变化，但未说到哪一年",
    },
    "extract.plan_period": {
        "en": "period {first}-{last}: the plan's, to {year}",
        "zh": "时期{first}—{last}年：规划期，至{year}年",
    },
    "extract.context_period": {
        "en": "period {first}-{last} of the paragraph or heading",
        "zh": "时期{first}—{last}年取自本段或标题",
    },
    "extract.annual_only_year": {
        "en": "an annual rate with only a year ({year}): its period is not known",
        "zh": "年均增速只给了一个年份（{year}年），时期不明",
    },
    "extract.held_through": {
        "en": "held through {first}-{last}: placed at {year}",
        "zh": "{first}—{last}年间保持的水平：记在{year}年",
    },
    "extract.per_year": {
        "en": "每年: an amount each year of {first}-{last}, not its total",
        "zh": "“每年”：{first}—{last}年每年的数量，不是合计",
    },
    # --- subjects -----------------------------------------------------------------------------
    "extract.subject_clause_before_each": {
        "en": "subject carried from the clause before (分别)",
        "zh": "主语取自前一分句（分别）",
    },
    "extract.subject_figures_before_each": {
        "en": "subject carried from the figures before (分别)",
        "zh": "主语取自前面的数字（分别）",
    },
    "extract.one_subject_for_many": {
        "en": "{n} figures for one subject; check which is which",
        "zh": "一个主语对应{n}个数字，请核对对应关系",
    },
    "extract.subject_compared": {
        "en": "subject carried from the sentence (高于/快于…)",
        "zh": "主语取自本句（高于/快于…）",
    },
    "extract.subject_share": {
        "en": "subject carried from the sentence (占…)",
        "zh": "主语取自本句（占…）",
    },
    "extract.subject_sentence": {
        "en": "subject carried from the sentence",
        "zh": "主语取自本句前文",
    },
    "extract.subject_clause_before": {
        "en": "subject carried from the clause before",
        "zh": "主语取自前一分句",
    },
    "extract.subject_paragraph": {
        "en": "subject carried from the paragraph",
        "zh": "主语取自本段前文",
    },
    "extract.part_named_after_whole": {
        "en": "named after the whole it is part of (其中)",
        "zh": "按其所属总量命名（其中）",
    },
    "extract.grain_output": {
        "en": "grain by weight with no measure named: the harvest (粮食产量)",
        "zh": "以重量计的粮食而未写明指标：即粮食产量",
    },
    "extract.owner_measure": {
        "en": "{owner}'s, as the figure before it in the sentence",
        "zh": "指{owner}的，同句前一项",
    },
    "extract.sibling_measure": {
        "en": "its {measure}, as the figure before it in the list",
        "zh": "指其{measure}，同列表中前一项",
    },
    "extract.subject_area": {
        "en": "of {area}, which the sentence or paragraph is about",
        "zh": "指{area}（句或段所述）",
    },
    "extract.subject_level_of": {
        "en": "{word}: the level of what grew just before",
        "zh": "{word}即前面增速所指指标的水平",
    },
    "extract.subject_growth_of": {
        "en": "{word}: the growth of what was just counted",
        "zh": "{word}即前面所计指标的增长",
    },
    "extract.subject_total": {
        "en": "subject completed from the figure before (总数)",
        "zh": "主语由前一个数字补全（总数）",
    },
    "extract.and": {"en": "{first}; {then}", "zh": "{first}；{then}"},
    "extract.stock_of_added": {
        "en": "the stock of what was added",
        "zh": "指新增之后的总量",
    },
    "extract.ratio_part_amount": {
        "en": "the amount of the ratio's part",
        "zh": "指比重中分子部分的数量",
    },
    "extract.also_named": {
        "en": "also named {name} in the document (the same indicator)",
        "zh": "文中也称“{name}”（同一指标）",
    },
    # --- figures ------------------------------------------------------------------------------
    "extract.read_as": {"en": "read {said} as {read}", "zh": "将“{said}”读作“{read}”"},
    "extract.more_as_at_least": {
        "en": "read 多/余 (more than) as 以上",
        "zh": "将“多/余”读作“以上”",
    },
    "extract.doubling_more": {
        "en": "read {said} as 翻{n}番 (at least): the grammar has no 番多",
        "zh": "将“{said}”读作“翻{n}番”（至少）：数字写法中没有“番多”",
    },
    "extract.doubling_implied": {"en": "read 翻番 as 翻一番", "zh": "将“翻番”读作“翻一番”"},
    "extract.doubling_reached": {
        "en": "{said} means at least doubled (≥ ×2)",
        "zh": "“{said}”指至少翻了一番（≥ ×2）",
    },
    "extract.doubling_at_least": {
        "en": "{said} means at least doubled: read as {read}",
        "zh": "“{said}”指至少翻了一番：读作“{read}”",
    },
    "extract.unit_unknown": {
        "en": "unit {unit} is not one ezplan reads",
        "zh": "ezplan 不读“{unit}”这一单位",
    },
    "extract.no_unit": {"en": "(none)", "zh": "（无）"},
    "extract.price_convention": {
        "en": "growth of GDP, GNI and value added is at constant prices by statistical "
        "convention: marked constant_prices (delete it if the document means current prices)",
        "zh": "按统计惯例，生产总值、国民总收入和增加值的增速按可比价计算：已标注constant_prices"
        "（如原文指现价请删去）",
    },
    "extract.gap": {
        "en": "a gap to another figure (高于/快于…), not a change over time",
        "zh": "与另一数字的差距（高于/快于…），不是随时间的变化",
    },
    "extract.words_magnitude": {
        "en": "a round magnitude in words (突破千亿): ezplan reads no figure from it",
        "zh": "以汉字写的整数量级（突破千亿）：ezplan 不从中读取数字",
    },
    "extract.range_no_form": {
        "en": "a range the grammar has no form for (增长1-2倍)",
        "zh": "数字语法无法表示的区间（增长1-2倍）",
    },
    "extract.sum_ratio": {
        "en": "a ratio of two periods' sums (是“十二五”时期的N倍), not a growth of levels",
        "zh": "两个时期合计之比（是“十二五”时期的N倍），不是水平的增长",
    },
    "extract.multiple_of_other": {
        "en": "a multiple of another quantity (…标准的1.6倍), not a growth of this one",
        "zh": "为另一数量的倍数（…标准的1.6倍），不是本指标的增长",
    },
    "extract.in_glossary": {
        "en": "in the glossary (名词解释)",
        "zh": "位于名词解释中",
    },
    "extract.peak": {
        "en": "a peak (最高突破…) or a change from it (从最高位回落…)",
        "zh": "为峰值（最高突破…）或相对峰值的变化（从最高位回落…）",
    },
    "extract.yearly_average": {
        "en": "the average of several years (年均达…)",
        "zh": "为多年的平均数（年均达…）",
    },
    "extract.planned": {
        "en": "a goal (预期…, …的目标): what was set out to be done",
        "zh": "为目标数（预期…、…的目标）",
    },
    "extract.estimate": {
        "en": "预计 (an estimate): read as about, 约",
        "zh": "“预计”为预估数：按约数读取",
    },
    "extract.ratio_part": {
        "en": "a part of a ratio a:b:c (the sector's share), written without a unit",
        "zh": "比例a:b:c中的一项（该产业的比重），原文无单位",
    },
    "extract.cumulative_brackets": {
        "en": "a value in 〔〕: read as cumulative over the period",
        "zh": "〔〕中的数值：读作全期累计",
    },
    "extract.share_as_level": {
        "en": "placed as a level in % of {name}: the whole is not among the figures",
        "zh": "作为“{name}”的百分比水平列出：其总体不在所列数字中",
    },
    "extract.unit_from_whole": {
        "en": "unit {unit} taken from {name}, the whole of its share",
        "zh": "单位{unit}取自其比重的总体“{name}”",
    },
    "extract.unit_guessed": {
        "en": "unit {unit} guessed: the document states no level for it",
        "zh": "单位{unit}系推测：文中没有它的水平",
    },
    "extract.also_stated": {"en": "also stated at line {line}", "zh": "第{line}行也有此数"},
    "extract.plan_assumed": {
        "en": "the plan's period was not found in the document; 2021-2025 assumed",
        "zh": "文中未找到规划期，假定为2021—2025年",
    },
    "extract.second_target": {
        "en": "a second target of {name}: targets.yaml holds one target per indicator and {id} "
        "has the {period} one, so this one is not checked against {id}'s baselines (to check "
        "it, give {tid} its base-year level in baselines.yaml)",
        "zh": "“{name}”的第二个目标：targets.yaml每个指标只有一个目标，{id}已有{period}年的，"
        "因此这个目标不与{id}的基期数据核对（如需核对，请在baselines.yaml中为{tid}填写基期水平）",
    },
    "extract.second_target_copied": {
        "en": "a second target of {name}: targets.yaml holds one target per indicator, so this "
        "one has an id of its own, and {id}'s {year} level is copied under it in baselines.yaml "
        "so that it is checked against that",
        "zh": "“{name}”的第二个目标：targets.yaml每个指标只有一个目标，这个目标另用一个id，"
        "并把{id}的{year}年水平复制到baselines.yaml的这个id下，以便与之核对",
    },
    "extract.flow_target": {
        "en": "{name} is a flow (done in one year, not a stock): its target has an id of its "
        "own, not checked against {id}'s levels",
        "zh": "“{name}”是流量（一年内完成的，不是存量）：其目标另用一个id，不与{id}的水平核对",
    },
    # --- why a figure was not placed ---------------------------------------------------------
    "extract.not_placed": {"en": "not placed: {reason}", "zh": "未列入：{reason}"},
    "extract.why.no_subject": {"en": "no subject found for it", "zh": "找不到它的主语"},
    "extract.why.cannot_read": {
        "en": "ezplan cannot read it as a figure",
        "zh": "ezplan 无法将其读作数字",
    },
    "extract.why.change_abs": {
        "en": "an absolute change (增加X) has no place in the plan files",
        "zh": "绝对变化量（增加X）在规划文件中没有位置",
    },
    "extract.why.period_unknown": {"en": "its period is not known", "zh": "时期不明"},
    "extract.growth_of_restated": {
        "en": "the growth of the amount restated in {unit}",
        "zh": "为折算为{unit}后金额的增速",
    },
    "extract.why.growth_of_restated": {
        "en": "a plan file records one growth per indicator, of its amounts as first stated",
        "zh": "规划文件每个指标只记录一种增速，即按首次列出的金额计算的增速",
    },
    "extract.why.multiple_of_other": {
        "en": "ezplan relates a multiple only to the indicator's own earlier level",
        "zh": "ezplan只将倍数与本指标此前的水平相联系",
    },
    "extract.why.glossary": {
        "en": "a glossary's note says what a term means, with no time of its own: no target",
        "zh": "名词解释说明用语含义，且未注明时间，不是目标",
    },
    "extract.why.no_years_level": {
        "en": "it is no one year's level or change",
        "zh": "并非某一年的水平或变化",
    },
    "extract.why.planned_past": {
        "en": "the goal set for a year already past (预期…, …的目标), not what was achieved",
        "zh": "为已过去的年份设定的目标（预期…、…的目标），不是实际完成数",
    },
    "extract.why.gap": {
        "en": "a gap to another figure (高于全省…) is not a change of the indicator",
        "zh": "与另一数字的差距（高于全省…）不是该指标的变化",
    },
    "extract.why.sum_ratio": {
        "en": "a ratio of two periods' sums is not a growth of the indicator's level",
        "zh": "两个时期合计之比不是该指标水平的增长",
    },
    "extract.why.plan_unknown": {
        "en": "the document's plan period is not known",
        "zh": "文档的规划期不明",
    },
    "extract.why.no_time": {"en": "no year or period", "zh": "没有年份或时期"},
    "extract.why.no_time_for_it": {"en": "no year or period for it", "zh": "它没有年份或时期"},
    "extract.why.repeats": {
        "en": "repeats the figure at line {line}",
        "zh": "重复第{line}行的数字",
    },
    "extract.why.clash": {
        "en": "{holder} already has {text} here (line {line}): one of the two is wrong, or this "
        "one is of something else",
        "zh": "{holder}在此已有{text}（第{line}行）：二者有一误，或此数另有所指",
    },
    "extract.why.agrees": {
        "en": "agrees with {text} (line {line}), drafted instead",
        "zh": "与{text}（第{line}行）相符，已改为起草后者",
    },
    "extract.why.unit_misfit": {
        "en": "{unit} does not fit {name} in {gunit}",
        "zh": "{unit}与以{gunit}计的“{name}”不符",
    },
    "extract.why.whole_missing": {
        "en": "the whole it is a share of is not among the indicators",
        "zh": "它所占比重的总体不在指标之中",
    },
    "extract.why.points_not_percent": {
        "en": "a change in points, but {name} is in {unit}",
        "zh": "百分点变化，但“{name}”以{unit}计",
    },
    "extract.why.share_taken": {
        "en": "{id} already has a share target",
        "zh": "{id}已有一个比重目标",
    },
    "extract.why.no_slot": {"en": "no slot for it", "zh": "没有可放的位置"},
    "extract.why.price_basis": {
        "en": "a multiple of levels (是…的N倍) is at current prices, while {name}'s growth rate "
        "of the same period is at constant prices: they cannot share one growth entry",
        "zh": "水平之比（是…的N倍）按现价，而“{name}”同期增速按可比价：二者不能同列一个增长条目",
    },
    # why a number is skipped (extract --format json: "skipped"), by its code
    "extract.skip.quoted_name": {
        "en": "in quotation marks (a name)",
        "zh": "在引号中（名称）",
    },
    "extract.skip.qualifies_noun": {
        "en": "qualifies a noun (…翻一番的目标), not a figure",
        "zh": "修饰名词（…翻一番的目标），不是数字",
    },
    "extract.skip.bar_passed": {
        "en": "a bar the things counted before it pass (2个区县GDP迈上300亿元台阶)",
        "zh": "前面所计事物跨过的门槛（2个区县GDP迈上300亿元台阶）",
    },
    "extract.skip.rank": {
        "en": "a rank",
        "zh": "名次",
    },
    "extract.skip.consecutive": {
        "en": "a duration or a consecutive count (连续12个季度)",
        "zh": "时长或连续次数（连续12个季度）",
    },
    "extract.skip.footnote": {
        "en": "a footnote mark",
        "zh": "注释标号",
    },
    "extract.skip.name_letters_before": {
        "en": "part of a name (letters before the number)",
        "zh": "名称的一部分（数字前有字母）",
    },
    "extract.skip.topics": {
        "en": "the number of topics the text goes on to (9个方面工作), not a figure",
        "zh": "后文分述的方面数（9个方面工作），不是数字",
    },
    "extract.skip.negative": {
        "en": "a negative number (完成-15.3%): not drafted from prose; enter it by hand",
        "zh": "负数（完成-15.3%）：不从正文起草，请手工录入",
    },
    "extract.skip.expression": {
        "en": "part of an expression or a name (1+3+N, 2×66)",
        "zh": "算式或名称的一部分（1+3+N，2×66）",
    },
    "extract.skip.share_of_year": {
        "en": "a share of the level of {year} (恢复到…的), not a level of its own",
        "zh": "为{year}水平的比例（恢复到…的），并非自身水平",
    },
    "extract.skip.ratio": {
        "en": "a ratio (a:b:c)",
        "zh": "比例（a:b:c）",
    },
    "extract.skip.list_number": {
        "en": "a list number",
        "zh": "序号",
    },
    "extract.skip.name_code": {
        "en": "part of a name (5G, 4A)",
        "zh": "名称的一部分（5G，4A）",
    },
    "extract.skip.date_time": {
        "en": "a date or time",
        "zh": "日期或时刻",
    },
    "extract.skip.name_number": {
        "en": "part of a name (世界500强, 3号线)",
        "zh": "名称的一部分（世界500强，3号线）",
    },
    "extract.skip.no_unit": {
        "en": "no unit",
        "zh": "没有单位",
    },
    "extract.skip.label": {
        "en": "a label (专栏7, 表2)",
        "zh": "标签（专栏7，表2）",
    },
    "extract.skip.class_in_name": {
        "en": "a class in a name (5000亿级园区)",
        "zh": "名称中的级别（5000亿级园区）",
    },
    "extract.skip.ordinal": {
        "en": "part of a name or an ordinal (二期, 3级)",
        "zh": "名称的一部分或序数（二期，3级）",
    },
    "extract.skip.voltage": {
        "en": "a voltage class in a project's name",
        "zh": "项目名称中的电压等级",
    },
    "extract.skip.duration": {
        "en": "a duration in narrative (连续3年, 提前2年)",
        "zh": "叙述中的时长（连续3年，提前2年）",
    },
    "extract.skip.duration_within": {
        "en": "a duration in narrative (50天内)",
        "zh": "叙述中的时长（50天内）",
    },
    "extract.skip.duration_clause": {
        "en": "a duration in narrative (32天确诊病例清零)",
        "zh": "叙述中的时长（32天确诊病例清零）",
    },
    "extract.skip.span_of_following": {
        "en": "the span of what follows (5年累计, 5年净增, 3年行动)",
        "zh": "其后所述事项的时间跨度（5年累计，5年净增，3年行动）",
    },
    "extract.skip.name_letters_after": {
        "en": "part of a name (letters after the unit)",
        "zh": "名称的一部分（单位后有字母）",
    },
    "extract.skip.steps_passed": {
        "en": "a count of steps passed (跨越8个百亿元台阶), a milestone in narrative",
        "zh": "跨过的台阶数（跨越8个百亿元台阶），叙述中的里程碑",
    },
    "extract.skip.bar_of_counted": {
        "en": "the bar of the things counted before it (28个总投资逾120亿元的重大项目)",
        "zh": "前面所计事物的门槛（28个总投资逾120亿元的重大项目）",
    },
    "extract.comparable_coverage": {
        "en": (
            "按可比口径: growth over last year's figure re-counted to this year's coverage, not "
            "over its published level — kept from the levels as a growth at constant prices is "
            "(marked constant_prices; the figure is at current prices)"
        ),
        "zh": "按可比口径：对上年数按本年口径调整后的增长，并非对上年公布数的增长——如不变价增速一样"
        "不与水平值比较（标为constant_prices；数值仍为现价）",
    },
    "extract.skip.exchange_rate": {
        "en": "an exchange rate or its change (1美元兑6.7518元人民币), not an amount",
        "zh": "汇率或其变动（1美元兑6.7518元人民币），并非数额",
    },
    "extract.skip.per_unit": {
        "en": "a quota for each one (每个乡镇建有1所卫生院), not a total",
        "zh": "每个单位的定额（每个乡镇建有1所卫生院），并非总数",
    },
    "extract.skip.over_task": {
        "en": "how far the year's task was exceeded (超额1.2倍完成全年任务), not a growth",
        "zh": "超额完成任务的幅度（超额1.2倍完成全年任务），并非增长",
    },
    "extract.skip.among": {
        "en": "the set a figure is counted among (在15个脱贫县中选择12个县)",
        "zh": "所选自的范围（在15个脱贫县中选择12个县）",
    },
    "extract.skip.threshold_above_project": {
        "en": "a threshold in a name (…以上项目)",
        "zh": "名称中的门槛（…以上项目）",
    },
    "extract.skip.threshold_over_project": {
        "en": "a threshold in a name (超1亿美元项目)",
        "zh": "名称中的门槛（超1亿美元项目）",
    },
    "extract.skip.other_years_prices": {
        "en": "in {year} prices (不变价), not comparable with the year's own figures",
        "zh": "按{year}年价格（不变价）计，不能与当年数字比较",
    },
    "extract.skip.threshold_class": {
        "en": "the bound of a class (…及以上), not a figure of it",
        "zh": "类别的界限（…及以上），并非其数值",
    },
    "extract.skip.threshold_above_firm": {
        "en": "a threshold in a name (…以上的企业)",
        "zh": "名称中的门槛（…以上的企业）",
    },
    "extract.skip.plan_structure": {
        "en": "a count of the plan's own indicators or tasks (its structure), not a figure",
        "zh": "规划自身的指标或任务数（其结构），不是数字",
    },
    "extract.skip.dimension": {
        "en": "a dimension of a thing named after it (长13公里、宽100米的金沙江大道)",
        "zh": "其后所指事物的尺寸（长13公里、宽100米的金沙江大道）",
    },
    "extract.skip.time_in_name": {
        "en": "a name made of a time (1小时经济圈, 5年过渡期), not a figure",
        "zh": "含时间的名称（1小时经济圈、5年过渡期），不是数字",
    },
    "extract.skip.designation": {
        "en": "a set the plan's work is organised in (15个攻势, 18个专项行动, 聚焦13条产业链), not "
        "a figure",
        "zh": "规划工作的组织方式（15个攻势、18个专项行动、聚焦13条产业链），不是数字",
    },
    "extract.skip.age_class": {
        "en": "an age class (15至59岁人口, 65岁以上老人), not a figure",
        "zh": "年龄组（15至59岁人口、65岁以上老人），不是数字",
    },
    "extract.skip.population_class": {
        "en": "a population class (100万人口规模城镇), not a figure",
        "zh": "人口规模等级（100万人口规模城镇），不是数字",
    },
    "extract.skip.project_size": {
        "en": "the size of a project named after it (投资31亿元的产业园)",
        "zh": "其后所指项目的规模（投资31亿元的产业园）",
    },
    "extract.skip.policy_rate": {
        "en": "a subsidy or award rate of a policy (最高给予100万元奖励), not a figure",
        "zh": "政策的补贴或奖励标准（最高给予100万元奖励），不是数字",
    },
    "extract.skip.capacity": {
        "en": "a capacity in a project's name (65万吨包装纸, 300兆瓦风电)",
        "zh": "项目名称中的产能（65万吨包装纸，300兆瓦风电）",
    },
    "extract.skip.policy_articles": {
        "en": "the name of a policy package (人才政策22条)",
        "zh": "政策文件的名称（人才政策22条）",
    },
    "extract.skip.policy_measures": {
        "en": "the name of a policy package (20条措施)",
        "zh": "政策文件的名称（20条措施）",
    },
    "extract.skip.one_of_set": {
        "en": "one of a set (7个区域中心城市之一), not a figure",
        "zh": "一组中的一个（7个区域中心城市之一），不是数字",
    },
    "extract.skip.threshold_over_firm": {
        "en": "a threshold in a name (超过…的企业)",
        "zh": "名称中的门槛（超过…的企业）",
    },
    "extract.skip.number_no_unit": {
        "en": "a number with no unit (400亿社零额, 2000亿俱乐部)",
        "zh": "没有单位的数（400亿社零额，2000亿俱乐部）",
    },
    "extract.skip.part_year": {
        "en": "a figure for part of a year (前三季度, 1-11月)",
        "zh": "一年中部分时段的数字（前三季度，1-11月）",
    },
    "extract.skip.respectively_unknown": {
        "en": "分别 pairs it with a subject of its own, which was not found",
        "zh": "“分别”表明各有所指，但未找到对应的主体",
    },
    "extract.skip.times": {
        "en": "a number of times in narrative (先后3次), not a figure",
        "zh": "叙述中的次数（先后3次），不是数字",
    },
    "extract.skip.cannot_read": {
        "en": "cannot read {text!r} as a figure",
        "zh": "无法把“{text}”读作数字",
    },
}
