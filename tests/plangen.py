"""Plans consistent by construction, and plans with one relation made truly infeasible.

A consistent plan starts from true values — a base level, an annual rate, the path they give —
and writes every figure the way planners do, rounded: each written figure's interval (its
rounding, 约's width, a bound's open side) contains the true value, so no relation among the
figures can be impossible, and ezplan must report no error. Every figure form is used: levels
in 亿元, 万元 and 亿美元, annual rates, 增长X%, 增长X倍, 是…的X倍, 翻番, 约/左右 with the
default or a per-figure tolerance, 近, bounds (以上, 不低于, 超过, 以内), ranges (至), cumulative
sums, two currencies with a declared exchange rate, shares, parts of a whole, constant prices,
percentage points, declines, 比上年/比2020年, per-target periods, history and chained growth.

An inconsistent plan is a consistent one with one figure moved so far that the relation it
takes part in cannot hold for any values its figures allow — the check of that is done here,
with interval arithmetic written independently of ezplan — and ezplan must report an error on
that target.

Usage: `consistent_plan(random.Random(seed))`, `inconsistent_plan(random.Random(seed))`; both
return a `GeneratedPlan` with the two files' text.
"""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PERIODS = [(2021, 2025), (2016, 2020), (2021, 2030), (2026, 2030), (2021, 2023), (2011, 2015)]


@dataclass(frozen=True)
class Written:
    """A figure as written and the interval of values it allows (in the indicator's unit)."""

    text: str
    lo: float
    hi: float


def _digits(x: float, d: int) -> tuple[str, float]:
    text = f"{x:.{d}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text, float(text)


def exact(x: float, d: int, unit: str = "", scale: float = 1.0) -> Written:
    """x (in the indicator's unit) written with d decimals in a unit `scale` times smaller."""
    text, v = _digits(x * scale, d)
    h = 0.5 * 10.0**-d
    return Written(f"{text}{unit}", (v - h) / scale, (v + h) / scale)


def percent(r: float, d: int = 1, words: str = "") -> Written:
    """A rate r (a fraction) written as a percentage with d decimals; interval as a fraction."""
    text, v = _digits(r * 100, d)
    h = 0.5 * 10.0**-d
    return Written(f"{words}{text}%", (v - h) / 100, (v + h) / 100)


def q(text: str) -> str:
    """A YAML double-quoted string."""
    return json.dumps(text, ensure_ascii=False)


@dataclass
class GeneratedPlan:
    baselines: str
    targets: str
    forms: list[str] = field(default_factory=list)
    broken: set[str] = field(default_factory=set)  # ids that must get an error
    why: str = ""


class Gen:
    """Builds one plan: indicators in baselines.yaml, targets (and projects) in targets.yaml."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.start, self.end = rng.choice(PERIODS)
        self.base = self.start - 1
        self.n = self.end - self.base
        self.k = round(rng.uniform(6.2, 7.3), 2)  # 元 per 美元, declared
        self.indicators: list[str] = []
        self.targets: list[str] = []
        self.projects: list[str] = []
        self.forms: list[str] = []
        self.count = 0

    # -- helpers
    def new_id(self, stem: str) -> str:
        self.count += 1
        return f"{stem}_{self.count}"

    def level(self) -> float:
        return round(self.rng.uniform(10, 5000), 2)

    def rate(self, lo: float = -0.08, hi: float = 0.25) -> float:
        """A rate as planners write it: a whole number of tenths of a percent."""
        return round(self.rng.uniform(lo, hi) * 1000) / 1000

    def decimals(self) -> int:
        return self.rng.choice([0, 1, 1, 2, 2])

    def indicator(self, iid: str, name: str, unit: str, levels: dict[int, str], extra: str = ""):
        lv = ", ".join(f"{y}: {q(t)}" for y, t in sorted(levels.items()))
        self.indicators.append(
            f"  {iid}: {{name: {q(name)}, unit: {unit}, levels: {{{lv}}}{extra}}}"
        )

    def target(self, iid: str, body: dict[str, str]) -> None:
        self.targets.append(f"  {iid}:")
        self.targets += [f"    {k}: {v}" for k, v in body.items()]

    def text(self) -> tuple[str, str]:
        b = "indicators:\n" + "\n".join(self.indicators) + "\n" if self.indicators else "{}\n"
        t = (
            "plan:\n  name: 生成的规划\n"
            f"  period: {self.start}-{self.end}\n"
            f"  exchange_rate: {self.k:.2f}元\n"
            + ("targets:\n" + "\n".join(self.targets) + "\n" if self.targets else "targets: {}\n")
        )
        if self.projects:
            t += "projects:\n" + "\n".join(self.projects) + "\n"
        return b, t

    def about(self, x: float, d: int, tol: float = 0.05) -> Written:
        """约x': x' within tol of x, still allowing x after rounding (else x itself)."""
        for _ in range(10):
            u = self.rng.uniform(-0.8, 0.8) * tol
            w = exact(x * (1 + u), d)
            v = (w.lo + w.hi) / 2
            half = (w.hi - w.lo) / 2
            width = max(half, tol * abs(v))
            if v - width <= x <= v + width and abs(x - v) < 0.95 * width:
                return Written(w.text, v - width, v + width)
        w = exact(x, d)
        v = (w.lo + w.hi) / 2
        width = max((w.hi - w.lo) / 2, tol * abs(v))
        return Written(w.text, v - width, v + width)

    # -- the forms; each adds one target (or a few indicators) consistent by construction
    def level_rate(self) -> None:
        iid = self.new_id("sales")
        b, r = self.level(), self.rate()
        e = b * (1 + r) ** self.n
        unit, scale = self.rng.choice([("亿元", 1.0), ("万元", 1e4)])
        self.indicator(iid, f"销售额{iid}", "亿元", {self.base: exact(b, 2, unit, scale).text})
        level = exact(e, self.decimals(), unit, scale)
        self.target(iid, {"level": q(level.text), "annual": q(percent(r).text)})
        self.forms.append("level+annual")

    def level_total(self) -> None:
        iid = self.new_id("total")
        b, r = self.level(), self.rate(0.01, 0.25)
        factor = (1 + r) ** self.n
        e = b * factor
        self.indicator(iid, f"总额{iid}", "亿元", {self.base: exact(b, 2).text})
        kind = self.rng.choice(["pct", "times", "multiple", "reach", "since"])
        if kind == "pct":
            total = percent(factor - 1, 1, "增长").text
        elif kind == "times":
            total = f"增长{_digits(factor - 1, 2)[0]}倍"
        elif kind == "multiple":
            total = f"是{self.base}年的{_digits(factor, 2)[0]}倍"
        elif kind == "reach":
            total = f"达到{_digits(factor, 2)[0]}倍"
        else:
            total = percent(factor - 1, 1, f"比{self.base}年增长").text
        body = {"level": q(exact(e, self.decimals()).text), "total": q(total)}
        if self.rng.random() < 0.5:
            body["annual"] = q(percent(r).text)
        self.target(iid, body)
        self.forms.append(f"total-{kind}")

    def doubling(self) -> None:
        iid = self.new_id("double")
        k = self.rng.choice([1, 1, 2])
        b = self.level()
        r = 2.0 ** (k / self.n) - 1
        self.indicator(iid, f"翻番{iid}", "亿元", {self.base: exact(b, 2).text})
        words = {1: "翻一番", 2: "翻两番"}[k]
        if self.rng.random() < 0.3:
            words = f"比{self.base}年{words}"
        body = {"level": q(exact(b * 2**k, self.decimals()).text), "total": q(words)}
        if r < 0.4:
            body["annual"] = q(percent(r).text)
        self.target(iid, body)
        self.forms.append("doubling")

    def about_level(self) -> None:
        iid = self.new_id("about")
        b, r = self.level(), self.rate()
        e = b * (1 + r) ** self.n
        self.indicator(iid, f"约数{iid}", "亿元", {self.base: exact(b, 2).text})
        style = self.rng.choice(["约{}亿元", "{}亿元左右", "接近{}亿元", "tolerance"])
        if style == "tolerance":
            tol = self.rng.choice([0.03, 0.08, 0.1])
            w = self.about(e, self.decimals(), tol)
            value = f"{{value: {q('约' + w.text + '亿元')}, tolerance: {q(percent(tol, 0).text)}}}"
        else:
            w = self.about(e, self.decimals())
            value = q(style.format(w.text))
        self.target(iid, {"level": value, "annual": q(percent(r).text)})
        self.forms.append(f"about-{style[:2]}")

    def nearly_level(self) -> None:
        iid = self.new_id("nearly")
        b, r = self.level(), self.rate()
        e = b * (1 + r) ** self.n
        d = self.decimals()
        self.indicator(iid, f"近数{iid}", "亿元", {self.base: exact(b, 2).text})
        # 近x: from 5% below x up to x's rounding: write x a little above the true value
        w = exact(e * (1 + self.rng.uniform(0, 0.04)), d)
        v = (w.lo + w.hi) / 2
        if not (v - max(v * 0.05, (w.hi - w.lo) / 2) <= e <= w.hi):
            w = exact(e, d)
        self.target(iid, {"level": q(f"近{w.text}亿元"), "annual": q(percent(r).text)})
        self.forms.append("nearly")

    def bound(self) -> None:
        iid = self.new_id("bound")
        b, r = self.level(), self.rate()
        e = b * (1 + r) ** self.n
        self.indicator(iid, f"下限{iid}", "亿元", {self.base: exact(b, 2).text})
        d = self.decimals()
        body: dict[str, str] = {}
        which = self.rng.choice(["level-at-least", "level-at-most", "rate-at-least", "both"])
        if which in ("level-at-least", "both"):
            low = exact(e * (1 - self.rng.uniform(0, 0.2)), d)
            word = self.rng.choice(["{}亿元以上", "超过{}亿元", "不低于{}亿元", "突破{}亿元"])
            if low.lo > e:  # rounding went above the truth
                low = exact(math.floor(e * 10**d) / 10**d, d)
            body["level"] = q(word.format(low.text))
        elif which == "level-at-most":
            high = exact(e * (1 + self.rng.uniform(0, 0.2)), d)
            if high.hi < e:
                high = exact(math.ceil(e * 10**d) / 10**d, d)
            body["level"] = q(self.rng.choice(["{}亿元以内", "不超过{}亿元"]).format(high.text))
        else:
            body["level"] = q(exact(e, d).text + "亿元")
        if which in ("rate-at-least", "both"):
            low_r = math.floor((r - self.rng.uniform(0, 0.03)) * 1000) / 1000
            body["annual"] = q(self.rng.choice(["{}以上", "不低于{}"]).format(percent(low_r).text))
        else:
            body["annual"] = q(percent(r).text)
        self.target(iid, body)
        self.forms.append(f"bound-{which}")

    def range_level(self) -> None:
        iid = self.new_id("range")
        b, r = self.level(), self.rate()
        e = b * (1 + r) ** self.n
        self.indicator(iid, f"区间{iid}", "亿元", {self.base: exact(b, 2).text})
        lo = math.floor(e * (1 - self.rng.uniform(0, 0.1)))
        hi = math.ceil(e * (1 + self.rng.uniform(0, 0.1)))
        self.target(iid, {"level": q(f"{lo}至{hi}亿元"), "annual": q(percent(r).text)})
        self.forms.append("range")

    def cumulative(self) -> None:
        iid = self.new_id("cumul")
        b, r = self.level(), self.rate(0.0, 0.2)
        s = sum(b * (1 + r) ** t for t in range(1, self.n + 1))
        unit, scale = self.rng.choice([("亿元", 1.0), ("万元", 1e4)])
        self.indicator(iid, f"累计{iid}", "亿元", {self.base: exact(b, 2).text})
        body = {"cumulative": q(exact(s, self.decimals(), unit, scale).text)}
        body["annual"] = q(percent(r).text)
        self.target(iid, body)
        self.forms.append("cumulative")

    def two_currencies(self) -> None:
        iid = self.new_id("trade")
        b, r = self.level(), self.rate()
        e = b * (1 + r) ** self.n
        base_usd = exact(b / self.k * 1e4, 0, "万美元")  # 亿元 → 万美元 at the declared rate
        self.indicator(iid, f"进出口{iid}", "亿美元", {self.base: base_usd.text})
        cny = exact(e, self.rng.choice([1, 2]), "亿元")
        usd = exact(e / self.k, self.rng.choice([1, 2]), "亿美元")
        self.target(iid, {"level": f"[{q(cny.text)}, {q(usd.text)}]", "annual": q(percent(r).text)})
        self.forms.append("two-currencies")

    def share(self) -> None:
        whole, part = self.new_id("whole"), self.new_id("part")
        bw, rw = self.level(), self.rate(0.02, 0.15)
        ew = bw * (1 + rw) ** self.n
        s0, s1 = self.rng.uniform(0.1, 0.6), self.rng.uniform(0.1, 0.6)
        bp, ep = bw * s0, ew * s1
        self.indicator(whole, f"总量{whole}", "亿元", {self.base: exact(bw, 2).text})
        self.indicator(
            part,
            f"其中{part}",
            "亿元",
            {self.base: exact(bp, 3).text},
            f", shares: [{{of: {whole}, year: {self.base}, value: {q(percent(s0, 2).text)}}}]",
        )
        self.target(whole, {"level": q(exact(ew, 2).text), "annual": q(percent(rw).text)})
        share = percent(s1, 1).text
        if self.rng.random() < 0.3:
            share = percent(math.floor(s1 * 100) / 100, 0).text + "以上"
        self.target(
            part, {"level": q(exact(ep, 3).text), "share": f"{{of: {whole}, value: {q(share)}}}"}
        )
        self.forms.append("share")

    def parts(self) -> None:
        whole = self.new_id("whole")
        pids = [self.new_id("piece") for _ in range(self.rng.choice([2, 3]))]
        base = [self.level() for _ in pids]
        rates = [self.rate(0.0, 0.2) for _ in pids]
        ends = [b * (1 + r) ** self.n for b, r in zip(base, rates, strict=True)]
        self.indicator(
            whole,
            f"合计{whole}",
            "亿元",
            {self.base: exact(sum(base), 2).text},
            f", parts: [{', '.join(pids)}]",
        )
        for pid, b in zip(pids, base, strict=True):
            self.indicator(pid, f"分项{pid}", "亿元", {self.base: exact(b, 2).text})
        self.target(whole, {"level": q(exact(sum(ends), 1).text)})
        for pid, e, r in zip(pids, ends, rates, strict=True):
            self.target(pid, {"level": q(exact(e, 2).text), "annual": q(percent(r).text)})
        self.forms.append("parts")

    def constant_prices(self) -> None:
        iid = self.new_id("gdp")
        b, nominal = self.level(), self.rate(0.05, 0.12)
        real = nominal - self.rng.choice([0.02, 0.03, 0.04])
        e = b * (1 + nominal) ** self.n
        self.indicator(iid, f"地区生产总值{iid}", "亿元", {self.base: exact(b, 2).text})
        self.target(
            iid,
            {
                "level": q(exact(e, 0).text + "亿元"),
                "annual": q(percent(real).text),
                "constant_prices": "true",
            },
        )
        self.forms.append("constant-prices")

    def points(self) -> None:
        iid = self.new_id("ratio")
        p0 = round(self.rng.uniform(10, 60), 1)
        delta = round(self.rng.uniform(-5, 8), 1)
        self.indicator(iid, f"比重{iid}", "'%'", {self.base: f"{p0}%"})
        word = "提高" if delta >= 0 else "下降"
        self.target(
            iid, {"level": q(f"{p0 + delta:.1f}%"), "change": q(f"{word}{abs(delta):.1f}个百分点")}
        )
        self.forms.append("points")

    def decline(self) -> None:
        iid = self.new_id("energy")
        b, r = self.level(), self.rate(-0.15, -0.01)
        factor = (1 + r) ** self.n
        self.indicator(
            iid, f"能耗{iid}", "亿元", {self.base: exact(b, 2).text}, ", direction: down"
        )
        self.target(
            iid,
            {
                "level": q(exact(b * factor, 2).text),
                "total": q(percent(1 - factor, 1, "下降").text),
                "annual": q(percent(r).text),
            },
        )
        self.forms.append("decline")

    def own_period(self) -> None:
        iid = self.new_id("own")
        m = self.rng.choice([1, 2, 3])
        b, r = self.level(), self.rate()
        self.indicator(iid, f"分期{iid}", "亿元", {self.base: exact(b, 2).text})
        body = {"period": f"{self.start}-{self.start + m - 1}" if m > 1 else str(self.start)}
        body["level"] = q(exact(b * (1 + r) ** m, 2).text)
        if m == 1:
            body["total"] = q(percent(r, 1, self.rng.choice(["比上年增长", "同比增长"])).text)
        else:
            body["annual"] = q(percent(r).text)
        self.target(iid, body)
        self.forms.append("own-period")

    def history(self) -> None:
        """Levels and growth of the past: 4 years and the base year (chained), and a sum."""
        iid = self.new_id("past")
        b = self.level()
        g_last, r_past = self.rate(-0.1, 0.15), self.rate(0.0, 0.15)
        l_prev = b / (1 + g_last)
        l_first = l_prev / (1 + r_past) ** 4
        whole = (b / l_first) ** (1 / 5) - 1
        y0 = self.base - 5
        growth = (
            f"[{{period: {y0 + 1}-{y0 + 4}, annual: {q(percent(r_past).text)}, "
            f"total: {q(percent((1 + r_past) ** 4 - 1, 1, '增长').text)}}}, "
            f"{{period: {self.base}, total: {q(percent(g_last, 1, '增长').text)}}}, "
            f"{{period: {y0 + 1}-{self.base}, annual: {q(percent(whole, 2).text)}}}]"
        )
        levels = {y0: exact(l_first, 2).text, self.base - 1: exact(l_prev, 2).text}
        levels[self.base] = exact(b, 2).text
        # a sum with a stated annual rate is read as growing evenly at it (累计法): the sum at
        # the whole period's rate, not the uneven path's
        even = sum(l_first * (1 + whole) ** t for t in range(1, 6))
        cumulative = f"[{{period: {y0 + 1}-{self.base}, value: {q(exact(even, 1).text)}}}]"
        self.indicator(
            iid,
            f"历史{iid}",
            "亿元",
            levels,
            f", growth: {growth}, cumulative: {cumulative}",
        )
        r = self.rate()
        self.target(
            iid,
            {"level": q(exact(b * (1 + r) ** self.n, 1).text), "annual": q(percent(r).text)},
        )
        self.forms.append("history")

    def project(self) -> None:
        iid = self.new_id("zone")
        lo = self.rng.randint(1, 5)
        self.projects.append(
            f"  {iid}: {{name: {q('项目' + iid)}, unit: 个, value: {q(f'{lo}至{lo + 4}个')}}}"
        )
        self.forms.append("project")

    FORMS = (
        "level_rate",
        "level_total",
        "doubling",
        "about_level",
        "nearly_level",
        "bound",
        "range_level",
        "cumulative",
        "two_currencies",
        "share",
        "parts",
        "constant_prices",
        "points",
        "decline",
        "own_period",
        "history",
        "project",
    )


def consistent_plan(rng: random.Random, size: int | None = None) -> GeneratedPlan:
    g = Gen(rng)
    for _ in range(size or rng.randint(3, 10)):
        getattr(g, rng.choice(Gen.FORMS))()
    b, t = g.text()
    return GeneratedPlan(b, t, g.forms)


# --- inconsistent: one relation moved beyond what any value of its figures allows ---------------


def _disjoint(a: tuple[float, float], b: tuple[float, float], margin: float = 1e-6) -> bool:
    """The two intervals have no value in common, by more than a relative margin."""
    scale = max(abs(a[0]), abs(a[1]), abs(b[0]), abs(b[1]), 1e-12)
    return a[1] < b[0] - margin * scale or b[1] < a[0] - margin * scale


def _moved(rng: random.Random, x: float) -> float:
    """x moved by 3% to 60%, up or down."""
    return x * (1 + rng.choice([-1, 1]) * rng.uniform(0.03, 0.6))


def inconsistent_plan(rng: random.Random) -> GeneratedPlan:
    """A consistent plan and one target whose figures cannot all hold; `broken` names it."""
    for _ in range(100):
        g = Gen(rng)
        for _ in range(rng.randint(0, 4)):
            getattr(g, rng.choice(Gen.FORMS))()
        kind = rng.choice(BROKEN)
        made = kind(g, rng)
        if made is not None:
            broken, why = made
            b, t = g.text()
            return GeneratedPlan(b, t, g.forms, broken, why)
    raise AssertionError("no infeasible change found")  # pragma: no cover


def _broken_level_rate(g: Gen, rng: random.Random) -> tuple[set[str], str] | None:
    iid = g.new_id("bad")
    b, r = g.level(), g.rate()
    bw, rw = exact(b, 2), percent(r)
    end = exact(_moved(rng, b * (1 + r) ** g.n), g.decimals())
    reach = (bw.lo * (1 + rw.lo) ** g.n, bw.hi * (1 + rw.hi) ** g.n)
    if not _disjoint(reach, (end.lo, end.hi)):
        return None
    g.indicator(iid, f"错{iid}", "亿元", {g.base: bw.text + "亿元"})
    g.target(iid, {"level": q(end.text + "亿元"), "annual": q(rw.text)})
    return {iid}, f"level-rate: {bw.text} at {rw.text} for {g.n} years is not {end.text}"


def _broken_level_total(g: Gen, rng: random.Random) -> tuple[set[str], str] | None:
    iid = g.new_id("bad")
    b, r = g.level(), g.rate(0.01, 0.25)
    bw = exact(b, 2)
    end = exact(b * (1 + r) ** g.n, 1)
    factor = _moved(rng, (1 + r) ** g.n)
    if factor <= 1.05:
        return None
    total = percent(factor - 1, 1, "增长")
    allowed = (1 + total.lo, 1 + total.hi)
    if not _disjoint((end.lo / bw.hi, end.hi / bw.lo), allowed):
        return None
    g.indicator(iid, f"错{iid}", "亿元", {g.base: bw.text + "亿元"})
    g.target(iid, {"level": q(end.text + "亿元"), "total": q(total.text)})
    return {iid}, f"level-growth: {bw.text} → {end.text} is not {total.text}"


def _broken_growth_rate(g: Gen, rng: random.Random) -> tuple[set[str], str] | None:
    if g.n < 2:
        return None
    iid = g.new_id("bad")
    r = g.rate(0.01, 0.25)
    rw = percent(r)
    total = percent(_moved(rng, (1 + r) ** g.n) - 1, 1, "增长")
    if not _disjoint(((1 + rw.lo) ** g.n, (1 + rw.hi) ** g.n), (1 + total.lo, 1 + total.hi)):
        return None
    g.indicator(iid, f"错{iid}", "亿元", {})
    g.target(iid, {"annual": q(rw.text), "total": q(total.text)})
    return {iid}, f"growth-rate: {rw.text} for {g.n} years is not {total.text}"


def _broken_doubling(g: Gen, rng: random.Random) -> tuple[set[str], str] | None:
    iid = g.new_id("bad")
    b = g.level()
    bw = exact(b, 2)
    end = exact(_moved(rng, 2 * b), 1)
    if not _disjoint((end.lo / bw.hi, end.hi / bw.lo), (2.0, 2.0)):
        return None
    g.indicator(iid, f"错{iid}", "亿元", {g.base: bw.text + "亿元"})
    g.target(iid, {"level": q(end.text + "亿元"), "total": q("翻一番")})
    return {iid}, f"level-growth: {bw.text} → {end.text} is not ×2"


def _broken_about(g: Gen, rng: random.Random) -> tuple[set[str], str] | None:
    iid = g.new_id("bad")
    b, r = g.level(), g.rate()
    bw, rw = exact(b, 2), percent(r)
    e = b * (1 + r) ** g.n
    w = exact(e * (1 + rng.choice([-1, 1]) * rng.uniform(0.08, 0.5)), 1)
    v = (w.lo + w.hi) / 2
    width = max((w.hi - w.lo) / 2, 0.05 * abs(v))
    reach = (bw.lo * (1 + rw.lo) ** g.n, bw.hi * (1 + rw.hi) ** g.n)
    if not _disjoint(reach, (v - width, v + width)):
        return None
    g.indicator(iid, f"错{iid}", "亿元", {g.base: bw.text + "亿元"})
    g.target(iid, {"level": q(f"约{w.text}亿元"), "annual": q(rw.text)})
    return {iid}, f"level-rate: {bw.text} at {rw.text} is not about {w.text}"


def _broken_cumulative(g: Gen, rng: random.Random) -> tuple[set[str], str] | None:
    iid = g.new_id("bad")
    b, r = g.level(), g.rate(0.0, 0.2)
    bw, rw = exact(b, 2), percent(r)
    s = exact(_moved(rng, sum(b * (1 + r) ** t for t in range(1, g.n + 1))), 1)

    def total(base: float, rate: float) -> float:
        return sum(base * (1 + rate) ** t for t in range(1, g.n + 1))

    reach = (total(bw.lo, rw.lo), total(bw.hi, rw.hi))
    if not _disjoint(reach, (s.lo, s.hi)):
        return None
    g.indicator(iid, f"错{iid}", "亿元", {g.base: bw.text + "亿元"})
    g.target(iid, {"cumulative": q(s.text + "亿元"), "annual": q(rw.text)})
    return {iid}, f"cumulative: {bw.text} at {rw.text} does not sum to {s.text}"


def _broken_currency(g: Gen, rng: random.Random) -> tuple[set[str], str] | None:
    iid = g.new_id("bad")
    e = g.level()
    cny = exact(e, 1)
    usd = exact(_moved(rng, e / g.k), 2)
    declared = (g.k - 0.005, g.k + 0.005)
    if not _disjoint((cny.lo / usd.hi, cny.hi / usd.lo), declared):
        return None
    g.indicator(iid, f"错{iid}", "亿元", {})
    g.target(iid, {"level": f"[{q(cny.text + '亿元')}, {q(usd.text + '亿美元')}]"})
    return {iid}, f"currency: {cny.text}亿元 = {usd.text}亿美元 is not at {g.k}"


def _broken_part(g: Gen, rng: random.Random) -> tuple[set[str], str] | None:
    whole, part = g.new_id("bad"), g.new_id("bad")
    w = g.level()
    ww = exact(w, 1)
    pw = exact(w * rng.uniform(1.03, 2.0), 1)
    if not pw.lo > ww.hi * (1 + 1e-6):
        return None
    g.indicator(whole, f"错{whole}", "亿元", {g.base: ww.text + "亿元"})
    g.indicator(part, f"错{part}", "亿元", {g.base: pw.text + "亿元"}, f", part_of: {whole}")
    g.target(whole, {"level": q(exact(w * 1.1, 1).text + "亿元")})
    return {whole, part}, f"part-whole: {pw.text} is larger than {ww.text}"


def _broken_share(g: Gen, rng: random.Random) -> tuple[set[str], str] | None:
    whole, part = g.new_id("bad"), g.new_id("bad")
    ew, s = g.level(), rng.uniform(0.1, 0.6)
    eww, epw = exact(ew, 2), exact(ew * s, 2)
    share = percent(min(_moved(rng, s), 0.99), 1)
    if not _disjoint((epw.lo / eww.hi, epw.hi / eww.lo), (share.lo, share.hi)):
        return None
    g.indicator(whole, f"错{whole}", "亿元", {})
    g.indicator(part, f"错{part}", "亿元", {})
    g.target(whole, {"level": q(eww.text + "亿元")})
    g.target(
        part, {"level": q(epw.text + "亿元"), "share": f"{{of: {whole}, value: {q(share.text)}}}"}
    )
    return {whole, part}, f"share: {epw.text} of {eww.text} is not {share.text}"


def _broken_points(g: Gen, rng: random.Random) -> tuple[set[str], str] | None:
    iid = g.new_id("bad")
    p0, delta = round(rng.uniform(10, 60), 1), round(rng.uniform(-5, 8), 1)
    p1 = p0 + delta
    stated = delta + rng.choice([-1, 1]) * rng.uniform(0.3, 3)
    said = f"{abs(stated):.1f}"
    lo, hi = float(said) - 0.05, float(said) + 0.05
    if stated < 0:
        lo, hi = -hi, -lo
    if not _disjoint((p1 - 0.05 - (p0 + 0.05), p1 + 0.05 - (p0 - 0.05)), (lo, hi)):
        return None
    g.indicator(iid, f"错{iid}", "'%'", {g.base: f"{p0}%"})
    word = "提高" if stated >= 0 else "下降"
    g.target(iid, {"level": q(f"{p1:.1f}%"), "change": q(f"{word}{said}个百分点")})
    return {iid}, f"points: {p0}% → {p1:.1f}% is not {word}{said}"


BROKEN = [
    _broken_level_rate,
    _broken_level_total,
    _broken_growth_rate,
    _broken_doubling,
    _broken_about,
    _broken_cumulative,
    _broken_currency,
    _broken_part,
    _broken_share,
    _broken_points,
]


def write_mixed_plans(root: Path, count: int) -> list[Path]:
    """`count` generated plans under `root` (p00, p01 …), inconsistent and consistent in turn
    (seed k makes plan k), for tests that run many plans through one path."""
    out = []
    for seed in range(count):
        g = (consistent_plan if seed % 2 else inconsistent_plan)(random.Random(seed))
        d = root / f"p{seed:02d}"
        d.mkdir()
        (d / "baselines.yaml").write_text(g.baselines, encoding="utf-8")
        (d / "targets.yaml").write_text(g.targets, encoding="utf-8")
        out.append(d)
    return out


def write_unreadable_plan(directory: Path) -> Path:
    """A plan whose baselines are not YAML (an unclosed list): it cannot be read."""
    directory.mkdir()
    (directory / "baselines.yaml").write_text("indicators: [\n", encoding="utf-8")
    (directory / "targets.yaml").write_text("targets: {}\n", encoding="utf-8")
    return directory


def streamed_and_written(args: list[str], out: Path) -> tuple[Any, str]:
    """`ezplan ARGS` run twice as a file is written (120 columns, no colour): to stdout, and
    with `-o out`; the first run and what the second wrote. A plan that cannot be read is
    expected among the plans: both end with exit code 2 and say the same on stderr."""
    cmd = [sys.executable, "-m", "ezplan", *args]
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    streamed = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    whole = subprocess.run(
        [*cmd, "-o", str(out)], capture_output=True, text=True, timeout=300, env=env
    )
    assert streamed.returncode == whole.returncode == 2
    assert streamed.stderr == whole.stderr
    return streamed, out.read_text(encoding="utf-8")
