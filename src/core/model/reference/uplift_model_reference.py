#!/usr/bin/python3
"""Known answers for the uplift model (src/core/model/train-uplift-model.ts) on Hillstrom's e-mail
experiment, computed with Debian's numpy and scikit-learn.

The data: ../shared/data/hillstrom (see its PROVENANCE.md), read as it is. Treatment: any e-mail
(segment is Mens E-Mail or Womens E-Mail, two thirds of the rows); control: No E-Mail. Outcome:
visit. Features: recency, history_segment, history, mens, womens, zip_code, newbie, channel.
Split: the data row whose 0-based index i (the first row after the header is 0) has i % 3 == 0 is
held out, every other row is trained on.

Encoding, as Otklik's fitFeatureEncoder, learnt from the training rows only: a column whose every
cell reads as a number is numeric and standardised by the training mean and population standard
deviation; any other is one-hot, its reference the most frequent training level (a tie: the first
in character order), one 0/1 column per other level in character order.

Models: sklearn LogisticRegression(penalty='l2', C=1, fit_intercept=True, solver='newton-cg',
tol=1e-10) -- Otklik's objective solved to its optimum (lbfgs stops short of it, see
src/app/model/reference/churn_reference.py).
  two_model: one regression on the treated training rows, one on the control's; uplift = the
    difference of their probabilities.
  class_transformation: one regression of Z = y*t + (1-y)*(1-t) on all training rows with
    sample_weight n/(2*n_t) for treated and n/(2*n_c) for control rows (reweighted to equal shares);
    uplift = 2*P(Z=1|x) - 1.
Metrics of the held-out rows' uplift: the scikit-uplift 0.5 definitions as written in
src/core/stats/reference/uplift_reference.py (imported from there, not copied).

Run from the repository root (OTKLIK_DATA_SETS: where the hillstrom folder is, ../shared/data by default):
    /usr/bin/python3 src/core/model/reference/uplift_model_reference.py > \
    src/core/model/reference/uplift_model_reference.json
"""
import csv
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '../../stats/reference'))
import uplift_reference  # noqa: E402  the uplift metrics' own reference formulas

HILLSTROM = os.path.join(os.environ.get('OTKLIK_DATA_SETS', os.path.join(HERE, '../../../../../shared/data')), 'hillstrom',
                         'Kevin_Hillstrom_MineThatData_E-MailAnalytics_DataMiningChallenge_2008.03.20.csv')
FEATURES = ['recency', 'history_segment', 'history', 'mens', 'womens', 'zip_code', 'newbie', 'channel']
C = 1.0


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def fit_encoder(rows, train):
    features = []
    for column in FEATURES:
        cells = [rows[i][column].strip() for i in train]
        if all(is_number(r[column]) for r in rows):
            values = np.array([float(c) for c in cells])
            features.append(dict(kind='numeric', column=column, mean=float(values.mean()), std=float(values.std())))
        else:
            levels = sorted(set(cells))
            counts = {level: cells.count(level) for level in levels}
            reference = levels[0]
            for level in levels:
                if counts[level] > counts[reference]:
                    reference = level
            features.append(dict(kind='text', column=column, reference=reference, levels=[l for l in levels if l != reference]))
    return features


def encode(features, row):
    out = []
    for f in features:
        cell = row[f['column']].strip()
        if f['kind'] == 'numeric':
            out.append((float(cell) - f['mean']) / f['std'])
        else:
            out.extend(1.0 if cell == level else 0.0 for level in f['levels'])
    return out


def names(features):
    return [f['column'] if f['kind'] == 'numeric' else f"{f['column']}={level}" for f in features for level in ([None] if f['kind'] == 'numeric' else f['levels'])]


def logistic(X, y, weight=None):
    model = LogisticRegression(penalty='l2', C=C, solver='newton-cg', tol=1e-10, max_iter=1000, fit_intercept=True)
    return model.fit(X, y, sample_weight=weight)


def coefficients(model, feature_names):
    return dict(intercept=float(model.intercept_[0]), coefficients=dict(zip(feature_names, map(float, model.coef_[0]))))


def main():
    with open(HILLSTROM, newline='') as f:
        rows = list(csv.DictReader(f))
    train = [i for i in range(len(rows)) if i % 3 != 0]
    test = [i for i in range(len(rows)) if i % 3 == 0]
    t = np.array([0 if r['segment'] == 'No E-Mail' else 1 for r in rows])
    y = np.array([int(r['visit']) for r in rows])
    features = fit_encoder(rows, train)
    feature_names = names(features)
    X = np.array([encode(features, r) for r in rows])
    Xtr, ttr, ytr = X[train], t[train], y[train]
    treated = logistic(Xtr[ttr == 1], ytr[ttr == 1])
    control = logistic(Xtr[ttr == 0], ytr[ttr == 0])
    n, nt = len(train), int(ttr.sum())
    weight = np.where(ttr == 1, n / (2 * nt), n / (2 * (n - nt)))
    transformed = logistic(Xtr, (ytr == ttr).astype(int), weight)
    Xte, tte, yte = X[test], t[test], y[test]
    scores = dict(
        two_model=treated.predict_proba(Xte)[:, 1] - control.predict_proba(Xte)[:, 1],
        class_transformation=2 * transformed.predict_proba(Xte)[:, 1] - 1,
    )
    approaches = {}
    for approach, score in scores.items():
        m = uplift_reference.metrics(score, tte, yte)
        for key in ('qini_curve', 'perfect_qini_curve', 'uplift_curve', 'perfect_uplift_curve'):
            m.pop(key)
        approaches[approach] = dict(metrics=m, first_test_scores=[float(s) for s in score[:20]])
    approaches['two_model']['regressions'] = dict(treated=coefficients(treated, feature_names), control=coefficients(control, feature_names))
    approaches['class_transformation']['regressions'] = dict(transformed=coefficients(transformed, feature_names))
    result = dict(
        versions=dict(numpy=np.__version__, sklearn=sklearn.__version__, python=sys.version.split()[0]),
        data='hillstrom', treatment='segment is not No E-Mail', outcome='visit', split='0-based data row index % 3 == 0 held out',
        n_train=len(train), n_test=len(test), features=features, approaches=approaches,
    )
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
