#!/usr/bin/python3
"""Reference values for OutcomeLedger's statistics, computed independently with scipy and statsmodels.

Usage:
  /usr/bin/python3 generate.py                 writes golden.json beside this script (fixed series)
  /usr/bin/python3 generate.py --live SEED     prints the same document for seeded random series

Needs Debian's python3-numpy, python3-scipy and python3-statsmodels. The C# tests read golden.json and
compare with tight tolerances; the live test runs this script with a seed when the modules are present.

Mann-Kendall is computed here from the textbook formulas (Gilbert 1987, ch. 16): S, Var(S) with the
tie correction, Z with the continuity correction, two-sided normal p; S is cross-checked against
scipy.stats.kendalltau. Sen's slope and its interval come from scipy.stats.theilslopes. The seasonal
forms (Hirsch, Slack and Smith 1982) are computed here. The interrupted time series is
statsmodels OLS with cov_type='HAC' (Bartlett kernel).
"""
import json
import math
import os
import sys

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
import statsmodels.api as sm


def month_ordinal(ym):
    y, m = ym.split("-")
    return int(y) * 12 + int(m) - 1


def ym_of(ordinal):
    return "%04d-%02d" % (ordinal // 12, ordinal % 12 + 1)


def mk_statistic(values):
    n = len(values)
    s = 0
    for i in range(n - 1):
        for j in range(i + 1, n):
            s += int(np.sign(values[j] - values[i]))
    _, counts = np.unique(values, return_counts=True)
    var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in counts)) / 18.0
    return s, var


def mk_standardise(s, var):
    if s == 0 or var <= 0:
        return 0.0, 1.0
    z = (s - 1) / math.sqrt(var) if s > 0 else (s + 1) / math.sqrt(var)
    return z, 2 * st.norm.sf(abs(z))


def mann_kendall(values):
    s, var = mk_statistic(values)
    # Cross-check S with scipy: tau-b = S / sqrt((n0 - n1)(n0 - n2)), no ties in time.
    n = len(values)
    n0 = n * (n - 1) / 2
    _, counts = np.unique(values, return_counts=True)
    n2 = sum(t * (t - 1) / 2 for t in counts)
    tau = st.kendalltau(np.arange(n), values).correlation
    if n0 - n2 > 0:
        assert abs(tau * math.sqrt(n0 * (n0 - n2)) - s) < 1e-6, (tau, s)
    z, p = mk_standardise(s, var)
    return {"s": s, "varS": var, "z": z, "p": p}


def sen(times, values):
    r = st.theilslopes(values, times, alpha=0.95)
    return {"slope": r[0], "intercept": r[1], "lower": r[2], "upper": r[3]}


def seasons(months, values):
    by = {}
    for mo, v in zip(months, values):
        by.setdefault(mo % 12, []).append((mo, v))
    return by


def seasonal_mann_kendall(months, values):
    s_total, var_total, used = 0, 0.0, 0
    for obs in seasons(months, values).values():
        if len(obs) < 2:
            continue
        s, var = mk_statistic(np.array([v for _, v in obs]))
        s_total += s
        var_total += var
        used += 1
    z, p = mk_standardise(s_total, var_total)
    return {"s": s_total, "varS": var_total, "z": z, "p": p, "seasons": used}


def seasonal_sen(months, values):
    slopes, var_total = [], 0.0
    for obs in seasons(months, values).values():
        if len(obs) < 2:
            continue
        for i in range(len(obs) - 1):
            for j in range(i + 1, len(obs)):
                slopes.append((obs[j][1] - obs[i][1]) / (obs[j][0] - obs[i][0]))
        var_total += mk_statistic(np.array([v for _, v in obs]))[1]
    slopes = np.sort(np.array(slopes))
    n = len(slopes)
    c = st.norm.ppf(0.975) * math.sqrt(var_total)
    lo = max(int(np.round((n - c) / 2.0)) - 1, 0)
    hi = min(int(np.round((n + c) / 2.0)), n - 1)
    return {"slope": float(np.median(slopes)), "lower": float(slopes[lo]), "upper": float(slopes[hi]), "pairs": n}


def its(months, values, intervention, month_effects, lag, use_t, correction):
    origin = months[0]
    t = np.array([m - origin for m in months], dtype=float)
    t0 = intervention - origin
    post = (t >= t0).astype(float)
    columns = [np.ones_like(t), t, post, (t - t0) * post]
    present = sorted({m % 12 for m in months})
    dummy_months = [c for c in range(1, 12) if c in present] if month_effects else []
    for c in dummy_months:
        columns.append(np.array([1.0 if m % 12 == c else 0.0 for m in months]))
    X = np.column_stack(columns)
    y = np.asarray(values, dtype=float)
    res = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": lag, "use_correction": correction}, use_t=use_t)
    k = X.shape[1]
    T = t[-1]
    a = np.zeros(k)
    a[2], a[3] = 1.0, T - t0
    c = X[-1].copy()
    c[2], c[3] = 0.0, 0.0
    tt = res.t_test(a)
    change = float(np.squeeze(tt.effect))
    change_se = float(np.squeeze(tt.sd))
    ci = np.squeeze(tt.conf_int(alpha=0.05))
    cf = float(c @ res.params)
    cov = res.cov_params()
    grad = 100 * (a / cf - change * c / cf ** 2)
    ci_params = res.conf_int(alpha=0.05)
    return {
        "monthEffects": month_effects,
        "lag": lag,
        "useT": use_t,
        "correction": correction,
        "df": int(res.df_resid),
        "params": res.params.tolist(),
        "bse": res.bse.tolist(),
        "pvalues": res.pvalues.tolist(),
        "lower": ci_params[:, 0].tolist(),
        "upper": ci_params[:, 1].tolist(),
        "change": change,
        "changeSe": change_se,
        "changeLower": float(ci[0]),
        "changeUpper": float(ci[1]),
        "changeP": float(np.squeeze(tt.pvalue)),
        "counterfactual": cf,
        "percent": 100 * change / cf,
        "percentSe": float(math.sqrt(grad @ cov @ grad)),
    }


def default_lag(n):
    return int(np.floor(4 * (n / 100.0) ** (2.0 / 9.0)))


def describe(name, months, values, seasonal, intervention=None, its_configs=()):
    values = [float(v) for v in values]
    arr = np.array(values)
    entry = {"name": name, "months": [ym_of(m) for m in months], "values": values}
    n = len(values)
    times = [m - months[0] for m in months]
    if n >= 10:
        entry["mannKendall"] = mann_kendall(arr)
        entry["sen"] = sen(np.array(times, dtype=float), arr)
    if seasonal:
        entry["seasonalMannKendall"] = seasonal_mann_kendall(months, arr)
        entry["seasonalSen"] = seasonal_sen(months, arr)
    if intervention is not None:
        entry["intervention"] = intervention
        ordinal = month_ordinal(intervention)
        entry["its"] = [its(months, values, ordinal, me, lag if lag is not None else default_lag(n), ut, corr)
                        for (me, lag, ut, corr) in its_configs]
    return entry


def consecutive(start, n):
    o = month_ordinal(start)
    return list(range(o, o + n))


# The four option sets the C# tests exercise: (month effects, lag or None for the default rule, use_t, n/(n-k)).
DEFAULTS = (True, None, True, True)
STATSMODELS_DEFAULT = (True, None, False, False)
NO_SEASON = (False, None, True, True)
LAG2_NORMAL = (False, 2, False, True)


def fixed_series():
    out = []
    # EPA QA/G-9S (2006) Mann-Kendall example: ties of four 10s and two 15s.
    epa = [10, 10, 10, 5, 10, 20, 18, 17, 15, 24, 15]
    out.append(describe("epa-g9s-ties", consecutive("2020-01", len(epa)), epa, False))

    rng = np.random.default_rng(20260101)
    ties = rng.integers(0, 6, size=30)
    out.append(describe("integer-ties", consecutive("2021-01", 30), ties, False))

    # Seasonal monthly series: trend 5/month, season amplitude 50, noise sd 10; intervention at month 36.
    t = np.arange(60)
    seasonal = np.round(1000 + 5 * t + 50 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 10, 60), 1)
    seasonal[36:] -= np.round(30 + 4 * (t[36:] - 36), 1)
    out.append(describe("seasonal-60", consecutive("2019-01", 60), seasonal, True, ym_of(month_ordinal("2019-01") + 36),
                        [DEFAULTS, STATSMODELS_DEFAULT, NO_SEASON, LAG2_NORMAL]))

    short = [5.0, 7.0, 6.0, 8.0, 9.0, 7.5, 10.0, 11.0]
    out.append(describe("short-8", consecutive("2024-01", 8), short, False))

    # Real-data-like: monthly overdose-death-like counts 2019-2024, rising, then falling after 2023-07.
    t = np.arange(72)
    level = 5200 + 45 * t + 350 * np.cos(2 * np.pi * (t - 2) / 12)
    after = t >= 54
    level[after] -= 120 + 160 * (t[after] - 54)
    counts = np.round(level + rng.normal(0, 120, 72)).astype(int)
    out.append(describe("overdose-like-72", consecutive("2019-01", 72), counts, True, "2023-07",
                        [DEFAULTS, STATSMODELS_DEFAULT, NO_SEASON]))

    # A series with gaps: months 2020-01..2022-12 with five months missing.
    months = consecutive("2020-01", 36)
    for drop in (4, 11, 17, 25, 30):
        months.remove(month_ordinal("2020-01") + drop)
    gap_values = np.round(300 - 2.5 * (np.array(months) - months[0]) + rng.normal(0, 8, len(months)), 2)
    out.append(describe("gaps-31", months, gap_values, False, "2021-07", [NO_SEASON, LAG2_NORMAL]))
    return out


def live_series(seed):
    rng = np.random.default_rng(seed)
    out = []
    for i in range(3):
        n = int(rng.integers(40, 85))
        t = np.arange(n)
        t0 = int(rng.integers(15, n - 15))
        y = (rng.uniform(100, 1000) + rng.uniform(-3, 3) * t + rng.uniform(0, 80) * np.sin(2 * np.pi * t / 12)
             + rng.normal(0, rng.uniform(5, 40), n))
        y[t0:] += rng.uniform(-60, 60) + rng.uniform(-4, 4) * (t[t0:] - t0)
        y = np.round(y, 3)
        start = "20%02d-%02d" % (10 + i, 1 + int(rng.integers(0, 12)))
        months = consecutive(start, n)
        out.append(describe("live-%d-%d" % (seed, i), months, y, True, ym_of(months[t0]),
                            [DEFAULTS, STATSMODELS_DEFAULT, NO_SEASON, LAG2_NORMAL]))
    return out


def document(series):
    return {
        "generator": "tests/OutcomeLedger.Core.Tests/Evaluation/Statistics/reference/generate.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "series": series,
    }


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--live":
        json.dump(document(live_series(int(sys.argv[2]))), sys.stdout, indent=1)
        return
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document(fixed_series()), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
