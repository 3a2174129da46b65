#!/usr/bin/python3
"""Known answers for the uplift-model metrics in src/core/stats (qini-auc-score.ts, uplift-auc-score.ts,
uplift-at-k.ts, qini-raw-area.ts, uplift-by-score-decile.ts), computed with Debian's numpy and scikit-learn.

scikit-uplift is not packaged for Debian, so this script writes its 0.5 definitions out again from
its documentation, independently of the TypeScript:
  * the Qini curve at every distinct score (ties form one step, as sklearn's _binary_clf_curve does):
    Y_T(n) - Y_C(n) * N_T(n) / N_C(n)  (the control term 0 while N_C(n) = 0), starting at (0, 0);
  * the uplift curve at the same steps: (Y_T/N_T - Y_C/N_C) * n, a rate 0 while its group is empty;
  * the perfect Qini curve with negative_effect=True: the Qini curve of the score y*t - y*(1-t);
  * the perfect uplift curve: the uplift curve of 2*(y == t) + (y if control responders outnumber
    treated non-responders, else t);
  * qini_auc_score / uplift_auc_score: (area of the model - area of the random line) over
    (area of the perfect curve - area of the random line), areas by sklearn.metrics.auc, the random
    line from (0, 0) to the perfect curve's last point;
  * uplift_at_k(strategy='overall'): rows in the order of a stable ascending sort of the scores,
    reversed (ties: the later row first); the first int(n * k); the treated rows' response rate minus
    the control rows'; NaN (JSON null) when one group is absent from them;
  * uplift by score decile (uplift_by_percentile, strategy='overall', bins=10): that order cut by
    numpy.array_split;
  * qini_raw (Otklik's own): the area between the model's Qini curve and the random line with the
    share of members targeted on x, i.e. in incremental responders.

Run from the repository root (OTKLIK_DATA_SETS: where the hillstrom folder is, ../shared/data by default):
    /usr/bin/python3 src/core/stats/reference/uplift_reference.py > \
    src/core/stats/reference/uplift_reference.json
"""
import csv
import json
import math
import os
import sys

import numpy as np
import sklearn
from sklearn.metrics import auc

HERE = os.path.dirname(os.path.abspath(__file__))
HILLSTROM = os.path.join(os.environ.get('OTKLIK_DATA_SETS', os.path.join(HERE, '../../../../../shared/data')), 'hillstrom',
                         'Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv')
KS = [0.1, 0.3, 0.5]


def steps(score, t, y):
    """Cumulative members, treated, treated responders and control responders after each distinct score, best first."""
    distinct, inverse = np.unique(-score, return_inverse=True)  # ascending in -score: best score first
    members = np.bincount(inverse, minlength=len(distinct)).cumsum().astype(float)
    treated = np.bincount(inverse, weights=t, minlength=len(distinct)).cumsum()
    treated_resp = np.bincount(inverse, weights=t * y, minlength=len(distinct)).cumsum()
    control_resp = np.bincount(inverse, weights=(1 - t) * y, minlength=len(distinct)).cumsum()
    return members, treated, treated_resp, control_resp


def qini(score, t, y):
    n, nt, yt, yc = steps(score, t, y)
    nc = n - nt
    ratio = np.array([a / b if b > 0 else 0.0 for a, b in zip(nt, nc)])
    return np.r_[0.0, n], np.r_[0.0, yt - yc * ratio]


def uplift(score, t, y):
    n, nt, yt, yc = steps(score, t, y)
    nc = n - nt
    rt = np.array([a / b if b > 0 else 0.0 for a, b in zip(yt, nt)])
    rc = np.array([a / b if b > 0 else 0.0 for a, b in zip(yc, nc)])
    return np.r_[0.0, n], np.r_[0.0, (rt - rc) * n]


def perfect_qini(t, y):
    return qini(y * t - y * (1 - t), t, y)


def perfect_uplift(t, y):
    control_responders = np.sum((y == 1) & (t == 0))
    treated_non_responders = np.sum((y == 0) & (t == 1))
    summand = y if control_responders > treated_non_responders else t
    return uplift(2.0 * (y == t) + summand, t, y)


def normalised(model, perfect):
    (xm, ym), (xp, yp) = model, perfect
    random_area = auc([0, xp[-1]], [0, yp[-1]])
    return (auc(xm, ym) - random_area) / (auc(xp, yp) - random_area)


def overall_order(score):
    return np.argsort(score, kind='mergesort')[::-1]


def uplift_at_k(score, t, y, k):
    top = overall_order(score)[:int(len(score) * k)]
    treated, control = y[top][t[top] == 1], y[top][t[top] == 0]
    if len(treated) == 0 or len(control) == 0:
        return None
    return float(treated.mean() - control.mean())


def by_decile(score, t, y, bins=10):
    out = []
    for part in np.array_split(overall_order(score), bins):
        treated, control = y[part][t[part] == 1], y[part][t[part] == 0]
        rt = float(treated.mean()) if len(treated) else None
        rc = float(control.mean()) if len(control) else None
        out.append(dict(n_treatment=int(len(treated)), n_control=int(len(control)), rate_treatment=rt, rate_control=rc,
                        uplift=None if rt is None or rc is None else rt - rc))
    return out


def qini_raw(score, t, y):
    xm, ym = qini(score, t, y)
    return (auc(xm, ym) - auc([0, xm[-1]], [0, ym[-1]])) / len(score)


def metrics(score, t, y):
    score, t, y = np.asarray(score, float), np.asarray(t, float), np.asarray(y, float)
    return dict(
        qini_auc_score=float(normalised(qini(score, t, y), perfect_qini(t, y))),
        uplift_auc_score=float(normalised(uplift(score, t, y), perfect_uplift(t, y))),
        uplift_at_k={str(k): uplift_at_k(score, t, y, k) for k in KS},
        qini_raw=float(qini_raw(score, t, y)),
        qini_curve=[list(map(float, v)) for v in qini(score, t, y)],
        perfect_qini_curve=[list(map(float, v)) for v in perfect_qini(t, y)],
        uplift_curve=[list(map(float, v)) for v in uplift(score, t, y)],
        perfect_uplift_curve=[list(map(float, v)) for v in perfect_uplift(t, y)],
        deciles=by_decile(score, t, y),
    )


def generated_cases():
    rng = np.random.default_rng(20261203)
    cases = []

    def case(name, score, t, y, note):
        cases.append(dict(name=name, note=note, score=[float(s) for s in score], treatment=[int(v) for v in t],
                          outcome=[int(v) for v in y], expected=metrics(score, t, y)))

    # Hand table of uplift-metrics.test.ts: ties at 0.9 and 0.5.
    case('hand', [0.9, 0.9, 0.7, 0.5, 0.5, 0.5, 0.2, 0.1], [1, 0, 1, 1, 0, 1, 0, 0], [1, 0, 1, 0, 1, 1, 0, 1],
         'the hand-computed table')

    n = 240
    t = rng.integers(0, 2, n)
    x = rng.normal(size=n)
    true_uplift = 0.25 * (x > 0)
    y = (rng.random(n) < 0.15 + true_uplift * t).astype(int)
    case('informative', np.round(x + rng.normal(scale=0.7, size=n), 6), t, y, 'a score that ranks the persuadable first')
    case('ties', np.round(x, 0), t, y, 'the same members with scores rounded to whole numbers: few distinct values')
    case('negative', np.round(-x, 6), t, y, 'the score reversed: the Qini coefficient is negative')
    case('constant', np.full(n, 0.5), t, y, 'one score for everyone: the model is the random line')

    y_all = np.where(t == 1, 1, (rng.random(n) < 0.3).astype(int))
    case('all_treated_respond', np.round(rng.normal(size=n), 6), t, y_all, 'every treated member responded')

    t_small = np.r_[np.ones(3, int), np.zeros(57, int)]
    y_small = (rng.random(60) < 0.4).astype(int)
    y_small[:3] = 1
    case('few_treated', np.round(rng.random(60), 3), t_small, y_small,
         'three treated members: uplift at 10% may find none of them')
    return cases


def hillstrom_cases():
    if not os.path.exists(HILLSTROM):
        return []
    with open(HILLSTROM, newline='') as f:
        rows = list(csv.DictReader(f))
    t = np.array([0 if r['segment'] == 'No E-Mail' else 1 for r in rows], float)
    visit = np.array([int(r['visit']) for r in rows], float)
    out = []
    for name, score in (('hillstrom_history', [float(r['history']) for r in rows]),
                        ('hillstrom_recency', [-float(r['recency']) for r in rows])):
        m = metrics(score, t, visit)
        for key in ('qini_curve', 'perfect_qini_curve', 'uplift_curve', 'perfect_uplift_curve'):
            m.pop(key)
        out.append(dict(name=name, treatment='segment is not No E-Mail', outcome='visit', expected=m))
    return out


def main():
    result = dict(
        versions=dict(numpy=np.__version__, sklearn=sklearn.__version__, python=sys.version.split()[0]),
        cases=generated_cases(),
        hillstrom=hillstrom_cases(),
    )
    json.dump(result, sys.stdout, indent=None, separators=(',', ':'))
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
