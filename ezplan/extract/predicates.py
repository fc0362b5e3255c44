"""The predicate of a figure: the words between its subject and its number.

A sentence's left context is masked (time expressions become \x01, so 2025年 is not read as a
word), `split_predicate` finds where the predicate words (达到, 年均增长, 比2015年增长 …) at its
end begin, and `read_predicate` turns them into flags: annual, up or down, to a level (增至, 提高到)
or from one (由, 从), cumulative (累计), respectively (分别), all of (均), a multiple (是…的), the
comparator word before the number (超过, 近, 不低于 …), 折合, and a gap to another figure (高于).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ezplan.extract.timex import Time
from ezplan.figures import PREFIX_WORDS

MASK = "\x01"


# a gap to another figure: 高于全省2个百分点, 好于全国1.3个百分点 (not 好于Ⅲ类水体: a water class),
# 超计划12个百分点
COMPARED_WORDS = r"高于|低于|快于|慢于|好于全|超出|领先|高出|超(?:计划|目标|预期)"
_COMPARED_WITH = re.compile(rf"(?:{COMPARED_WORDS})[^，,；;]{{0,12}}$")


def words(text: str) -> list[str]:
    return text.split()


_TO_VERBS = (
    "提高 提升 上升 增加 增长 下降 降低 减少 扩大 拓展 扩展 跃升 攀升 缩小 压缩 缩短 调整 降 增 升 "
    "发展 达 突破 压减 精简 缩减"
)
# the comparator word just before the number: the figure grammar's own (longest first: 不低于)
_COMPARATOR_AT_END = re.compile("(" + "|".join(sorted(PREFIX_WORDS, key=len, reverse=True)) + ")$")
_PIECES = sorted(
    [f"{v}{t}" for v in _TO_VERBS.split() for t in ("到", "至", "为")]
    + words(
        """
    年均 年平均 平均每年 每年 平均 分别 均 都 各 同比 累计 共计 合计 总计 总共
    共 累 达到了 达到 达 为 实现了 实现 完成了 完成 突破 迈上 站上 超过 超 约 大约 近
    接近 将近 逾 增长 增加 增速 增幅 递增 提高 提升 上升 扩大 下降 减少 降低
    回落 下滑 降幅 翻 到 至 保持在 稳定在 控制在 拓展 扩展 调整为 调整 升至
    跃升至 跃升 跃居 压缩 缩短 削减 压减 增至 降至 涨幅 增幅为 维持在 由 从 是
    的 比 较 与 相比 了 已 将 已经 力争 确保 预计 预期 争取 要 左右 以上
    不低于 不少于 不超过 不高于 至少 不足 不到 相当于 同期 上年 去年 年底 年末
    再 又 继续 仍 持续 进一步 分别为 分别达 分别达到 分别增长 保持 稳定 稳步
    快速 较快 大幅 明显 将达 可达 预计可达 左 右 期末 每月 每年 每日 每天 每人
    上涨 涨 增长了 提高了 下降了 增产 减产 最高 最低 始终 一直 常年 维持 首次 首破 处于 位于
    原来 原 现在 目前 当前 可比
    """
    ),
    key=len,
    reverse=True,
)


# predicate pieces with a number or a unit in them: 连续12个季度 (a duration, not the subject's),
# 从每平方公里 (a per-unit prefix of the figure after it)
_PIECE_RE = re.compile(
    r"(?:(?:连续|提前)(?:\d+|[一两二三四五])个?(?:季度|年|个月|月)|每(?:平方公里|平方米|公里|千人|万人|百人|人|户|生|日|天|月|年|吨|亩))$"
)


def mask(text: str, times: list[Time], offset: int = 0) -> str:
    """`text` with every time expression in it (offsets relative to `offset`) masked."""
    chars = list(text)
    for t in times:
        for i in range(max(t.start - offset, 0), min(t.end - offset, len(chars))):
            chars[i] = MASK
    return "".join(chars)


def split_predicate(masked: str) -> int:
    """Where the predicate (达到, 年均增长, 比2015年增长 …) at the end of `masked` begins."""
    i = len(masked)
    while i > 0:
        if masked[i - 1] in MASK + ' \t“”"‘’':
            i -= 1
            continue
        if m := _PIECE_RE.search(masked, 0, i):
            i = m.start()
            continue
        for p in _PIECES:
            if masked.endswith(p, 0, i):
                if p == "比" and i >= 2 and masked[i - 2] == "占":
                    continue  # 占比 is the subject's
                i -= len(p)
                break
        else:
            break
    return i


@dataclass
class Pred:
    text: str
    annual: bool = False
    up: bool = False
    down: bool = False
    to_level: bool = False
    from_level: bool = False
    cumulative: bool = False
    respectively: bool = False
    all_of: bool = False
    multiple: bool = False
    comparator: str = ""  # the comparator word just before the number
    control: bool = False
    compare_other: bool = False  # 高于全省2个百分点
    same_as: bool = False  # 折合
    share: bool = False


def read_predicate(pred: str, left: str) -> Pred:
    """Flags from the predicate words; `left` is the whole left context (for 折合, 高于 …)."""
    p = Pred(pred)
    core = pred.replace(MASK, "")
    p.annual = bool(re.search(r"年均|年平均|平均每年|每年|年递增", core))
    p.up = bool(re.search(r"增长|增加|增速|增幅|递增|提高|提升|上升|扩大|增|涨|增产", core))
    p.down = bool(re.search(r"下降|减少|降低|回落|下滑|降幅|降|压缩|缩短|削减|压减|减产", core))
    p.to_level = bool(
        re.search(
            r"(到|至)(约|近|超过|突破|达到|接近|预计|力争|确保|了|现在的|目前的|当前的)*$", core
        )
    ) or bool(re.search(r"(增至|降至|达至)", core))
    # 由每生每年400元, 由原来的每人每月最低485元: the qualifiers of the figure after 由
    p.from_level = bool(
        re.search(r"(由|从)(每[^\s，,；;由从每]{1,4}|的|原来|原|最低|最高)*$", core)
    )
    p.cumulative = bool(re.search(r"累计|共计|合计|总计|总共|^共|累", core))
    p.respectively = "分别" in core or core.startswith("各")
    p.all_of = bool(re.search(r"均|都", core)) and not p.annual
    p.multiple = bool(re.search(r"(是|为|相当于)的?$", core)) or bool(
        re.search(r"(是|为|相当于).*的$", pred)
    )
    if m := _COMPARATOR_AT_END.search(core):
        p.comparator = m.group(1)
    p.control = "控制在" in core
    p.compare_other = bool(_COMPARED_WITH.search(left))
    p.same_as = bool(
        re.search(r"(折合|合计约?|约合|折|按(美元|人民币)计[价算]?为?)$", left.replace(MASK, ""))
    )
    p.share = "占比" in core
    return p
