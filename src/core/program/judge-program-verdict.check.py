# Hand check of the verdict in money (judge-program-verdict.test.ts): the pilot of the business-case
# worked example (9 000 in target, 1 000 in control; one SMS at 3.50 RUB; half of the responders take
# the cash loan worth 18 010.42 RUB discounted; break-even uplift 8 150 000 / (9 000 x 0.5 x
# 1 801 041.67) kopecks), Newcombe's hybrid score interval from statsmodels, and the money in exact
# fractions rounded to the kopeck half to even. Run:
#   /usr/bin/python3 src/core/program/judge-program-verdict.check.py > src/core/program/judge-program-verdict.check.txt
from fractions import Fraction as F
from scipy.stats import chisquare
from statsmodels.stats.proportion import confint_proportions_2indep

value_exact = F(855_000) / F(6, 5) + F(855_000) / F(6, 5) ** 2 + F(855_000) / F(6, 5) ** 3
value = round(value_exact)  # 1 801 042 kopecks
break_even = F(8_150_000) / (9_000 * F(1, 2) * value_exact)
print(f'value per product {value} kopecks; break-even uplift {float(break_even):.12f}')

def priced(nt, xt, nc, xc, conversion):
    lo, hi = confint_proportions_2indep(xt, nt, xc, nc, method='newcomb', compare='diff')
    uplift = F(xt, nt) - F(xc, nc)
    cost = 350 * nt
    def profit(responders):
        return round(F(value) * F(responders) * conversion) - cost
    est = profit(uplift * nt)
    ends = sorted([profit(F(lo) * nt), profit(F(hi) * nt)])
    if ends[0] > 0:
        rec = 'rollout'
    elif hi < break_even:
        rec = 'stop'
    else:
        rec = 'extend'
    srm = chisquare([nt, nc], [(nt + nc) * 0.9, (nt + nc) * 0.1]).pvalue
    print(f'{nt} {xt} {nc} {xc} conv {conversion}: uplift {float(uplift):.6f} ci [{lo:.12f}, {hi:.12f}] '
          f'profit {est} [{ends[0]}, {ends[1]}] kopecks, srm p {srm:.6g} -> {rec}')

priced(9000, 450, 1000, 30, F(1, 2))   # rollout
priced(9000, 300, 1000, 30, F(1, 2))   # extend
priced(9000, 180, 1000, 30, F(1, 2))   # stop
priced(9000, 360, 1000, 30, F(1))      # conversion: the response is the product
priced(9300, 465, 700, 21, F(1, 2))    # a split far from 90/10
