"""Figures as a plan writes them, read into values that keep their precision and comparator.

`parse_figure("12亿美元")` gives an amount of 12 in 亿美元 whose digits mean [11.5, 12.5];
`parse_figure("增长2.4倍")` a growth that makes the level 3.4 times the base. Precision comes
from the digits as written: the last written digit is uncertain by half a step.
"""

from __future__ import annotations

import enum
import math
import re
import unicodedata
from dataclasses import dataclass, replace

from ezplan.errors import MessageError
from ezplan.i18n import Message
from ezplan.units import MAGNITUDES, Unit, UnitError, parse_unit, split_unit

DEFAULT_ABOUT_TOLERANCE = 0.05
"""约/左右 widen a figure to ±max(rounding, 5% of its value) unless the file says otherwise."""


class FigureError(MessageError):
    """A figure that cannot be read: raised as ``FigureError("figure.…", **params)``, its
    message in both languages (`ezplan.i18n.errors`)."""


class Kind(enum.Enum):
    AMOUNT = "amount"  # 326.57亿元, 12亿美元, 98家
    PERCENT = "percent"  # 23% (a rate or a share, by where it is written)
    GROWTH_PERCENT = "growth_percent"  # 增长182%, 下降5%
    GROWTH_TIMES = "growth_times"  # 增长2.4倍: level becomes (1+X)× base
    MULTIPLE = "multiple"  # 是…的2.4倍 / 达到2.4倍: level becomes X× base
    DOUBLING = "doubling"  # 翻一番 (×2), 翻两番 (×4)
    POINTS = "points"  # 提高2个百分点


class Comparator(enum.Enum):
    EXACT = "exact"
    ABOUT = "about"  # 约, 左右, 接近
    NEARLY = "nearly"  # 近: just below the figure
    AT_LEAST = "at_least"  # 以上, 超过, 超, 突破, 迈上, 不低于
    AT_MOST = "at_most"  # 以内, 不超过, 以下
    RANGE = "range"  # 1至5个


_PREFIXES: list[tuple[str, Comparator]] = [
    ("不低于", Comparator.AT_LEAST),
    ("不少于", Comparator.AT_LEAST),
    ("不超过", Comparator.AT_MOST),
    ("不高于", Comparator.AT_MOST),
    ("超过", Comparator.AT_LEAST),
    ("突破", Comparator.AT_LEAST),
    ("迈上", Comparator.AT_LEAST),  # 迈上5万元台阶: reached the step of 5万元
    ("站上", Comparator.AT_LEAST),
    ("至少", Comparator.AT_LEAST),
    ("超", Comparator.AT_LEAST),
    ("逾", Comparator.AT_LEAST),
    ("不足", Comparator.AT_MOST),
    ("不到", Comparator.AT_MOST),
    ("大约", Comparator.ABOUT),
    ("接近", Comparator.ABOUT),
    ("约", Comparator.ABOUT),
    ("将近", Comparator.NEARLY),
    ("近", Comparator.NEARLY),
]
PREFIX_WORDS = tuple(w for w, _ in _PREFIXES)  # the words before a number that bound it
_SUFFIXES: list[tuple[str, Comparator]] = [
    ("以上", Comparator.AT_LEAST),
    ("以内", Comparator.AT_MOST),
    ("以下", Comparator.AT_MOST),
    ("左右", Comparator.ABOUT),
    ("上下", Comparator.ABOUT),
]
_NEUTRAL_PREFIXES = ("达到", "达", "为", "完成", "实现")
_FLIPPED = {Comparator.AT_LEAST: Comparator.AT_MOST, Comparator.AT_MOST: Comparator.AT_LEAST}
_ESTIMATE = "预计"
_UP_WORDS = ("增长", "增加", "提高", "上升", "提升")
_DOWN_WORDS = ("下降", "减少", "降低")
_NUMBER = r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMBER_RE = re.compile(rf"^{_NUMBER}$")
_EXPONENT_RE = re.compile(r"\d[eE][-+]?\d")
_LEADING_NUMBER_RE = re.compile(rf"^({_NUMBER})(.+)$")
_RANGE_RE = re.compile(rf"^({_NUMBER})\s*(?:至|到|~|-|—|–)\s*({_NUMBER})$")
_INNER_PERCENT_RE = re.compile(r"%(?=\s*(?:至|到|~|-|—|–)\s*[-+]?\d)")
# 一 … 十 and 两 as counts (翻两番, 连续8年, 五年下降): the one table of them
CHINESE_COUNTS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
_DOUBLING_RE = re.compile(r"^翻(.*?)番$")
# 比上年增长, 同比增长, 较上年下降: over one year; 比2015年增长, 较2020年: from that year.
_SINCE_RE = re.compile(r"^(?:比|较)(?:上年同期|上年末|上年底|上年|(\d{4})年(?:末|底)?)|^同比")
_MORE_RE = re.compile(r"(\d)([十百千万亿]+)(多|余)")  # 3万多人 → 3多万人: 多 before the magnitude
MAX_DIGITS = 15
"""A figure's number has at most this many digits: more than a float keeps exactly."""
MAX_BASE_VALUE = 1e18
"""An amount scaled to its base unit (元, 美元, 亩 …) may not exceed this: 10¹⁸元 = 100万万亿元."""
HALF_STEPS = tuple(0.5 * 10.0**-decimals for decimals in range(MAX_DIGITS + 1))
"""Half the step of the last digit written, by the number of decimals: one float for all the
figures of a plan with as many decimals."""

FORMS_HINT = Message("figure.forms")
"""The forms a figure may take, e.g. 326.57亿元, 23%, 增长182% … (shown in either language)."""


_BOUNDS = frozenset({Comparator.AT_LEAST, Comparator.AT_MOST})
_EXACT_WORDS = frozenset({Comparator.EXACT, *_BOUNDS})  # 翻番, 翻番以上, 不超过翻番


@dataclass(frozen=True, slots=True)
class Figure:
    """One written figure. `value` is the number as written, in `unit` (or in % / 倍)."""

    text: str
    kind: Kind
    value: float
    half_step: float
    comparator: Comparator = Comparator.EXACT
    unit: Unit | None = None
    decimals: int = 0
    low: float | None = None  # the written ends of a RANGE
    high: float | None = None
    tolerance: float = DEFAULT_ABOUT_TOLERANCE
    base_year: int | None = None  # 比2015年增长…, 是2020年的…倍: the year it is measured from
    year_on_year: bool = False  # 比上年, 同比: a change over one year

    @property
    def bound(self) -> str | None:
        """ "at_least" or "at_most" for a figure that is only a bound (100亿元以上, 不超过5.5%)."""
        return self.comparator.value if self.comparator in _BOUNDS else None

    def with_tolerance(self, tolerance: float | None) -> Figure:
        return self if tolerance is None else replace(self, tolerance=tolerance)

    def interval(self) -> tuple[float, float]:
        """Every value this figure allows, as written: rounding, 约, bounds and ranges."""
        h = self.half_step
        v = self.value
        match self.comparator:
            case Comparator.EXACT:
                return v - h, v + h
            case Comparator.ABOUT:
                w = max(h, self.tolerance * abs(v))
                return v - w, v + w
            case Comparator.NEARLY:
                w = max(h, self.tolerance * abs(v))
                # 近 is just short of the figure's size: 下降近10.0% is a fall of 9.5%–10.05%
                return (v - h, v + w) if v < 0 else (v - w, v + h)
            case Comparator.AT_LEAST:
                return v - h, math.inf
            case Comparator.AT_MOST:
                return -math.inf, v + h
            case Comparator.RANGE:
                assert self.low is not None and self.high is not None
                return self.low - h, self.high + h
        raise AssertionError(self.comparator)

    def factor_interval(self) -> tuple[float, float]:
        """For growth figures: the interval of end level / base level the figure allows."""
        lo, hi = self.interval()
        match self.kind:
            case Kind.GROWTH_PERCENT:  # a level cannot fall below nothing
                return max(0.0, 1 + lo / 100), max(0.0, 1 + hi / 100)
            case Kind.GROWTH_TIMES:
                return 1 + lo, 1 + hi
            case Kind.MULTIPLE:
                return lo, hi
            case Kind.DOUBLING:
                return 2.0**lo, 2.0**hi
        raise FigureError("figure.not_growth", text=self.text)

    def round_word_factor_interval(self) -> tuple[float, float] | None:
        """A doubling word read as the round figure it may be: 翻番 as 约翻番, ×2 within 约's
        width (2^0.95–2^1.05 = ×1.93–2.07; 翻番以上 ≥ ×1.93). A word has no digits to say how
        exact it is, so its exact reading (`factor_interval`) is an assumption, not a fact.
        None for every figure that is no such word (a number, or 约翻番, 接近翻番 already)."""
        if self.kind is not Kind.DOUBLING or self.comparator not in _EXACT_WORDS:
            return None
        lo, hi = self.interval()
        w = self.tolerance * abs(self.value)
        return 2.0 ** (lo - w), 2.0 ** (hi + w)

    def factor(self) -> float:
        """The growth factor the figure states at face value."""
        match self.kind:
            case Kind.GROWTH_PERCENT:
                return 1 + self.value / 100
            case Kind.GROWTH_TIMES:
                return 1 + self.value
            case Kind.MULTIPLE:
                return self.value
            case Kind.DOUBLING:
                return 2.0**self.value
        raise FigureError("figure.not_growth", text=self.text)


_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_SUPERSCRIPT_UNITS = {"km²": "平方公里", "m²": "㎡", "㎡": "㎡"}
_ASCII_DIGITS = set("0123456789")
_SPACED_NUMBER_RE = re.compile(r"\d[\s,.]*\s[\s,.]*\d")
_FULL_WIDTH_RE = re.compile("[\uff01-\uff5e\u3000]+")  # the keys of _FULL_WIDTH, in runs


def _to_ascii(run: re.Match[str]) -> str:
    return run[0].translate(_FULL_WIDTH)


def normalize_digits(text: str) -> str:
    """Full-width digits, signs and letters to ASCII, nothing else: for running text."""
    # most text has none, and Chinese text a few (，：（）): only those are translated — a
    # translation of the whole text would look up every character, each missing one a
    # KeyError (a quote of 30 characters: 6 µs, against 3 µs)
    return _FULL_WIDTH_RE.sub(_to_ascii, text)


def normalize(text: str) -> str:
    """Full-width digits, signs and letters to ASCII; spaces around words dropped.

    Only 0-9 and their full-width forms are digits. Any other character that Unicode counts as
    a digit (①, ², ٣ …) is refused rather than read as one, and so is a space inside a number.
    """
    s = normalize_digits(text)
    for spelling, unit in _SUPERSCRIPT_UNITS.items():
        s = s.replace(spelling, unit)
    for ch in s:
        if ch not in _ASCII_DIGITS and (
            unicodedata.digit(ch, None) is not None or unicodedata.decimal(ch, None) is not None
        ):
            name = unicodedata.name(ch, f"U+{ord(ch):04X}")
            raise FigureError("figure.odd_digit", text=text, char=ch, name=name)
    s = s.strip()
    if _SPACED_NUMBER_RE.search(s):
        raise FigureError("figure.space_in_number", text=text)
    return re.sub(r"\s+", "", s)


def _number(s: str, original: str) -> tuple[float, float, int]:
    if not _NUMBER_RE.match(s):
        if re.match(r"^[-+]?\d+(?:\.\d+)?[eE][-+]?\d+$", s):
            raise FigureError("figure.write_out", text=original)
        raise FigureError("figure.unreadable", text=original, forms=FORMS_HINT)
    digits = s.replace(",", "")
    if sum(c.isdigit() for c in digits) > MAX_DIGITS:
        raise FigureError("figure.too_many_digits", text=original, max=MAX_DIGITS)
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    return float(digits), HALF_STEPS[decimals], decimals


def _doubling(count: str, original: str) -> int:
    if count in ("", "了一"):  # 翻番, 翻了一番
        return 1
    count = count.removeprefix("了")
    n = int(count) if count.isdigit() else CHINESE_COUNTS.get(count)
    if n is None or not 1 <= n <= 20:
        raise FigureError("figure.doubling_count", text=original)
    return n


def _range(
    body: str, original: str, comparator: Comparator, sign: float = 1.0
) -> tuple[float, float, int, float, float] | None:
    """A range's (middle, half step, decimals, low, high), its ends signed (下降5%-6% runs from
    −6 to −5); None if `body` is no range."""
    m = _RANGE_RE.match(body)
    if m is None:
        return None
    if comparator is not Comparator.EXACT:
        raise FigureError("figure.range_bound", text=original)
    lo, h1, d1 = _number(m.group(1), original)
    hi, h2, d2 = _number(m.group(2), original)
    if lo > hi:
        raise FigureError("figure.range_backwards", text=original)
    low, high = sorted((sign * lo, sign * hi))
    return (low + high) / 2, max(h1, h2), max(d1, d2), low, high


def parse_figure(text: str | int | float, default_unit: Unit | None = None) -> Figure:
    """Read one figure as written in a plan; a bare number takes `default_unit` if given."""
    fig = parse_plain(text, default_unit) or parse_any(text, default_unit)
    scale = fig.unit.scale if fig.unit is not None else 1.0
    largest = max(abs(fig.value), abs(fig.low or 0.0), abs(fig.high or 0.0))
    if largest * scale > MAX_BASE_VALUE:
        raise FigureError("figure.too_large", text=fig.text)
    return fig


# The commonest figures, read at once: 326.57亿元, 23%, 增长28%, 下降5%, or a bare number.
_PLAIN_RE = re.compile(r"(增长|增加|提高|上升|提升|下降|减少|降低)?([0-9]+(?:\.[0-9]+)?)([^0-9]*)")
_PLAIN_UNITS: dict[str, Unit | None] = {}


def parse_plain(text: str | int | float, default_unit: Unit | None = None) -> Figure | None:
    """`parse_any` for the commonest forms (a number in ASCII digits, then a unit, % or nothing,
    perhaps after a word of growth), None for any other; the tests hold it to `parse_any`."""
    if type(text) is int:
        text = str(text)
    elif type(text) is not str:
        return None
    m = _PLAIN_RE.fullmatch(text)
    if m is None:
        return None
    word, digits, rest = m.groups()
    if len(digits) - ("." in digits) > MAX_DIGITS:
        return None
    decimals = len(digits) - digits.index(".") - 1 if "." in digits else 0
    value, half = float(digits), HALF_STEPS[decimals]
    if rest == "%":
        if word is None:
            return Figure(text, Kind.PERCENT, value, half, decimals=decimals)
        sign = -1.0 if word in _DOWN_WORDS else 1.0
        if sign < 0 and value > 100:
            return None  # the full grammar says why
        return Figure(text, Kind.GROWTH_PERCENT, sign * value, half, decimals=decimals)
    if word is not None:
        return None
    unit = _plain_unit(rest) if rest else default_unit
    if unit is None or unit.dimension == "pp":
        return None
    return Figure(text, Kind.AMOUNT, value, half, Comparator.EXACT, unit, decimals)


def _plain_unit(rest: str) -> Unit | None:
    """The unit a figure's text ends in, if `parse_any` would read it as just that unit."""
    if rest in _PLAIN_UNITS:
        return _PLAIN_UNITS[rest]
    unit = None
    try:
        plain = normalize("1" + rest) == "1" + rest and split_unit("1" + rest) == ("1", rest)
        if plain and not rest.endswith(tuple(w for w, _ in _SUFFIXES)):
            unit = parse_unit(rest)
    except (FigureError, UnitError):
        unit = None
    if len(_PLAIN_UNITS) < 4096:  # units are few; anything else is not kept
        _PLAIN_UNITS[rest] = unit
    return unit


def parse_any(text: str | int | float, default_unit: Unit | None = None) -> Figure:
    """A figure of any form `parse_figure` reads, word by word (the definition)."""
    original = str(text)
    if isinstance(text, bool):
        raise FigureError("figure.not_a_figure_value", found=original, forms=FORMS_HINT)
    if isinstance(text, float):
        if not math.isfinite(text):
            raise FigureError("figure.not_finite", found=original)
        original = repr(text)
    s = normalize(original)
    if not s:
        raise FigureError("figure.empty", forms=FORMS_HINT)
    if _EXPONENT_RE.search(s):
        raise FigureError("figure.e_notation", text=original)
    if m := _DOUBLING_RE.match(s):
        n = float(_doubling(m.group(1), original))
        done = m.group(1).startswith("了")  # 翻了一番: a doubling reached, at least ×2
        comparator = Comparator.AT_LEAST if done else Comparator.EXACT
        return Figure(original, Kind.DOUBLING, n, 0.0, comparator)
    # 预计14.4%: a preliminary estimate (a report's figure for the year just ended), as wide as
    # 约; a bound it states stays (预计突破1万亿元)
    estimated = s.startswith(_ESTIMATE) and len(s) > len(_ESTIMATE)
    if estimated:
        s = s[len(_ESTIMATE) :]

    base_year: int | None = None
    year_on_year = False
    if m := _SINCE_RE.match(s):
        if m.group(0) == "同比" or "上年" in m.group(0):
            year_on_year = True
        elif m.group(1):
            base_year = int(m.group(1))
        s = s[m.end() :]
        if not s.startswith(_UP_WORDS + _DOWN_WORDS + ("翻",)):
            raise FigureError("figure.since_needs_growth", text=original, since=m.group(0))

    comparator = Comparator.EXACT
    for word, comp in _PREFIXES:
        if s.startswith(word):
            comparator, s = comp, s[len(word) :]
            break
    s = _MORE_RE.sub(r"\1\3\2", s)
    if s.endswith(("番多", "倍多", "%多")):  # 翻两番多, 增长2倍多, 5%多: more than that
        if comparator not in (Comparator.EXACT, Comparator.AT_LEAST):
            raise FigureError("figure.two_bounds", text=original)
        s, comparator = s[:-1], Comparator.AT_LEAST
    for word, comp in _SUFFIXES:
        if s.endswith(word):
            if comparator is not Comparator.EXACT and comparator is not comp:
                raise FigureError("figure.two_bounds", text=original)
            comparator, s = comp, s[: -len(word)]
            break
    neutral = ""
    for word in _NEUTRAL_PREFIXES:
        if s.startswith(word) and not s.startswith(word + "的"):
            s, neutral = s[len(word) :], word
            break

    sign, growth_word = 1.0, False
    for word in _UP_WORDS:
        if s.startswith(word):
            s, growth_word = s[len(word) :], True
            break
    else:
        for word in _DOWN_WORDS:
            if s.startswith(word):
                s, growth_word, sign = s[len(word) :], True, -1.0
                break
    if growth_word:
        for word, comp in _PREFIXES:
            if s.startswith(word):
                if comparator is not Comparator.EXACT and comparator is not comp:
                    raise FigureError("figure.two_bounds", text=original)  # 下降不超过10%以上
                comparator, s = comp, s[len(word) :]
                break
    if sign < 0 and comparator in (Comparator.AT_LEAST, Comparator.AT_MOST):
        # 下降10%以上 is a fall of 10% or more: a growth of at most −10%, not at least (以上,
        # 超过, 不超过, 以内 bound the size of the fall, the signed growth the other way)
        comparator = _FLIPPED[comparator]
    m = _DOUBLING_RE.match(s)
    if m and comparator is Comparator.EXACT and (neutral == "实现" or m.group(1).startswith("了")):
        # 实现翻番, 翻了一番: a doubling reached, at least ×2 (旅游总收入实现翻番，年均增长18%
        # is ×2.29)
        comparator = Comparator.AT_LEAST
    if estimated and comparator is Comparator.EXACT:
        comparator = Comparator.ABOUT
    if m:
        if sign < 0:
            raise FigureError("figure.decline_doubles", text=original)
        n = _doubling(m.group(1), original)
        # 翻一番以上 is at least ×2, not ×2: the bound or 约 stays with the figure
        return Figure(original, Kind.DOUBLING, float(n), 0.0, comparator, base_year=base_year)

    if s.endswith("倍"):
        kind = Kind.GROWTH_TIMES if growth_word else Kind.MULTIPLE
        body = s[:-1]
        if not growth_word and "的" in body:
            # 是2020年的2.4倍: the multiple is what follows the last 的, the year is its base
            head, body = body.rsplit("的", 1)
            if y := re.search(r"(\d{4})年", head):
                base_year = int(y.group(1))
            for word, comp in _PREFIXES:  # 是…的近5倍, 是2015年的约3.5倍
                if body.startswith(word):
                    # 预计 only widens an exact figure: 预计是…的约3.5倍 is 约
                    if comparator is not Comparator.EXACT and not (
                        estimated and comparator is Comparator.ABOUT
                    ):
                        raise FigureError("figure.two_bounds", text=original)
                    comparator, body = comp, body[len(word) :]
                    break
        value, half, dec = _number(body, original)
        if sign < 0:
            raise FigureError("figure.decline_times", text=original)  # 下降2倍: say it in %
        if kind is Kind.MULTIPLE and value <= 0:
            raise FigureError("figure.multiple_not_positive", text=original)
        since = {"base_year": base_year, "year_on_year": year_on_year}
        return Figure(original, kind, sign * value, half, comparator, decimals=dec, **since)

    since = {"base_year": base_year, "year_on_year": year_on_year}
    if s.endswith("%"):
        kind = Kind.GROWTH_PERCENT if growth_word else Kind.PERCENT
        body = _INNER_PERCENT_RE.sub("", s[:-1])  # 6%－7%: the range's first end's % too
        if r := _range(body, original, comparator, sign):
            return Figure(original, kind, *r[:2], Comparator.RANGE, None, *r[2:], **since)
        value, half, dec = _number(s[:-1], original)
        if sign < 0 and not 0 <= value <= 100:
            # 下降110%以上 falls below nothing, 下降-5% says a rise twice over
            raise FigureError("figure.decline_range", text=original)
        return Figure(original, kind, sign * value, half, comparator, decimals=dec, **since)

    head, unit_text = split_unit(s)
    if (base_year is not None or year_on_year) and not unit_text.endswith("百分点"):
        raise FigureError("figure.growth_since_unit", text=original)
    unit: Unit | None = None
    if unit_text:
        try:
            unit = parse_unit(unit_text)
        except UnitError:
            unit = None
    if unit is None:
        if (_NUMBER_RE.match(s) or _RANGE_RE.match(s)) and default_unit is not None:
            head, unit = s, default_unit
        elif _NUMBER_RE.match(s) or _RANGE_RE.match(s):
            raise FigureError("figure.no_unit", text=original, number=s)
        elif m := _LEADING_NUMBER_RE.match(s):
            raise _unknown_unit(original, m.group(1), m.group(2), default_unit)
        else:
            raise FigureError("figure.unreadable", text=original, forms=FORMS_HINT)
    if unit.dimension == "pp":
        if r := _range(head, original, comparator, sign):  # 提高0.5-1个百分点
            return Figure(original, Kind.POINTS, *r[:2], Comparator.RANGE, unit, *r[2:], **since)
        value, half, dec = _number(head, original)
        return Figure(original, Kind.POINTS, sign * value, half, comparator, unit, dec, **since)
    if growth_word:
        raise FigureError("figure.growth_in_unit", text=original, unit=str(unit))
    if r := _range(head, original, comparator):
        return Figure(original, Kind.AMOUNT, *r[:2], Comparator.RANGE, unit, *r[2:])
    if head.endswith(("多", "余")):  # 300多家, 1000余万元: more than the round number
        if comparator not in (Comparator.EXACT, Comparator.AT_LEAST):
            raise FigureError("figure.two_bounds", text=original)
        head, comparator = head[:-1], Comparator.AT_LEAST
    value, half, dec = _number(head, original)
    return Figure(original, Kind.AMOUNT, value, half, comparator, unit, dec)


def _unknown_unit(original: str, number: str, rest: str, default_unit: Unit | None) -> FigureError:
    """The error for an unknown unit; a bare magnitude (3.5万亿) gets the likely unit."""
    if rest in MAGNITUDES:
        base = default_unit.base if default_unit is not None and default_unit.base else "元"
        return FigureError(
            "figure.magnitude_no_unit", text=original, number=number, magnitude=rest, base=base
        )
    units = Message("units_hint")
    return FigureError("figure.unknown_unit", unit=rest, text=original, units=units)
