"""`ezplan init`: a commented template plan that passes `ezplan check --strict` as written.

The two files are the same plan in either language; only the comments differ (`TEMPLATES`).
"""

from __future__ import annotations

from pathlib import Path

from ezplan.errors import OutputError, os_reason
from ezplan.output import write_atomic

BASELINES = """\
# yaml-language-server: $schema=schema/baselines.schema.json
#
# baselines.yaml — what was observed. Write figures as the plan writes them: 326.57亿元,
# 42080万美元, 12.6%, 增长24.9%, 超过300亿元 … ezplan keeps the precision of the digits you type.
# Actual results for the plan years (2021, 2022 …) go under `levels` too, as they come out.

indicators:
  retail_sales:                       # a stable id: lower-case letters, digits and _
    name: 社会消费品零售总额             # the plan's own wording
    name_en: Total retail sales of consumer goods
    unit: 亿元                          # values may be written in 万元 or 亿元; they convert
    section: 第一章第一节                 # where the figures stand in the plan
    levels:
      2019:
        value: 110亿元
        quote: 2019年全市实现社会消费品零售总额110亿元      # the plan's sentence, verbatim
      2020: 100亿元                     # a bare figure is fine too
    growth:                             # growth the plan reports for past periods
      - period: 2016-2019               # base year 2015, as in statistical usage
        annual: 8%                      # 年均增长
        quote: 2016-2019年年均增长8%

  exports:
    name: 出口总额
    unit: 亿美元
    levels:
      2020: 20000万美元

  imports:
    name: 进口总额
    unit: 亿美元
    levels:
      2020: 30000万美元

  trade_total:
    name: 外贸进出口总额
    unit: 亿美元
    parts: [exports, imports]           # trade = exports + imports
    levels:
      2020: 50000万美元
"""

TARGETS = """\
# yaml-language-server: $schema=schema/targets.schema.json
#
# targets.yaml — the plan's goals. State every figure the plan gives for a goal, each the way
# the plan writes it; ezplan checks that they agree with each other and with baselines.yaml.

plan:
  name: 某市商务发展第十四个五年规划
  period: 2021-2025                     # base year 2020, target year 2025
  # about_tolerance: 5%                 # how far 约/左右 widen a figure (default 5%)
  # exchange_rate: 6.9元                # 元 per 美元, if the plan declares one
  # one_rate_per_year: false            # 元/美元 pairs each converted on its own (a bulletin)

targets:
  retail_sales:
    section: 第二章第三节
    quote: 社会消费品零售总额年均增长10%，到2025年达到161亿元。
    level: 161亿元                      # 100 × 1.1^5 = 161.05: consistent
    annual: 10%                         # 年均增长

  trade_total:
    quote: 到2025年，外贸进出口总额达到55.2亿元，折合8亿美元，年均增长10%
    level: [55.2亿元, 8亿美元]           # the same amount in two currencies
    annual: 10%                         # 5 × 1.1^5 = 8.05 → rounds to 8
    # total: 增长61%                    # 增长X% / 增长X倍 / 翻一番 also work

# projects:                             # figures with no growth path (areas, investments)
#   zone_land:
#     name: 园区规划用地
#     unit: 亩
#     value: 1305亩
"""


BASELINES_ZH = """\
# yaml-language-server: $schema=schema/baselines.schema.json
#
# baselines.yaml——实际数据。数字照规划原文的写法填写：326.57亿元、42080万美元、12.6%、
# 增长24.9%、超过300亿元……ezplan 按所写的位数保留精度。
# 规划期内各年（2021、2022……）的实际数据公布后，也填在 levels 下。

indicators:
  retail_sales:                       # 指标代码（稳定不变）：小写字母、数字和 _
    name: 社会消费品零售总额             # 照录规划原文的名称
    name_en: Total retail sales of consumer goods
    unit: 亿元                          # 数值可写成万元或亿元，自动换算
    section: 第一章第一节                 # 这些数字在规划中的位置
    levels:
      2019:
        value: 110亿元
        quote: 2019年全市实现社会消费品零售总额110亿元      # 规划原句，一字不改
      2020: 100亿元                     # 也可以只写数字
    growth:                             # 规划所述的以往时期的增长
      - period: 2016-2019               # 基期为2015年，按统计惯例
        annual: 8%                      # 年均增长
        quote: 2016-2019年年均增长8%

  exports:
    name: 出口总额
    unit: 亿美元
    levels:
      2020: 20000万美元

  imports:
    name: 进口总额
    unit: 亿美元
    levels:
      2020: 30000万美元

  trade_total:
    name: 外贸进出口总额
    unit: 亿美元
    parts: [exports, imports]           # 进出口总额 = 出口 + 进口
    levels:
      2020: 50000万美元
"""

TARGETS_ZH = """\
# yaml-language-server: $schema=schema/targets.schema.json
#
# targets.yaml——规划目标。规划对一个目标给出的每个数字都填上，各按原文的写法；
# ezplan 核对这些数字彼此之间、以及与 baselines.yaml 是否一致。

plan:
  name: 某市商务发展第十四个五年规划
  period: 2021-2025                     # 基期2020年，目标年2025年
  # about_tolerance: 5%                 # “约”“左右”允许的上下浮动（默认5%）
  # exchange_rate: 6.9元                # 1美元折合人民币元数（如规划有约定）
  # one_rate_per_year: false            # 元与美元数各自折算（如统计公报），不按同一汇率比对

targets:
  retail_sales:
    section: 第二章第三节
    quote: 社会消费品零售总额年均增长10%，到2025年达到161亿元。
    level: 161亿元                      # 100 × 1.1^5 = 161.05：一致
    annual: 10%                         # 年均增长

  trade_total:
    quote: 到2025年，外贸进出口总额达到55.2亿元，折合8亿美元，年均增长10%
    level: [55.2亿元, 8亿美元]           # 同一数额的两种币种写法
    annual: 10%                         # 5 × 1.1^5 = 8.05，四舍五入为8
    # total: 增长61%                    # 也可写增长X%、增长X倍、翻一番

# projects:                             # 没有增长路径的数字（面积、投资额等）
#   zone_land:
#     name: 园区规划用地
#     unit: 亩
#     value: 1305亩
"""

TEMPLATES = {"en": (BASELINES, TARGETS), "zh": (BASELINES_ZH, TARGETS_ZH)}


def write_template(directory: Path, force: bool = False, lang: str = "en") -> list[Path]:
    """Both plan files, commented in `lang`, and the JSON Schemas their modelines point at."""
    from ezplan import schema

    baselines, targets = TEMPLATES.get(lang, TEMPLATES["en"])

    for d in (directory, directory / "schema"):
        try:
            d.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise OutputError(str(d), "out.not_a_directory") from None
        except OSError as e:
            raise OutputError(str(d), "out.cannot_create_directory", reason=os_reason(e)) from None
    files = {
        directory / "baselines.yaml": baselines,
        directory / "targets.yaml": targets,
        directory / "schema" / "baselines.schema.json": schema.schema_text(schema.Baselines),
        directory / "schema" / "targets.schema.json": schema.schema_text(schema.Targets),
    }
    if not force:
        for p in files:
            if p.exists():
                raise FileExistsError(str(p))
    for p, text in files.items():
        write_atomic(p, text)
    return list(files)
