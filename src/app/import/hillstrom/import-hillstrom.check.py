#!/usr/bin/python3
"""Known answers for import-hillstrom.test.ts, computed with Debian's statsmodels from the file itself.

Run from the repository root:
  /usr/bin/python3 src/app/import/hillstrom/import-hillstrom.check.py > src/app/import/hillstrom/import-hillstrom.check.txt
(OTKLIK_DATA_SETS names the data sets' folder when it is not ../shared/data beside the checkout.)
Per arm (men's, women's e-mail) against the shared control (No E-Mail): each response's counts,
rates, uplift with Newcombe's hybrid score interval and the pooled two-proportion z-test, as
`otklik program results` gives them; spend per customer with Welch's interval and test.
"""
import csv
import json
import os

import numpy as np
import statsmodels
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get('OTKLIK_DATA_SETS') or os.path.join(HERE, '../../../../../shared/data')
FILE = os.path.join(DATA, 'hillstrom', 'Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv')

groups = {'Mens E-Mail': [], 'Womens E-Mail': [], 'No E-Mail': []}
with open(FILE, newline='') as f:
    for row in csv.DictReader(f):
        groups[row['segment']].append((int(row['visit']), int(row['conversion']), float(row['spend'])))
control = np.array(groups['No E-Mail'])
arms = []
for segment, offer in (('Mens E-Mail', 'HILLSTROM-MENS'), ('Womens E-Mail', 'HILLSTROM-WOMENS')):
    target = np.array(groups[segment])
    for column, response in ((0, 'visit'), (1, 'conversion')):
        xt, nt, xc, nc = int(target[:, column].sum()), len(target), int(control[:, column].sum()), len(control)
        lo, hi = confint_proportions_2indep(xt, nt, xc, nc, method='newcomb', compare='diff', alpha=0.05)
        _, p = proportions_ztest([xt, xc], [nt, nc])
        arms.append(dict(arm=offer, response=response, members=nt, responders=xt, rate=xt / nt,
                         control_members=nc, control_responders=xc, control_rate=xc / nc,
                         uplift=xt / nt - xc / nc, ci=[float(lo), float(hi)], p=float(p)))
    spend = CompareMeans(DescrStatsW(target[:, 2]), DescrStatsW(control[:, 2]))
    _, p_spend, _ = spend.ttest_ind(usevar='unequal')
    lo, hi = spend.tconfint_diff(alpha=0.05, usevar='unequal')
    arms.append(dict(arm=offer, response='spend_per_member', total=round(float(target[:, 2].sum()), 2),
                     value_per_member=float(target[:, 2].mean()), control_value_per_member=float(control[:, 2].mean()),
                     difference=float(target[:, 2].mean() - control[:, 2].mean()), ci=[float(lo), float(hi)], p=float(p_spend)))
print(json.dumps(dict(generated_by=f'statsmodels {statsmodels.__version__}, numpy {np.__version__}', arms=arms), indent=1))
