# Reference for design-program-pilot.test.ts: the pilot design of the business-case worked example
# (business-case-worked-example.ts) over a selection of 100 000 (and 30 000) clients, 10% control,
# baseline 5%, the uplift worth detecting 1 pp, alpha 0.05, power 0.8.
# Sizes: statsmodels' samplesize_proportions_2indep_onetail (ratio = control/target). The uplift the
# selection detects: the root of the formula core/stats/detectable-uplift.ts names (the far tail left
# out), solved with brentq; statsmodels' power_proportions_2indep counts both tails and agrees to 8
# decimals (printed beside it). NPV: the business case in exact
# fractions (every flow rounded to the kopeck half to even), at the target rate baseline + uplift.
# Run: /usr/bin/python3 src/core/program/design-program-pilot.check.py > src/core/program/design-program-pilot.check.txt
import math
from fractions import Fraction as F
from scipy.optimize import brentq
from scipy.stats import norm
from statsmodels.stats.proportion import power_proportions_2indep, samplesize_proportions_2indep_onetail

BASELINE, UPLIFT, ALPHA, POWER, SHARE = 0.05, 0.01, 0.05, 0.8, 0.1
ratio = SHARE / (1 - SHARE)
n_t = samplesize_proportions_2indep_onetail(UPLIFT, BASELINE, POWER, ratio=ratio, alpha=ALPHA, alternative='two-sided')
print('required target', math.ceil(n_t), 'control', math.ceil(ratio * n_t))

def detectable(target, control):
    za, zb = norm.ppf(1 - ALPHA / 2), norm.ppf(POWER)
    def gap(d):
        pc, pt = BASELINE, BASELINE + d
        pbar = (target * pt + control * pc) / (target + control)
        h0 = za * math.sqrt(pbar * (1 - pbar) * (1 / target + 1 / control))
        h1 = zb * math.sqrt(pt * (1 - pt) / target + pc * (1 - pc) / control)
        return d - h0 - h1
    return brentq(gap, 1e-9, 1 - BASELINE - 1e-9, xtol=1e-15)

def detectable_statsmodels(target, control):
    gap = lambda d: power_proportions_2indep(d, BASELINE, target, ratio=control / target, alpha=ALPHA,
                                             alternative='two-sided', return_results=False) - POWER
    return brentq(gap, 1e-9, 1 - BASELINE - 1e-9, xtol=1e-14)

# The worked example: one SMS at 350 kopecks, 5 000 000 fixed, conversion 1/2, net 855 000 a year
# for 3 years, discount rate 20%.
def npv(audience, uplift):
    contacted = F(audience) * (1 - F(1, 10))
    products = contacted * F(uplift) * F(1, 2)
    cost = 5_000_000 + round(contacted * 350)
    flows = [round(855_000 * products) for _ in range(3)]
    return sum(round(F(f) / F(6, 5) ** (i + 1)) for i, f in enumerate(flows)) - cost

for audience in (100_000, 30_000):
    control = round(audience * SHARE)
    target = audience - control
    d = detectable(target, control)
    print(f'audience {audience}: target {target} control {control} detectable {d:.12f} (statsmodels {detectable_statsmodels(target, control):.12f})'
          f' npv_at_detectable {npv(audience, d)} npv_at_uplift {npv(audience, UPLIFT)}')
