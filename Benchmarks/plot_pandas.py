"""The figure `workbook plot` draws of a Lightning log, drawn the usual Python way, for
`Benchmarks/plot-bench.sh` to time: pandas reads the CSV, matplotlib draws one line per
loss column (blank cells dropped) and saves an 800x600 PNG.

    python3 Benchmarks/plot_pandas.py metrics.csv out.png
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

log = pd.read_csv(sys.argv[1])
figure, axes = plt.subplots(figsize=(8, 6), dpi=100)
for column in [c for c in log.columns if "loss" in c.lower()]:
    logged = log[["step", column]].dropna()
    axes.plot(logged["step"], logged[column], label=column, linestyle="--" if column.startswith("val") else "-")
axes.set_xlabel("step")
axes.set_ylabel("loss")
axes.set_title("Loss per step")
axes.legend()
figure.savefig(sys.argv[2])
