"""Writes Data/breast_cancer.csv from the copy of the Wisconsin Diagnostic Breast
Cancer data that scikit-learn bundles (sklearn/datasets/data/breast_cancer.csv).

The 30 feature columns keep their values exactly as written there, under
scikit-learn's feature names; the label column is 1 for malignant and 0 for
benign (scikit-learn's target is the other way round: 0 malignant, 1 benign).
Rows stay in the bundled file's order.

    pip install scikit-learn
    python3 Data/make_breast_cancer.py > Data/breast_cancer.csv
"""
import csv
import os
import sys

import sklearn
from sklearn.datasets import load_breast_cancer

names = list(load_breast_cancer().feature_names)
path = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "data", "breast_cancer.csv")
with open(path, newline="") as source:
    rows = list(csv.reader(source))
count, features, first, second = rows[0][:4]
assert (int(count), int(features), first, second) == (569, 30, "malignant", "benign")
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(names + ["malignant"])
for row in rows[1:]:
    assert len(row) == 31 and row[30] in ("0", "1")
    out.writerow(row[:30] + ["1" if row[30] == "0" else "0"])
