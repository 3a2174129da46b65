#!/usr/bin/python3
"""Known answers for Otklik's logistic regression (src/core/model), from Debian's scikit-learn.

Run from the repository root:
    npx tsx src/app/model/reference/write-churn-split.ts     # Otklik's stratified split -> churn_split.json
    /usr/bin/python3 src/app/model/reference/churn_reference.py > src/app/model/reference/churn_reference.json

It prepares the bank churn file (../shared/data/bank-churn-modelling, see its PROVENANCE.md) by
the rules Otklik states, written here independently: numeric columns standardised with the
training rows' mean and population deviation (StandardScaler), text columns one-hot with the most
frequent training level as the reference (a tie: the first in sorted order) dropped
(OneHotEncoder(drop=...)). It fits LogisticRegression(penalty='l2', C, solver='lbfgs',
fit_intercept=True) -- Otklik's objective -- with tol=1e-12, and the same objective with
solver='newton-cg': lbfgs stops on its relative-decrease test (ftol) with the gradient still at
about 3e-3 (`gradient_max`, in C·Σ log-loss + ½‖w‖² units), a few 1e-6 from the optimum, while
newton-cg reaches it as Otklik's Newton steps do (gradient about 1e-9). It reports the test rows'
roc_auc_score and calibration_curve(n_bins=10, strategy='quantile') for both, and keeps lbfgs's
test predictions of the stratified case so that the metrics are compared on the same numbers.
The Vitest tests beside it compare Otklik's answers to this JSON.
"""
import csv
import json
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get('OTKLIK_DATA_SETS', os.path.join(HERE, '../../../../../shared/data'))
CHURN = os.path.join(DATA, 'bank-churn-modelling', 'Churn_Modelling.csv')
LABEL = 'Exited'
DROP = ['RowNumber', 'CustomerId', 'Surname']
TIGHT = {'lbfgs': dict(tol=1e-12, max_iter=100000), 'newton-cg': dict(tol=1e-10, max_iter=1000)}


def read_churn():
    with open(CHURN, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    return rows


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def prepare(rows, train, test, features):
    """The design matrices and the feature names, learnt on the training rows only."""
    numeric = [c for c in features if all(is_number(r[c]) for r in rows)]
    text = [c for c in features if c not in numeric]
    scaler = StandardScaler().fit([[float(rows[i][c]) for c in numeric] for i in train])
    references = []
    for c in text:
        values = [rows[i][c] for i in train]
        levels = sorted(set(values))
        counts = {level: values.count(level) for level in levels}
        references.append(max(levels, key=lambda level: (counts[level], -levels.index(level))))
    encoder = OneHotEncoder(drop=references, sparse_output=False, handle_unknown='ignore')
    encoder.fit([[rows[i][c] for c in text] for i in train])

    def design(indexes):
        num = scaler.transform([[float(rows[i][c]) for c in numeric] for i in indexes])
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            hot = encoder.transform([[rows[i][c] for c in text] for i in indexes])
        return np.hstack([num, hot])

    names = list(numeric) + [f'{c}={level}' for c, levels in zip(text, encoder.categories_)
                             for level in levels if level != references[text.index(c)]]
    return design(train), design(test), names, dict(zip(numeric, zip(scaler.mean_, scaler.scale_))), references


def gradient_max(X, y, coef, intercept, C):
    """The largest |component| of the gradient of C·Σ log-loss + ½‖w‖² at a solution."""
    p = 1 / (1 + np.exp(-(X @ coef + intercept)))
    g = C * (X.T @ (p - y)) + coef
    return float(max(np.max(np.abs(g)), abs(C * np.sum(p - y))))


def solve(X_train, y_train, X_test, y_test, names, C, solver):
    model = LogisticRegression(penalty='l2', C=C, solver=solver, fit_intercept=True, **TIGHT[solver]).fit(X_train, y_train)
    p_test = model.predict_proba(X_test)[:, 1]
    prob_true, prob_pred = calibration_curve(y_test, p_test, n_bins=10, strategy='quantile')
    return dict(
        intercept=float(model.intercept_[0]),
        coefficients={name: float(v) for name, v in zip(names, model.coef_[0])},
        auc=float(roc_auc_score(y_test, p_test)),
        calibration=dict(observed=prob_true.tolist(), mean_predicted=prob_pred.tolist()),
        gradient_max=gradient_max(X_train, y_train, model.coef_[0], model.intercept_[0], C),
        iterations=int(model.n_iter_[0]),
    ), p_test


def fit_case(rows, train, test, C, keep_probabilities=False):
    features = [c for c in rows[0].keys() if c != LABEL and c not in DROP]
    X_train, X_test, names, scaling, references = prepare(rows, train, test, features)
    y = np.array([int(r[LABEL]) for r in rows])
    y_train, y_test = y[train], y[test]
    with warnings.catch_warnings():
        # lbfgs ends on "line search cannot improve" at tol=1e-12: that is where it stops.
        warnings.simplefilter('ignore')
        lbfgs, p_test = solve(X_train, y_train, X_test, y_test, names, C, 'lbfgs')
        newton_cg, _ = solve(X_train, y_train, X_test, y_test, names, C, 'newton-cg')
    case = dict(C=C, n_train=len(train), n_test=len(test), lbfgs=lbfgs, newton_cg=newton_cg,
                scaling={c: dict(mean=float(m), std=float(s)) for c, (m, s) in scaling.items()},
                references=references)
    if keep_probabilities:
        # lbfgs's own test predictions: Otklik's AUC and calibration on them, metric against metric.
        case['test_labels'] = y_test.tolist()
        case['lbfgs_test_probabilities'] = p_test.tolist()
    return case


def hand_fits():
    # Small cases on raw features (no encoding): overlapping classes, C = 1 and 0.05, and classes a
    # line separates (the penalty keeps the optimum finite).
    X = np.array([[0.5, 1.0], [1.5, -0.5], [2.0, 0.3], [-1.0, 2.0], [0.0, 0.0], [3.0, 1.0],
                  [-2.0, -1.0], [1.0, 1.0], [2.5, -1.5], [-0.5, 0.5], [0.7, -0.2], [-1.5, 1.5]])
    y = np.array([0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0])
    separable = np.array([[-3.0], [-2.0], [-1.0], [1.0], [2.0], [3.0]])
    cases = [('overlapping', X, y, 1.0), ('overlapping', X, y, 0.05), ('separable', separable, np.array([0, 0, 0, 1, 1, 1]), 1.0)]
    out = []
    for name, Xc, yc, C in cases:
        case = dict(name=name, x=Xc.tolist(), y=yc.tolist(), C=C)
        for solver in ('lbfgs', 'newton-cg'):
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                m = LogisticRegression(penalty='l2', C=C, solver=solver, fit_intercept=True, **TIGHT[solver]).fit(Xc, yc)
            case[solver.replace('-', '_')] = dict(intercept=float(m.intercept_[0]), weights=m.coef_[0].tolist(),
                                                  gradient_max=gradient_max(Xc, yc, m.coef_[0], m.intercept_[0], C))
        out.append(case)
    return out


def hand_aucs():
    cases = [([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), ([0, 1, 0, 1, 1, 0], [0.5, 0.5, 0.5, 0.5, 0.9, 0.1]),
             ([1, 0, 1, 0, 1], [3, 3, 2, 1, 3]), ([0, 1], [0.2, 0.2]), ([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4])]
    return [dict(labels=l, scores=s, auc=float(roc_auc_score(l, s))) for l, s in cases]


def hand_calibrations():
    cases = [([0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0], [0.1, 0.9, 0.2, 0.8, 0.7, 0.3, 0.1, 0.6, 0.4, 0.5, 0.95, 0.05]),
             # Many ties: bins collapse and the empty ones are left out.
             ([0, 0, 1, 0, 1, 1, 0, 1, 0, 0], [0.2, 0.2, 0.2, 0.2, 0.2, 0.6, 0.6, 0.6, 0.9, 0.9])]
    out = []
    for labels, probs in cases:
        prob_true, prob_pred = calibration_curve(labels, probs, n_bins=10, strategy='quantile')
        out.append(dict(labels=labels, probabilities=probs, observed=prob_true.tolist(), mean_predicted=prob_pred.tolist()))
    return out


def main():
    rows = read_churn()
    with open(os.path.join(HERE, 'churn_split.json')) as f:
        split = json.load(f)
    test = sorted(split['test'])
    in_test = set(test)
    train = [i for i in range(len(rows)) if i not in in_test]
    # time:RowNumber, test share 0.3: the latest 3,000 rows by RowNumber are the test.
    by_time = sorted(range(len(rows)), key=lambda i: int(rows[i]['RowNumber']))
    time_train, time_test = sorted(by_time[:7000]), sorted(by_time[7000:])
    print(json.dumps(dict(
        generated_by=f'scikit-learn {sklearn.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}',
        churn=dict(
            stratified=fit_case(rows, train, test, 1.0, keep_probabilities=True),
            stratified_c01=fit_case(rows, train, test, 0.1),
            time_row_number=fit_case(rows, time_train, time_test, 1.0),
        ),
        fits=hand_fits(), aucs=hand_aucs(), calibrations=hand_calibrations(),
    ), indent=1))


if __name__ == '__main__':
    main()
