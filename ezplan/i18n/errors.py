"""Messages of input ezplan cannot use and of files it cannot write, in Chinese and English.

Raised as ``InputError(mark, "id", **params)``, ``OutputError(path, "id", **params)`` or
``FigureError("id", **params)`` and shown as one line in the language of the invocation. A
parameter may be another message of this catalogue (a figure's problem inside the message that
places it in the file). Ids, keys, file names and figures are quoted as written, in both
languages. The English is what ezplan has always said; tests pin it.

Groups: ``figure.`` a figure's text; ``period.`` a period; ``unit`` and ``what.`` words used
inside other messages; ``file.``, ``os.``, ``kind.`` reading a file; ``yaml.`` the YAML parser's
own words; ``valid.`` the shape of a plan file; ``load.`` what the two files say together;
``cfg.`` and ``toml.`` the settings; ``plans.`` finding plans; ``out.`` writing files.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- shared pieces --------------------------------------------------------------------
    "external": {"en": "{text}", "zh": "{text}"},  # text from outside ezplan, as it is
    "at": {"en": "{path}: {problem}", "zh": "{path}：{problem}"},
    "the_file": {"en": "the file", "zh": "文件顶层"},
    "did_you_mean": {"en": "; did you mean {names}?", "zh": "；是否应为{names}？"},
    "and_one_more": {
        "en": "{first} (and 1 more problem in this file)",
        "zh": "{first}（该文件另有 1 处问题）",
    },
    "and_more": {
        "en": "{first} (and {more:,} more problems in this file)",
        "zh": "{first}（该文件另有 {more:,} 处问题）",
    },
    # --- figures (ezplan.figures) ---------------------------------------------------------
    "figure.forms": {
        "en": "e.g. 326.57亿元, 23%, 增长182%, 增长2.4倍, 是…的2倍, 翻一番, 约210亿元, 40%以上, "
        "超过300亿元, 提高2个百分点, 1至5个",
        "zh": "可写作 326.57亿元、23%、增长182%、增长2.4倍、是…的2倍、翻一番、约210亿元、"
        "40%以上、超过300亿元、提高2个百分点、1至5个",
    },
    "units_hint": {
        "en": "a magnitude (万, 亿, 万亿 …) before 元, 美元, %, 亩, 平方米, 个, 家 …",
        "zh": "数量级（万、亿、万亿……）加单位（元、美元、%、亩、平方米、个、家……）",
    },
    "figure.not_growth": {
        "en": "{text!r} is not a growth figure",
        "zh": "“{text}”不是增长幅度",
    },
    "figure.odd_digit": {
        "en": "{text!r}: {char!r} ({name}) is not a digit ezplan reads; write numbers with 0-9",
        "zh": "“{text}”：“{char}”（{name}）不是 ezplan 可识别的数字；请用 0-9 书写数字",
    },
    "figure.space_in_number": {
        "en": "{text!r}: a space inside a number; write it without one",
        "zh": "“{text}”：数字中间有空格；请去掉空格",
    },
    "figure.write_out": {
        "en": "{text!r}: write the number out (e.g. 100000 or 10万)",
        "zh": "“{text}”：请把数字完整写出（如 100000 或 10万）",
    },
    "figure.e_notation": {
        "en": "{text!r}: write the number out (e.g. 100000 or 10万), not in e-notation",
        "zh": "“{text}”：请把数字完整写出（如 100000 或 10万），不要用科学计数法",
    },
    "figure.unreadable": {
        "en": "cannot read {text!r} as a figure; {forms}",
        "zh": "无法将“{text}”读作数字；{forms}",
    },
    "figure.too_many_digits": {
        "en": "{text!r}: more than {max} digits; round it as the plan does",
        "zh": "“{text}”：数字超过 {max} 位；请按规划原文的精度书写",
    },
    "figure.doubling_count": {
        "en": "{text!r}: 翻N番 needs N from 1 to 20 (翻一番 = ×2, 翻两番 = ×4)",
        "zh": "“{text}”：翻N番的 N 应为 1 到 20（翻一番 = ×2，翻两番 = ×4）",
    },
    "figure.too_large": {
        "en": "{text!r} is too large to be a plan's figure",
        "zh": "“{text}”过大，不可能是规划中的数字",
    },
    "figure.not_a_figure_value": {
        "en": "expected a figure, found {found}; {forms}",
        "zh": "应为数字，实为 {found}；{forms}",
    },
    "figure.not_finite": {"en": "{found} is not a figure", "zh": "{found} 不是数字"},
    "figure.empty": {"en": "empty figure; {forms}", "zh": "数字为空；{forms}"},
    "figure.since_needs_growth": {
        "en": "{text!r}: {since} must be followed by a growth (增长8%, 下降5%)",
        "zh": "“{text}”：“{since}”之后应为增减幅度（如增长8%、下降5%）",
    },
    "figure.two_bounds": {
        "en": "{text!r} says two different things about its bound",
        "zh": "“{text}”对数字界限的表述自相矛盾（如“约”与“以上”并用）",
    },
    "figure.decline_range": {
        "en": "{text!r}: a fall is between 0% and 100% (more leaves less than nothing, a negative "
        "one is a rise: write 增长)",
        "zh": "“{text}”：降幅应在0%至100%之间（超过100%即低于零，负的降幅即增长，应写“增长”）",
    },
    "figure.decline_times": {
        "en": "{text!r}: a fall is said in %, not in 倍 (下降50%, or 是…的0.5倍)",
        "zh": "“{text}”：降幅以%表示，不用“倍”（如下降50%，或是…的0.5倍）",
    },
    "figure.multiple_not_positive": {
        "en": "{text!r}: a multiple of the base must be above 0",
        "zh": "“{text}”：倍数须大于0",
    },
    "figure.decline_doubles": {
        "en": "{text!r}: a decline cannot double",
        "zh": "“{text}”：下降不能“翻番”",
    },
    "figure.growth_since_unit": {
        "en": "{text!r}: a growth is written in % or 倍 (比上年增长8%)",
        "zh": "“{text}”：增长幅度应以 % 或倍表示（如比上年增长8%）",
    },
    "figure.no_unit": {
        "en": "{text!r} has no unit; write it with one, e.g. {number}亿元 or {number}%",
        "zh": "“{text}”没有单位；请写明单位，如 {number}亿元 或 {number}%",
    },
    "figure.no_unit_rate": {
        "en": "{text!r} has no unit; a rate is written in %, e.g. {number}%",
        "zh": "“{text}”没有单位；增速应以 % 表示，如 {number}%",
    },
    "figure.no_unit_growth": {
        "en": "{text!r} has no unit; a growth is written in % or 倍, e.g. 增长{number}%",
        "zh": "“{text}”没有单位；增长幅度应以 % 或倍表示，如 增长{number}%",
    },
    "figure.growth_in_unit": {
        "en": "{text!r}: a growth is written in % or 倍 (增长182%, 增长2.4倍), not in {unit}",
        "zh": "“{text}”：增长幅度应以 % 或倍表示（如增长182%、增长2.4倍），不能以{unit}表示",
    },
    "figure.range_bound": {
        "en": "{text!r}: a range cannot also be a bound or approximate",
        "zh": "“{text}”：区间不能再加“以上”“以内”或“约”等限定",
    },
    "figure.range_backwards": {
        "en": "{text!r}: the range runs backwards",
        "zh": "“{text}”：区间前大后小",
    },
    "figure.magnitude_no_unit": {
        "en": "{text!r} has a magnitude but no unit: did you mean {number}{magnitude}{base}?",
        "zh": "“{text}”只有数量级、没有单位：是否应为 {number}{magnitude}{base}？",
    },
    "figure.unknown_unit": {
        "en": "unknown unit {unit!r} in {text!r}; expected {units}",
        "zh": "“{text}”中的单位“{unit}”无法识别；应为{units}",
    },
    # --- periods (ezplan.periods.parse_period) ---------------------------------------------
    "period.unreadable": {
        "en": "cannot read period {text!r}; write e.g. 2021-2025, 2016-2019年 or a single year",
        "zh": "无法读取时期“{text}”；请写作 2021-2025、2016-2019年 或单个年份",
    },
    "period.backwards": {
        "en": "period {text!r} runs backwards",
        "zh": "时期“{text}”起止年份颠倒",
    },
    "period.out_of_range": {
        "en": "period {text!r} is outside the years {first}–{last}",
        "zh": "时期“{text}”超出 {first}—{last} 年的范围",
    },
    # --- reading files (ezplan.source, ezplan.loader, ezplan.discover) ---------------------
    "file.cannot_read": {"en": "cannot read: {reason}", "zh": "无法读取：{reason}"},
    "file.cannot_read_file": {"en": "cannot read file: {reason}", "zh": "无法读取文件：{reason}"},
    "file.is_directory": {
        "en": "is a directory, expected a YAML file",
        "zh": "是目录，应为 YAML 文件",
    },
    "file.not_regular": {
        "en": "is {kind}, expected a regular YAML file",
        "zh": "{kind}，应为普通的 YAML 文件",
    },
    "file.too_large": {
        "en": "file too large ({size:,} bytes; ezplan reads at most {limit:,})",
        "zh": "文件过大（{size:,} 字节；ezplan 最多读取 {limit:,} 字节）",
    },
    "file.grew_too_large": {
        "en": "file too large (ezplan reads at most {limit:,} bytes)",
        "zh": "文件过大（ezplan 最多读取 {limit:,} 字节）",
    },
    "file.not_utf8": {
        "en": "not UTF-8 text (byte 0x{byte}); save the file as UTF-8",
        "zh": "不是 UTF-8 文本（字节 0x{byte}）；请将文件另存为 UTF-8 编码",
    },
    "file.bad_character": {
        "en": "the character {char} ({name}) is not accepted in a plan file; delete it",
        "zh": "规划文件中不允许出现字符 {char}（{name}）；请删除",
    },
    "kind.directory": {"en": "a directory", "zh": "是目录"},
    "kind.fifo": {"en": "a FIFO (named pipe)", "zh": "是命名管道（FIFO）"},
    "kind.socket": {"en": "a socket", "zh": "是套接字"},
    "kind.device": {"en": "a device", "zh": "是设备文件"},
    "kind.other": {"en": "not a regular file", "zh": "不是普通文件"},
    # why a file cannot be read or written, by the operating system's error number
    "os.loop": {"en": "a loop of symbolic links", "zh": "符号链接构成循环"},
    "os.no_such_file": {"en": "no such file", "zh": "文件不存在"},
    "os.EACCES": {"en": "Permission denied", "zh": "权限不足"},
    "os.EPERM": {"en": "Operation not permitted", "zh": "不允许的操作"},
    "os.ENOENT": {"en": "No such file or directory", "zh": "文件或目录不存在"},
    "os.ENOTDIR": {"en": "Not a directory", "zh": "路径中有一项不是目录"},
    "os.EISDIR": {"en": "Is a directory", "zh": "是目录"},
    "os.EROFS": {"en": "Read-only file system", "zh": "只读文件系统"},
    "os.ENOSPC": {"en": "No space left on device", "zh": "设备空间不足"},
    "os.EDQUOT": {"en": "Disk quota exceeded", "zh": "超出磁盘配额"},
    "os.ELOOP": {"en": "Too many levels of symbolic links", "zh": "符号链接层数过多"},
    "os.ENAMETOOLONG": {"en": "File name too long", "zh": "文件名过长"},
    "os.EEXIST": {"en": "File exists", "zh": "文件已存在"},
    "os.EXDEV": {"en": "Invalid cross-device link", "zh": "不能跨设备链接"},
    "os.EBUSY": {"en": "Device or resource busy", "zh": "设备或资源忙"},
    "os.EIO": {"en": "Input/output error", "zh": "输入/输出错误"},
    "os.EBADF": {"en": "it is closed", "zh": "已关闭"},
    "os.EMFILE": {"en": "Too many open files", "zh": "打开的文件过多"},
    "os.ENXIO": {"en": "No such device or address", "zh": "没有该设备或地址"},
    "os.ETXTBSY": {"en": "Text file busy", "zh": "文件正被执行"},
    "os.EINVAL": {"en": "Invalid argument", "zh": "无效的参数"},
    # --- YAML (ezplan.source) -------------------------------------------------------------
    "yaml.invalid": {"en": "not valid YAML: {what}", "zh": "不是有效的 YAML：{what}"},
    "yaml.full_width_colon": {
        "en": "a full-width colon “：” after a key; YAML needs the half-width “:” (and a space "
        "after it)",
        "zh": "键后是全角冒号“：”；YAML 需要半角冒号“:”（其后加一个空格）",
    },
    # the parser's problem and a hint (apart: the English words of yaml.p.* must stay the
    # parser's, by which they are recognised)
    "yaml.hinted": {"en": "{problem} ({hint})", "zh": "{problem}（{hint}）"},
    "yaml.hint.expected_key": {"en": "is the indentation right?", "zh": "可能是缩进不对"},
    "yaml.hint.end_of_stream": {
        "en": "a quote or bracket left open?",
        "zh": "引号或括号未闭合？",
    },
    "yaml.hint.cannot_start_token": {
        "en": "a value starting with @ or ` needs quotes",
        "zh": "如 @ 或 `，请给值加引号",
    },
    "yaml.hint.tab_indent": {"en": "indent with spaces", "zh": "缩进请用空格"},
    "yaml.hint.tab_violates": {"en": "indent with spaces", "zh": "缩进请用空格"},
    "yaml.hint.mapping_values": {
        "en": "a missing line break, or a value with ': ' that needs quotes?",
        "zh": "是否少了换行，或值中的“: ”需要加引号？",
    },
    "yaml.hint.mapping_values_here": {
        "en": "a missing line break, or a value with ': ' that needs quotes?",
        "zh": "是否少了换行，或值中的“: ”需要加引号？",
    },
    "yaml.context_problem": {"en": "{context} {problem}", "zh": "{context}{problem}"},
    "yaml.one_document": {
        "en": "one YAML document per file",
        "zh": "每个文件只能有一个 YAML 文档",
    },
    "yaml.too_many_values": {
        "en": "document too large (over {max} values after aliases)",
        "zh": "文档过大（展开别名后超过 {max} 个值）",
    },
    "yaml.tag": {
        "en": "YAML tag {tag!r} is not accepted; write plain values",
        "zh": "不接受 YAML 标签“{tag}”；请直接写值",
    },
    "yaml.too_many_aliases": {
        "en": "too many aliases (more than {max})",
        "zh": "别名过多（超过 {max} 个）",
    },
    "yaml.unknown_alias": {"en": "unknown alias *{name}", "zh": "未定义的别名 *{name}"},
    "yaml.too_deep": {
        "en": "nested too deeply (more than {max} levels)",
        "zh": "嵌套过深（超过 {max} 层）",
    },
    "yaml.unexpected_event": {
        "en": "unexpected YAML event {name}",
        "zh": "意外的 YAML 事件 {name}",
    },
    "yaml.complex_key": {
        "en": "a key must be a plain value, not a list or mapping",
        "zh": "键必须是简单值，不能是列表或映射",
    },
    "yaml.merge_key": {
        "en": "merge keys (<<) are not accepted; write the keys out",
        "zh": "不接受合并键（<<）；请把各个键逐一写出",
    },
    "yaml.duplicate_key": {
        "en": "duplicate key {key!r} (first at line {line})",
        "zh": "键“{key}”重复（第一次出现在第{line}行）",
    },
    # the YAML parser's own words (libyaml, and PyYAML's parser where they differ); what is
    # not here is shown as the parser says it
    "yaml.c.block_collection": {"en": "while parsing a block collection", "zh": "解析块序列时"},
    "yaml.c.block_mapping": {"en": "while parsing a block mapping", "zh": "解析块映射时"},
    "yaml.c.block_node": {"en": "while parsing a block node", "zh": "解析块节点时"},
    "yaml.c.flow_mapping": {"en": "while parsing a flow mapping", "zh": "解析流式映射 {{…}} 时"},
    "yaml.c.flow_node": {"en": "while parsing a flow node", "zh": "解析流式节点时"},
    "yaml.c.flow_sequence": {"en": "while parsing a flow sequence", "zh": "解析流式序列 […] 时"},
    "yaml.c.node": {"en": "while parsing a node", "zh": "解析节点时"},
    "yaml.c.quoted_scalar": {"en": "while parsing a quoted scalar", "zh": "解析带引号的字符串时"},
    "yaml.c.scan_quoted": {"en": "while scanning a quoted scalar", "zh": "读取带引号的字符串时"},
    "yaml.c.scan_block_scalar": {"en": "while scanning a block scalar", "zh": "读取块文本时"},
    "yaml.c.scan_plain": {"en": "while scanning a plain scalar", "zh": "读取无引号的值时"},
    "yaml.c.scan_simple_key": {"en": "while scanning a simple key", "zh": "读取键时"},
    "yaml.c.scan_directive": {"en": "while scanning a directive", "zh": "读取指令时"},
    "yaml.c.scan_tag": {"en": "while scanning a tag", "zh": "读取标签时"},
    "yaml.c.scan_alias": {"en": "while scanning an alias", "zh": "读取别名时"},
    "yaml.c.scan_anchor": {"en": "while scanning an anchor", "zh": "读取锚点时"},
    "yaml.c.next_token": {"en": "while scanning for the next token", "zh": "读取下一个记号时"},
    "yaml.p.expected_dash": {
        "en": "did not find expected '-' indicator",
        "zh": "未找到应有的“-”列表项标记",
    },
    "yaml.p.expected_key": {
        "en": "did not find expected key",
        "zh": "未找到应有的键",
    },
    "yaml.p.expected_content": {
        "en": "did not find expected node content",
        "zh": "未找到应有的内容",
    },
    "yaml.p.expected_brace": {
        "en": "did not find expected ',' or '}}'",
        "zh": "未找到应有的“,”或“}}”",
    },
    "yaml.p.expected_bracket": {
        "en": "did not find expected ',' or ']'",
        "zh": "未找到应有的“,”或“]”",
    },
    "yaml.p.expected_colon": {"en": "could not find expected ':'", "zh": "未找到应有的“:”"},
    "yaml.p.undefined_tag": {"en": "found undefined tag handle", "zh": "遇到未定义的标签前缀"},
    "yaml.p.unknown_escape": {
        "en": "found unknown escape character",
        "zh": "遇到未知的转义字符",
    },
    "yaml.p.tab_indent": {
        "en": "found a tab character where an indentation space is expected",
        "zh": "缩进处出现制表符（Tab）",
    },
    "yaml.p.tab_violates": {
        "en": "found a tab character that violates indentation",
        "zh": "制表符（Tab）破坏了缩进",
    },
    "yaml.p.unknown_directive": {"en": "found unknown directive name", "zh": "遇到未知的指令名"},
    "yaml.p.end_of_stream": {
        "en": "found unexpected end of stream",
        "zh": "文件意外结束",
    },
    "yaml.p.expected_gt": {"en": "did not find the expected '>'", "zh": "未找到应有的“>”"},
    "yaml.p.expected_alnum": {
        "en": "did not find expected alphabetic or numeric character",
        "zh": "未找到应有的字母或数字",
    },
    "yaml.p.cannot_start_token": {
        "en": "found character that cannot start any token",
        "zh": "遇到不能作为开头的字符",
    },
    "yaml.p.document_start": {
        "en": "did not find expected <document start>",
        "zh": "未找到应有的文档开始标记（---）",
    },
    "yaml.p.duplicate_yaml": {
        "en": "found duplicate %YAML directive",
        "zh": "%YAML 指令重复",
    },
    "yaml.p.mapping_values": {
        "en": "mapping values are not allowed in this context",
        "zh": "此处不能有键值对",
    },
    "yaml.p.mapping_values_here": {
        "en": "mapping values are not allowed here",
        "zh": "此处不能有键值对",
    },
    "yaml.p.sequence_entries": {
        "en": "block sequence entries are not allowed in this context",
        "zh": "此处不能有“-”列表项",
    },
    "yaml.p.document_indicator": {
        "en": "found unexpected document indicator",
        "zh": "遇到意外的文档标记（--- 或 ...）",
    },
    "yaml.p.whitespace": {
        "en": "did not find expected whitespace or line break",
        "zh": "未找到应有的空格或换行",
    },
    "yaml.p.comment": {
        "en": "did not find expected comment or line break",
        "zh": "未找到应有的注释或换行",
    },
    "yaml.p.incompatible": {"en": "found incompatible YAML document", "zh": "YAML 文档版本不兼容"},
    "yaml.p.duplicate_tag": {"en": "found duplicate %TAG directive", "zh": "%TAG 指令重复"},
    # --- the shape of a plan file (ezplan.validation) -------------------------------------
    "valid.empty_file": {
        "en": "empty file; expected a mapping with plan: and targets:",
        "zh": "文件为空；应为包含 plan: 和 targets: 的映射",
    },
    "valid.unknown_key": {
        "en": "unknown key {key!r} in {where}{guess}{listed}",
        "zh": "{where}中有无法识别的键“{key}”{guess}{listed}",
    },
    "valid.expected_one_of": {"en": "; expected one of: {keys}", "zh": "；可用的键：{keys}"},
    "valid.missing_key": {"en": "{where}: missing key {key!r}", "zh": "{where}：缺少键“{key}”"},
    "valid.id_pattern": {
        "en": "id {key!r} must be lower-case letters, digits and _ (e.g. retail_sales)",
        "zh": "代码“{key}”只能由小写字母、数字和 _ 组成（如 retail_sales）",
    },
    "valid.year_key": {
        "en": "key {key!r} in {where}: expected a year such as 2020",
        "zh": "{where}中的键“{key}”：应为年份，如 2020",
    },
    "valid.key_problem": {
        "en": "key {key!r} in {where}: {problem}",
        "zh": "{where}中的键“{key}”：{problem}",
    },
    "valid.expected_found": {
        "en": "{where}: expected {wanted}, found {found}",
        "zh": "{where}：应为{wanted}，实为{found}",
    },
    "valid.direction": {
        "en": "{where}: expected up or down, found {value!r}",
        "zh": "{where}：应为 up 或 down，实为“{value}”",
    },
    "valid.value_pattern": {
        "en": "{where}: {value!r} must be lower-case letters, digits and _",
        "zh": "{where}：“{value}”只能由小写字母、数字和 _ 组成",
    },
    "valid.problem_found": {
        "en": "{where}: {problem} (found {found})",
        "zh": "{where}：{problem}（实为{found}）",
    },
    "valid.or": {"en": "{a} or {b}", "zh": "{a}或{b}"},
    "type.text": {"en": "text", "zh": "文本"},
    "type.whole_number": {"en": "a whole number", "zh": "整数"},
    "type.mapping": {"en": "a mapping", "zh": "映射（键: 值）"},
    "type.list": {"en": "a list", "zh": "列表"},
    "type.bool": {"en": "true or false", "zh": "true 或 false"},
    "found.bool": {"en": "{value}", "zh": "{value}"},
    "found.nothing": {"en": "nothing", "zh": "空值"},
    "found.mapping": {"en": "a mapping", "zh": "映射"},
    "found.list": {"en": "a list", "zh": "列表"},
    "found.number": {"en": "the number {value}", "zh": "数字 {value}"},
    "found.text": {"en": "{value!r}", "zh": "“{value}”"},
    # pydantic's words by error type (the English is pydantic's own)
    "pyd.ge": {
        "en": "Input should be greater than or equal to {limit}",
        "zh": "应大于或等于 {limit}",
    },
    "pyd.le": {
        "en": "Input should be less than or equal to {limit}",
        "zh": "应小于或等于 {limit}",
    },
    "pyd.gt": {"en": "Input should be greater than {limit}", "zh": "应大于 {limit}"},
    "pyd.lt": {"en": "Input should be less than {limit}", "zh": "应小于 {limit}"},
    "pyd.too_short": {
        "en": "{kind} should have at least {limit} {items} after validation, not {actual}",
        "zh": "{kind}至少应有 {limit} {items}，实有 {actual} {items}",
    },
    "pyd.too_long": {
        "en": "{kind} should have at most {limit} {items} after validation, not {actual}",
        "zh": "{kind}至多应有 {limit} {items}，实有 {actual} {items}",
    },
    "pyd.item": {"en": "item", "zh": "项"},
    "pyd.items": {"en": "items", "zh": "项"},
    "pyd.kind.list": {"en": "List", "zh": "列表"},
    "pyd.kind.dict": {"en": "Dictionary", "zh": "映射"},
    "pyd.kind.other": {"en": "Value", "zh": "该值"},
    "pyd.int_parsing": {
        "en": "Input should be a valid integer, unable to parse string as an integer",
        "zh": "应为整数，无法把文本读作整数",
    },
    # --- what the two files say together (ezplan.loader) ----------------------------------
    "load.not_a_plan_dir": {
        "en": "expected a plan directory holding {baselines} and {targets}; use "
        "--baselines/--targets for single files",
        "zh": "应为包含 {baselines} 和 {targets} 的规划目录；单个文件请用 --baselines/--targets "
        "指定",
    },
    "load.no_plan_here": {
        "en": "no plan here: neither {baselines} nor {targets}; `ezplan init {where}` writes a "
        "template plan to start from",
        "zh": "此处没有规划：既无 {baselines} 也无 {targets}；可运行 `ezplan init {where}` "
        "生成一份规划模板作为起点",
    },
    "load.plan_given_as_id": {
        "en": "no plan here, and {path} is a plan directory given where a target's id goes: "
        "run with --plan {path}",
        "zh": "此处没有规划，而 {path} 是规划目录，却放在了指标代码的位置：请加 --plan {path}",
    },
    "load.differs": {
        "en": "{id}: {name} {value!r} differs from {previous!r} given at {mark}",
        "zh": "{id}：{name} {value!r} 与 {mark} 处给出的 {previous!r} 不一致",
    },
    "load.no_unit": {
        "en": "{id}: no unit given (add e.g. unit: 亿元)",
        "zh": "{id}：未给出单位（请添加，如 unit: 亿元）",
    },
    "load.unknown_unit": {
        "en": "{id}: unknown unit {unit!r}; expected {units}",
        "zh": "{id}：单位“{unit}”无法识别；应为{units}",
    },
    "load.no_name": {
        "en": "{id}: no name given (add name: with the plan's wording)",
        "zh": "{id}：未给出名称（请添加 name:，照录规划原文）",
    },
    "load.part_of_itself": {
        "en": "{id} cannot be a part of itself",
        "zh": "{id} 不能是它自身的分项",
    },
    "load.unknown_indicator": {
        "en": "unknown indicator {id!r}{hint}; known: {known}",
        "zh": "没有指标“{id}”{hint}；已有指标：{known}",
    },
    "load.observed_after_plan": {
        "en": "baselines.yaml holds what was observed: {year} is after the plan's last year "
        "({end})",
        "zh": "baselines.yaml 记录已观测的数据：{year}年晚于规划期末（{end}年）",
    },
    "load.target_has_name_of": {
        "en": "target {id!r} has the name {name} of {other!r} in {file}; use the id {other!r} so "
        "that the two files meet",
        "zh": "目标“{id}”的名称“{name}”是 {file} 中“{other}”的名称；请改用代码“{other}”，"
        "使两个文件对应起来",
    },
    "load.slip": {
        "en": "no indicator {id!r} in {file}; did you mean {other!r} ({name})?",
        "zh": "{file} 中没有指标“{id}”；是否应为“{other}”（{name}）？",
    },
    "load.target_not_in_baselines": {
        "en": "target {id!r} is not in {file}. A new indicator is declared here with name: and "
        "unit:",
        "zh": "目标“{id}”不在 {file} 中。如是新指标，请在此处用 name: 和 unit: 声明",
    },
    "load.target_not_in_baselines_guess": {
        "en": "target {id!r} is not in {file}; did you mean {names}? A new indicator is declared "
        "here with name: and unit:",
        "zh": "目标“{id}”不在 {file} 中；是否应为{names}？如是新指标，请在此处用 name: 和 unit: "
        "声明",
    },
    "load.expected_rate": {
        "en": "{path}: expected a rate like 30%",
        "zh": "{path}：应为增速，如 30%",
    },
    "load.rate_range": {
        "en": "{path}: expected [lowest, highest], above -100%",
        "zh": "{path}：应为 [最低, 最高]，且都高于 -100%",
    },
    "load.empty_list": {"en": "{path}: empty list of figures", "zh": "{path}：数字列表为空"},
    "load.expected_percentage": {
        "en": "{path}: expected a percentage, e.g. 5%",
        "zh": "{path}：应为百分比，如 5%",
    },
    "load.not_what": {"en": "{field}: {text!r} is not {what}", "zh": "{field}：“{text}”不是{what}"},
    "load.does_not_convert": {
        "en": "{field}: {text!r} is in {unit}, which does not convert to {target}",
        "zh": "{field}：“{text}”以{unit}计，无法换算为{target}",
    },
    "what.level_in": {"en": "a level in {unit}", "zh": "以{unit}计的水平值"},
    "what.value_in": {"en": "a value in {unit}", "zh": "以{unit}计的数值"},
    "what.amount": {"en": "an amount", "zh": "数额"},
    "what.percentage": {"en": "a percentage", "zh": "百分比"},
    "what.annual_rate": {"en": "an annual rate like 10%", "zh": "年均增速（如 10%）"},
    "what.growth": {
        "en": "a growth like 增长182% or 增长2.4倍",
        "zh": "增长幅度（如增长182%或增长2.4倍）",
    },
    "what.change": {
        "en": "a change like 提高2个百分点",
        "zh": "百分点变化（如提高2个百分点）",
    },
    "load.target_and_project": {
        "en": "{id} is both a target and a project; use one",
        "zh": "{id} 同时是目标（targets）和项目（projects）；只能取其一",
    },
    "load.exchange_rate": {
        "en": "exchange_rate: expected 元 per 美元, e.g. 6.9元",
        "zh": "exchange_rate：应为 1 美元折合的人民币元数，如 6.9元",
    },
    "load.give_growth": {
        "en": "{path}: give annual:, total: (or change:, in points)",
        "zh": "{path}：请给出 annual: 或 total:（比率类指标可给出以百分点计的 change:）",
    },
    "load.measured_from": {
        "en": "{field}: {text!r} is measured from {year}, but the period {first}-{end} has base "
        "year {base}",
        "zh": "{field}：“{text}”以{year}年为基数，但时期{first}—{end}年的基期是{base}年",
    },
    "load.over_one_year": {
        "en": "{field}: {text!r} is a change over one year, but the period {first}-{end} has "
        "{years} years",
        "zh": "{field}：“{text}”是比上年的变化，但时期{first}—{end}年有{years}年",
    },
    "load.change_not_ratio": {
        "en": "change: {id} is in {unit}, not a ratio in %",
        "zh": "change：{id} 以{unit}计，不是以 % 计的比率，不能用百分点变化",
    },
    "load.no_figure": {
        "en": "target {id} states no figure (level, annual, total, cumulative, share or change)",
        "zh": "目标 {id} 没有任何数字（level、annual、total、cumulative、share 或 change）",
    },
    # --- settings (ezplan.config) ---------------------------------------------------------
    "cfg.not_utf8": {
        "en": "cannot read settings: not UTF-8 text (byte 0x{byte}); save the file as UTF-8",
        "zh": "无法读取设置：不是 UTF-8 文本（字节 0x{byte}）；请将文件另存为 UTF-8 编码",
    },
    "cfg.not_a_table": {
        "en": "[tool.ezplan] must be a table of settings",
        "zh": "[tool.ezplan] 必须是设置表（table）",
    },
    "cfg.toml": {"en": "not valid TOML: {problem}", "zh": "不是有效的 TOML：{problem}"},
    "cfg.unknown_rule": {
        "en": "{key}: unknown rule code {code!r}{hint}; known: {known}",
        "zh": "{key}：没有规则“{code}”{hint}；已有规则：{known}",
    },
    "cfg.unknown_settings": {
        "en": "unknown setting(s) {names}; expected {keys}",
        "zh": "无法识别的设置项 {names}；可用的设置项：{keys}",
    },
    "cfg.list_of_codes": {
        "en": "{key} must be a list of rule codes",
        "zh": "{key} 必须是规则代码的列表",
    },
    "cfg.bool": {"en": "{key} must be true or false", "zh": "{key} 必须是 true 或 false"},
    "cfg.lang": {"en": "lang must be zh or en", "zh": "lang 必须是 zh 或 en"},
    "cfg.ratio": {
        "en": "{key} must be a number from 0 to 10 (a ratio of rates, e.g. 0.95)",
        "zh": "{key} 必须是 0 到 10 之间的数（实际增速与所需增速之比，如 0.95）",
    },
    "cfg.order": {
        "en": "moderate must not be above on_track (0 ≤ moderate ≤ on_track)",
        "zh": "moderate 不能大于 on_track（0 ≤ moderate ≤ on_track）",
    },
    # tomllib's words (the English is tomllib's own)
    "toml.invalid_statement": {"en": "Invalid statement", "zh": "无效的语句"},
    "toml.expected_newline": {
        "en": "Expected newline or end of document after a statement",
        "zh": "一条语句之后应换行（一行只能写一项设置）",
    },
    "toml.expected": {"en": "Expected {what}", "zh": "缺少 {what}"},
    "toml.invalid_character": {
        "en": "Found invalid character {char}",
        "zh": "遇到无效字符 {char}",
    },
    "toml.declared_twice": {"en": "Cannot declare {key} twice", "zh": "{key} 不能声明两次"},
    "toml.overwrite": {"en": "Cannot overwrite a value", "zh": "不能覆盖已有的值"},
    "toml.table_end": {
        "en": "Expected ']' at the end of a table declaration",
        "zh": "表声明末尾缺少“]”",
    },
    "toml.array_end": {
        "en": "Expected ']]' at the end of an array declaration",
        "zh": "数组表声明末尾缺少“]]”",
    },
    "toml.immutable": {
        "en": "Cannot mutate immutable namespace {key}",
        "zh": "不能修改不可变的命名空间 {key}",
    },
    "toml.redefine": {"en": "Cannot redefine namespace {key}", "zh": "不能重新定义命名空间 {key}"},
    "toml.expected_equals": {
        "en": "Expected '=' after a key in a key/value pair",
        "zh": "键值对中的键后缺少“=”",
    },
    "toml.key_start": {
        "en": "Invalid initial character for a key part",
        "zh": "键的首字符无效",
    },
    "toml.unclosed_array": {"en": "Unclosed array", "zh": "数组未闭合（缺少“]”）"},
    "toml.duplicate_inline_key": {
        "en": "Duplicate inline table key {key}",
        "zh": "内联表中的键 {key} 重复",
    },
    "toml.unclosed_inline_table": {
        "en": "Unclosed inline table",
        "zh": "内联表未闭合（缺少“}}”）",
    },
    "toml.unescaped_backslash": {
        "en": "Unescaped '\\' in a string",
        "zh": "字符串中有未转义的“\\”",
    },
    "toml.hex": {"en": "Invalid hex value", "zh": "无效的十六进制值"},
    "toml.not_scalar": {
        "en": "Escaped character is not a Unicode scalar value",
        "zh": "转义字符不是有效的 Unicode 字符",
    },
    "toml.unterminated_string": {"en": "Unterminated string", "zh": "字符串未结束（缺少引号）"},
    "toml.illegal_character": {"en": "Illegal character {char}", "zh": "非法字符 {char}"},
    "toml.datetime": {"en": "Invalid date or datetime", "zh": "无效的日期或日期时间"},
    "toml.invalid_value": {"en": "Invalid value", "zh": "无效的值"},
    # --- finding plans (ezplan.discover, ezplan.scan) -------------------------------------
    "plans.not_plan_or_file": {
        "en": "expected a plan directory or a file named {baselines} or {targets}",
        "zh": "应为规划目录，或名为 {baselines} 或 {targets} 的文件",
    },
    "plans.no_such_path": {"en": "no such file or directory", "zh": "文件或目录不存在"},
    "plans.draft_does_not_load": {
        "en": "the draft does not load: {problem}",
        "zh": "生成的草稿无法读取：{problem}",
    },
    # --- writing files (ezplan.output, ezplan.template) -----------------------------------
    "out.cannot_write": {"en": "cannot write: {reason}", "zh": "无法写入：{reason}"},
    "out.no_directory": {
        "en": "cannot write: no directory {directory}",
        "zh": "无法写入：目录 {directory} 不存在",
    },
    "out.loop": {
        "en": "cannot write: a loop of symbolic links",
        "zh": "无法写入：符号链接构成循环",
    },
    "out.no_space": {
        "en": "cannot write: no space left on the device; nothing was written",
        "zh": "无法写入：设备空间不足；未写入任何内容",
    },
    "out.stdout_failed": {
        "en": "standard output: cannot write: {reason}; the output is incomplete",
        "zh": "标准输出：无法写入：{reason}；输出不完整",
    },
    "out.not_regular": {
        "en": "is {kind}, not a regular file; it was left as it is",
        "zh": "{kind}，不是普通文件；已保持原样，未作改动",
    },
    "out.not_a_directory": {
        "en": "exists and is not a directory",
        "zh": "已存在，但不是目录",
    },
    "out.cannot_create_directory": {
        "en": "cannot create the directory: {reason}",
        "zh": "无法创建目录：{reason}",
    },
}
