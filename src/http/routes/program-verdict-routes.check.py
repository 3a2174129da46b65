# Reference for GET /api/programs/VERD/verdict?cuped=true&monitoring=always_valid
# (program-verdict-routes.db.test.ts), from the members' raw values, not from summaries.
# The pilot: clients 1-900 in target, 901-1000 in control, built 1 March 2026, window 30 days.
# Spend in the window: 1-10 spend 1 000 RUB, 1 and 2 another 250.50; 901 and 902 spend 500.
# Card spend in February 2026 (the pre-period, the month before the build month):
#   x_n = ((37 n) mod 50) * 2 + 0.8 * spend_n.
# Applications: 45 of the target, 3 of the control. The case: control rate 0.03, half of the
# responders take a loan worth 18 010.42 RUB, one SMS at 3.50 RUB to each of the 900.
# CUPED (Deng et al. 2013): theta = cov(Y, X)/var(X) over all 1 000 members, Y' = Y - theta (X - mean X),
# Welch's interval on Y' by statsmodels. The always-valid interval: the normal mixture of
# always-valid-interval.ts in numpy, tau^2 = u p0 q0 (1/n_t + 1/n_c), u = ln(1 + u) + 2 ln(1/alpha).
# Run: /usr/bin/python3 src/http/routes/program-verdict-routes.check.py > src/http/routes/program-verdict-routes.check.json
import json
from fractions import Fraction as F
import numpy as np
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

n = np.arange(1, 1001)
spend = np.zeros(1000)
spend[0:10] = 1000.0
spend[0:2] += 250.5
spend[900:902] = 500.0
x = ((37 * n) % 50) * 2 + 0.8 * spend
target, control = slice(0, 900), slice(900, 1000)

def welch(a, b):
    cm = CompareMeans(DescrStatsW(a), DescrStatsW(b))
    lo, hi = cm.tconfint_diff(alpha=0.05, usevar='unequal')
    return a.mean() - b.mean(), cm.std_meandiff_separatevar, [lo, hi]

theta = np.cov(spend, x, ddof=1)[0, 1] / np.var(x, ddof=1)
adjusted = spend - theta * (x - x.mean())
d0, se0, ci0 = welch(spend[target], spend[control])
d1, se1, ci1 = welch(adjusted[target], adjusted[control])
cuped = {
    'theta': theta, 'difference': d1, 'ci': ci1, 'unadjusted_ci': ci0,
    'variance_reduction': 1 - (se1 / se0) ** 2, 'width_ratio': (ci1[1] - ci1[0]) / (ci0[1] - ci0[0]),
}

alpha = 0.05
u = 2 * np.log(1 / alpha)
for _ in range(200):
    u = np.log1p(u) + 2 * np.log(1 / alpha)
tau2 = u * 0.03 * 0.97 * (1 / 900 + 1 / 100)

def always_valid(xt, nt, xc, nc):
    pt, pc = xt / nt, xc / nc
    d = pt - pc
    v = pt * (1 - pt) / nt + pc * (1 - pc) / nc
    half = np.sqrt(v * (v + tau2) / tau2 * (np.log((v + tau2) / v) + 2 * np.log(1 / alpha)))
    log_lr = 0.5 * np.log(v / (v + tau2)) + tau2 * d * d / (2 * v * (v + tau2))
    return [d - half, d + half], min(1.0, float(np.exp(-log_lr))), half / (1.959963984540054 * np.sqrt(v))

value = F(1_801_042)  # kopecks per loan
def profit(uplift):
    # incremental responders x conversion x value - the wave's cost (900 SMS at 350 kopecks), to the kopeck half to even
    return round(value * F(uplift) * 900 * F(1, 2)) - 900 * 350

ci, p, ratio = always_valid(45, 900, 3, 100)
application = {'ci': ci, 'p': p, 'width_ratio': ratio, 'profit_ci_kopecks': sorted([profit(ci[0]), profit(ci[1])])}
print(json.dumps({'cuped_spend': cuped, 'always_valid_application': application, 'tau2': tau2}, indent=2))
