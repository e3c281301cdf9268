"""Writes the TensorBoard event files RunLogsTests reads, with the writers real runs use.

    python3 -m venv /tmp/tb && /tmp/tb/bin/pip install tensorboardX==2.6.5 tensorboard==2.21.0
    /tmp/tb/bin/python Tests/RunLogsTests/Fixtures/tensorboard/make_fixtures.py

Written with tensorboardX 2.6.5, tensorboard 2.21.0, protobuf 7.36.2, numpy 2.4.6.
Wall times of the logged values are fixed and file names given; each file's first event (its
version) carries the time it was written.

- tensorboardx/: tensorboardX's SummaryWriter.add_scalar, the old simple_value form,
  `loss` and `val_loss` every epoch, plus a histogram (not a scalar: left out).
- keras/train and keras/validation: the `tensorboard` package's own Writer, the TF2
  tensor form (DT_FLOAT in float_val with the scalars plugin's metadata), `epoch_loss`
  in each folder as Keras' TensorBoard callback lays them out.
- tensor-content/: the `tensorboard` package's EventFileWriter with events built by
  hand: a DT_DOUBLE scalar in little-endian tensor_content, a DT_DOUBLE in double_val,
  and step 2 logged twice (the later value stands).
"""
import os
import shutil
import struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
LOSS = [0.69, 0.52, 0.41, 0.36, 0.33]
VAL_LOSS = [0.70, 0.56, 0.47, 0.46, 0.48]


def fresh(folder):
    path = os.path.join(HERE, folder)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def rename_only_event_file(folder, name):
    files = [f for f in os.listdir(folder) if "tfevents" in f]
    assert len(files) == 1, files
    os.rename(os.path.join(folder, files[0]), os.path.join(folder, name))


def tensorboardx():
    from tensorboardX import SummaryWriter

    folder = fresh("tensorboardx")
    writer = SummaryWriter(folder, filename_suffix=".fixture")
    for epoch, (loss, val) in enumerate(zip(LOSS, VAL_LOSS)):
        writer.add_scalar("loss", loss, epoch, walltime=1_700_000_000 + epoch)
        writer.add_scalar("val_loss", val, epoch, walltime=1_700_000_000 + epoch)
        writer.add_histogram("weights", np.linspace(-1, 1, 10) * (epoch + 1), epoch, bins="auto", walltime=1_700_000_000 + epoch)
    writer.close()
    rename_only_event_file(folder, "events.out.tfevents.1700000000.fixture")


def keras_layout():
    from tensorboard.summary import Writer

    for part, values in [("train", LOSS), ("validation", VAL_LOSS)]:
        folder = fresh(os.path.join("keras", part))
        writer = Writer(folder)
        for epoch, value in enumerate(values):
            writer.add_scalar("epoch_loss", value, epoch, wall_time=1_700_000_000 + epoch)
        writer.close()
        rename_only_event_file(folder, "events.out.tfevents.1700000000.fixture.v2")


def tensor_content():
    from tensorboard.compat.proto import event_pb2, summary_pb2, tensor_pb2, types_pb2
    from tensorboard.summary.writer.event_file_writer import EventFileWriter

    folder = fresh("tensor-content")
    writer = EventFileWriter(folder, filename_suffix=".fixture")

    def scalar(step, tag, tensor, first):
        event = event_pb2.Event(wall_time=1_700_000_000 + step, step=step)
        metadata = summary_pb2.SummaryMetadata(
            plugin_data=summary_pb2.SummaryMetadata.PluginData(plugin_name="scalars"),
            data_class=summary_pb2.DataClass.DATA_CLASS_SCALAR) if first else None
        value = event.summary.value.add(tag=tag, tensor=tensor)
        if metadata is not None:
            value.metadata.CopyFrom(metadata)
        writer.add_event(event)

    for step, loss in enumerate([2.5, 1.25, 0.75, 0.5]):
        content = tensor_pb2.TensorProto(dtype=types_pb2.DT_DOUBLE, tensor_content=struct.pack("<d", loss))
        scalar(step, "loss", content, step == 0)
        listed = tensor_pb2.TensorProto(dtype=types_pb2.DT_DOUBLE, double_val=[loss + 0.5])
        scalar(step, "eval/loss", listed, step == 0)
    # Step 2 logged again, as a run resumed from a checkpoint does: the later value stands.
    scalar(2, "loss", tensor_pb2.TensorProto(dtype=types_pb2.DT_DOUBLE, tensor_content=struct.pack("<d", 0.7)), False)
    writer.close()
    rename_only_event_file(folder, "events.out.tfevents.1700000000.fixture")


if __name__ == "__main__":
    tensorboardx()
    keras_layout()
    tensor_content()
