"""Writes the long PyTorch Lightning metrics.csv that `Benchmarks/plot-bench.sh` draws.

    python3 Benchmarks/make_plot_log.py OUT.csv [ROWS]

As Lightning's CSVLogger writes it with `self.log("train_loss", ..., on_step=True,
on_epoch=True)` and a validation loss: a row per training step with train_loss_step, and
at each epoch's end a row with val_loss and a row with train_loss_epoch, every other cell
blank. 200,000 step rows by default (200 epochs of 1,000 steps). The numbers come from a
fixed formula (no generator), so every run writes the same bytes.
"""
import math
import sys

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
steps_per_epoch = 1_000
with open(out, "w", newline="") as f:
    f.write("epoch,step,train_loss_epoch,train_loss_step,val_loss\n")
    epoch_sum = 0.0
    for step in range(rows):
        epoch = step // steps_per_epoch
        loss = 0.25 + 0.7 * math.exp(-step / 40_000) + 0.05 * math.sin(step * 0.7) * math.cos(step * 0.013)
        epoch_sum += loss
        f.write(f"{epoch},{step},,{loss!r},\n")
        if (step + 1) % steps_per_epoch == 0:
            val = 0.3 + 0.65 * math.exp(-step / 45_000) + 0.00002 * max(0, step - 120_000) / 10
            f.write(f"{epoch},{step},,,{val!r}\n")
            f.write(f"{epoch},{step},{epoch_sum / steps_per_epoch!r},,\n")
            epoch_sum = 0.0
