#!/usr/bin/python3
"""Known answers for src/core/stats, computed with Debian's scipy and statsmodels.

Run from the repository root:  /usr/bin/python3 src/core/stats/reference/stats_reference.py
It prints one JSON document; its output is kept beside it as stats_reference.json and the Vitest
tests (src/core/stats/*.test.ts) compare the TypeScript functions to it.
"""
import csv
import json
import math
import os
import sys

import numpy as np
import scipy
import statsmodels
from scipy import stats
from scipy.optimize import brentq
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import (confint_proportions_2indep, power_proportions_2indep,
                                          proportions_ztest, samplesize_proportions_2indep_onetail)
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

HERE = os.path.dirname(os.path.abspath(__file__))
HILLSTROM = os.path.join(HERE, '../../../../../shared/data/hillstrom/'
                         'Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv')


def pilot_sizes():
    cases = [
        (0.05, 0.01, 0.05, 0.8, 0.5), (0.05, 0.01, 0.05, 0.8, 0.1), (0.02, 0.005, 0.05, 0.9, 0.2),
        (0.3, -0.05, 0.01, 0.8, 0.5), (0.006, 0.003, 0.05, 0.8, 0.15), (0.1, 0.02, 0.1, 0.95, 0.3),
    ]
    out = []
    for baseline, uplift, alpha, power, share in cases:
        ratio = share / (1 - share)  # statsmodels: nobs2 (control) = ratio * nobs1 (target)
        target = samplesize_proportions_2indep_onetail(uplift, baseline, power, ratio=ratio, alpha=alpha,
                                                       alternative='two-sided')
        out.append(dict(baseline=baseline, uplift=uplift, alpha=alpha, power=power, control_share=share,
                        target_exact=float(target), control_exact=float(ratio * target)))
    return out


def detectable_uplifts():
    cases = [(8158, 8158, 0.05, 0.05, 0.8), (41855, 4651, 0.05, 0.05, 0.8), (900, 100, 0.2, 0.05, 0.8),
             (21307, 21306, 0.106, 0.05, 0.9), (5000, 1000, 0.01, 0.1, 0.8)]
    out = []
    for target, control, baseline, alpha, power in cases:
        def gap(diff):
            return power_proportions_2indep(diff, baseline, target, ratio=control / target, alpha=alpha,
                                            alternative='two-sided', return_results=False) - power
        uplift = brentq(gap, 1e-9, 1 - baseline - 1e-9, xtol=1e-14)
        out.append(dict(target=target, control=control, baseline=baseline, alpha=alpha, power=power, uplift=uplift))
    return out


def comparisons(hillstrom):
    # Newcombe (1998) Table II examples (a)–(h), Hillstrom's men's e-mail visits and a few more.
    cases = [(56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29), (0, 10, 0, 20), (0, 10, 0, 10),
             (10, 10, 0, 20), (10, 10, 0, 10), (hillstrom['mens']['visit'], hillstrom['mens']['n'],
                                                  hillstrom['control']['visit'], hillstrom['control']['n']),
             (hillstrom['mens']['conversion'], hillstrom['mens']['n'],
              hillstrom['control']['conversion'], hillstrom['control']['n']),
             (30, 1000, 18, 1000), (3, 400, 1, 100)]
    out = []
    for xt, nt, xc, nc in cases:
        lo, hi = confint_proportions_2indep(xt, nt, xc, nc, method='newcomb', compare='diff', alpha=0.05)
        wald = confint_proportions_2indep(xt, nt, xc, nc, method='wald', compare='diff', alpha=0.05)
        if 0 < xt + xc < nt + nc:
            z, p_z = proportions_ztest([xt, xc], [nt, nc])
        else:
            z, p_z = 0.0, 1.0
        _, p_fisher = stats.fisher_exact([[xt, nt - xt], [xc, nc - xc]])
        ratio = (list(confint_proportions_2indep(xt, nt, xc, nc, method='log', compare='ratio', alpha=0.05))
                 if xt > 0 and xc > 0 else None)
        out.append(dict(target_x=xt, target_n=nt, control_x=xc, control_n=nc, uplift=xt / nt - xc / nc,
                        newcombe=[lo, hi], ratio_log=ratio, wald=list(wald), z=float(z), p_z=float(p_z), p_fisher=float(p_fisher)))
    return out


def fisher_tables():
    # Agresti's tea tasting (Categorical Data Analysis, §3.5.1) and scipy's documentation example.
    tables = [[[3, 1], [1, 3]], [[1, 9], [11, 3]], [[8, 2], [1, 5]], [[0, 5], [5, 0]], [[2, 98], [9, 91]],
              [[12, 5], [3, 14]], [[0, 1000], [4, 996]]]
    return [dict(table=t, p=float(stats.fisher_exact(t)[1])) for t in tables]


def read_hillstrom():
    arms = {'Mens E-Mail': 'mens', 'Womens E-Mail': 'womens', 'No E-Mail': 'control'}
    rows = {name: dict(visit=[], conversion=[], spend=[], history=[]) for name in arms.values()}
    with open(HILLSTROM, newline='') as f:
        for row in csv.DictReader(f):
            arm = rows[arms[row['segment']]]
            for column in ('visit', 'conversion', 'spend', 'history'):
                arm[column].append(float(row[column]))
    out = {}
    for name, arm in rows.items():
        out[name] = dict(n=len(arm['visit']), visit=int(sum(arm['visit'])), conversion=int(sum(arm['conversion'])))
        out[name]['arrays'] = {k: np.array(v) for k, v in arm.items()}
    return out


def summary(values, covariate=None):
    d = dict(n=len(values), mean=float(np.mean(values)), variance=float(np.var(values, ddof=1)))
    if covariate is not None:
        d.update(mean_x=float(np.mean(covariate)), variance_x=float(np.var(covariate, ddof=1)),
                 covariance=float(np.cov(values, covariate, ddof=1)[0, 1]))
    return d


def welch(a, b, alpha=0.05):
    compare = CompareMeans(DescrStatsW(a), DescrStatsW(b))
    t, p, df = compare.ttest_ind(usevar='unequal')
    lo, hi = compare.tconfint_diff(alpha=alpha, usevar='unequal')
    scipy_t = stats.ttest_ind(a, b, equal_var=False)
    assert abs(scipy_t.pvalue - p) < 1e-12
    return dict(difference=float(np.mean(a) - np.mean(b)), t=float(t), df=float(df), p=float(p), ci=[float(lo), float(hi)])


def welch_cases(hillstrom):
    mens, control = hillstrom['mens']['arrays'], hillstrom['control']['arrays']
    small_a = np.array([27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4])
    small_b = np.array([27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4])
    return [
        dict(name='hillstrom spend, mens vs no e-mail', target=summary(mens['spend']), control=summary(control['spend']),
             **welch(mens['spend'], control['spend'])),
        dict(name='fifteen against fifteen', target=summary(small_a), control=summary(small_b), **welch(small_a, small_b)),
        dict(name='four against nine', target=summary(small_a[:4]), control=summary(small_b[:9]),
             **welch(small_a[:4], small_b[:9])),
    ]


def cuped_cases(hillstrom):
    # Hillstrom's spend with the pre-period `history` as the covariate (a weak one), and a synthetic
    # balance whose pre-period value explains most of it (seeded, so the summaries are fixed).
    rng = np.random.default_rng(20261202)
    x_t, x_c = rng.gamma(2.0, 5000.0, 3000), rng.gamma(2.0, 5000.0, 1000)
    y_t = 0.9 * x_t + rng.normal(300.0, 2000.0, 3000)
    y_c = 0.9 * x_c + rng.normal(0.0, 2000.0, 1000)
    return [dict(name='hillstrom spend, mens vs no e-mail, history as covariate',
                 **cuped_case(hillstrom['mens']['arrays']['spend'], hillstrom['mens']['arrays']['history'],
                              hillstrom['control']['arrays']['spend'], hillstrom['control']['arrays']['history'])),
            dict(name='synthetic balances, 3000 against 1000', **cuped_case(y_t, x_t, y_c, x_c))]


def cuped_case(y_t, x_t, y_c, x_c, alpha=0.05):
    y, x = np.concatenate([y_t, y_c]), np.concatenate([x_t, x_c])
    theta = np.cov(y, x, ddof=1)[0, 1] / np.var(x, ddof=1)  # pooled over both groups (Deng et al. 2013)
    adjusted_t = y_t - theta * (x_t - x.mean())
    adjusted_c = y_c - theta * (x_c - x.mean())
    before, after = welch(y_t, y_c, alpha), welch(adjusted_t, adjusted_c, alpha)
    var_before = np.var(y_t, ddof=1) / len(y_t) + np.var(y_c, ddof=1) / len(y_c)
    var_after = np.var(adjusted_t, ddof=1) / len(y_t) + np.var(adjusted_c, ddof=1) / len(y_c)
    return dict(target=summary(y_t, x_t), control=summary(y_c, x_c), theta=float(theta), before=before, after=after,
                variance_reduction=float(1 - var_after / var_before),
                width_ratio=float((after['ci'][1] - after['ci'][0]) / (before['ci'][1] - before['ci'][0])))


def srm_cases(hillstrom):
    cases = [([hillstrom['mens']['n'], hillstrom['control']['n']], 0.5), ([41855, 4651], 0.1),
             ([9000, 1000], 0.1), ([9200, 800], 0.1), ([5100, 4900], 0.5), ([50500, 49500], 0.5), ([10, 2], 0.5)]
    out = []
    for counts, share in cases:
        total = sum(counts)
        expected = [total * (1 - share), total * share]
        chi2, p = stats.chisquare(counts, f_exp=expected)
        out.append(dict(target=counts[0], control=counts[1], control_share=share, chi2=float(chi2), p=float(p)))
    return out


def holm_cases():
    sets = [[0.01, 0.04, 0.03], [0.012, 0.04, 0.30], [0.2], [0.001, 0.002, 0.003, 0.9], [0.04, 0.01, 0.5, 0.02, 0.03]]
    return [dict(p=s, adjusted=[float(v) for v in multipletests(s, method='holm')[1]]) for s in sets]


def bh_cases():
    # Benjamini–Hochberg (false discovery rate): the same sets as Holm's, and ties.
    sets = [[0.01, 0.04, 0.03], [0.012, 0.04, 0.30], [0.2], [0.001, 0.002, 0.003, 0.9], [0.04, 0.01, 0.5, 0.02, 0.03], [0.03, 0.03, 0.03, 0.5]]
    return [dict(p=s, adjusted=[float(v) for v in multipletests(s, method='fdr_bh')[1]]) for s in sets]


def always_valid_cases():
    # The normal-mixture boundary (Robbins 1970; Howard et al. 2021; Johari et al. 2017's mSPRT),
    # written here independently of the TypeScript: half-width² = V(V+τ²)/τ² · (log((V+τ²)/V) + 2 log(1/α)).
    out = []
    for xt, nt, xc, nc, planned_t, planned_c, baseline, alpha in [
            (520, 9000, 40, 1000, 41855, 4651, 0.05, 0.05), (3894, 21307, 2262, 21306, 21307, 21306, 0.106, 0.05),
            (60, 1000, 50, 1000, 8158, 8158, 0.05, 0.05), (2400, 41855, 240, 4651, 41855, 4651, 0.05, 0.1)]:
        pt, pc = xt / nt, xc / nc
        v = pt * (1 - pt) / nt + pc * (1 - pc) / nc
        v_plan = baseline * (1 - baseline) * (1 / planned_t + 1 / planned_c)
        u = brentq(lambda u: u - math.log1p(u) - 2 * math.log(1 / alpha), 1e-6, 1e3, xtol=1e-14)
        tau2 = u * v_plan
        half = math.sqrt(v * (v + tau2) / tau2 * (math.log((v + tau2) / v) + 2 * math.log(1 / alpha)))
        d = pt - pc
        log_lr = 0.5 * math.log(v / (v + tau2)) + tau2 * d * d / (2 * v * (v + tau2))
        out.append(dict(target_x=xt, target_n=nt, control_x=xc, control_n=nc, planned_target=planned_t,
                        planned_control=planned_c, baseline=baseline, alpha=alpha, tau2=tau2, ci=[d - half, d + half],
                        p=min(1.0, math.exp(-log_lr)),
                        width_ratio=half / (stats.norm.ppf(1 - alpha / 2) * math.sqrt(v))))
    return out


def main():
    hillstrom = read_hillstrom()
    result = dict(
        generated_by=f'scipy {scipy.__version__}, statsmodels {statsmodels.__version__}, numpy {np.__version__}',
        hillstrom={k: dict(n=v['n'], visit=v['visit'], conversion=v['conversion']) for k, v in hillstrom.items()},
        pilot_size=pilot_sizes(), detectable_uplift=detectable_uplifts(), comparisons=comparisons(hillstrom),
        fisher=fisher_tables(), welch=welch_cases(hillstrom), cuped=cuped_cases(hillstrom), srm=srm_cases(hillstrom),
        holm=holm_cases(), bh=bh_cases(), always_valid=always_valid_cases(),
    )
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
