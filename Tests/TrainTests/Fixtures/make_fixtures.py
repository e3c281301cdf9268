"""Expected results for `workbook train`, computed independently with NumPy.

Each case is the course's NumPy code, written out again here: seed NumPy's
legacy generator, build the layers in order (weights, then biases, each drawn
with uniform(-1, 1, shape)), then train one sample at a time, each epoch
reordering the already-shuffled samples by np.random.permutation(n). The
"--model" cases start from weights written to a model file instead of drawing
them, with or without shuffling.

Run from this folder to rewrite the fixtures:

    python3 make_fixtures.py

It writes the data files (*.csv), the starting models (*-start.json) and
cases.json: for every case the command-line arguments, the per-epoch losses
and the trained weights. Every number is written with repr, which reads back
as the same double.
"""
import json
import math

import numpy as np


# --- The course's network ----------------------------------------------------

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_derivative(z):
    s = sigmoid(z)
    return s * (1 - s)


def relu(z):
    return np.maximum(0, z)


def relu_derivative(z):
    return (z > 0).astype(float)


ACTIVATIONS = {"relu": (relu, relu_derivative), "sigmoid": (sigmoid, sigmoid_derivative)}


class Layer:
    def __init__(self, n_inputs, n_neurons, activation):
        self.weights = np.random.uniform(-1, 1, (n_neurons, n_inputs))
        self.biases = np.random.uniform(-1, 1, (n_neurons, 1))
        self.activation = activation

    def forward(self, a_prev):
        self.a_prev = a_prev
        self.z = self.weights @ a_prev + self.biases
        f, _ = ACTIVATIONS[self.activation]
        return f(self.z)

    def backward(self, da, learning_rate):
        _, f_prime = ACTIVATIONS[self.activation]
        dz = da * f_prime(self.z)
        dW = dz @ self.a_prev.T
        db = dz
        da_prev = self.weights.T @ dz
        self.weights -= learning_rate * dW
        self.biases -= learning_rate * db
        return da_prev


def fit(layers, X, y, epochs, learning_rate, shuffle):
    losses = []
    for epoch in range(epochs):
        if shuffle:
            perm = np.random.permutation(len(X))
            X, y = X[perm], y[perm]
        total = 0.0
        for i in range(len(X)):
            a = X[i].reshape(-1, 1)
            for layer in layers:
                a = layer.forward(a)
            y_hat = a[0, 0]
            total += -(y[i] * np.log(y_hat) + (1 - y[i]) * np.log(1 - y_hat))
            da = np.array([[(y_hat - y[i]) / (y_hat * (1 - y_hat))]])
            for layer in reversed(layers):
                da = layer.backward(da, learning_rate)
        losses.append(float(total / len(X)))
    return losses


# --- Files --------------------------------------------------------------------

def model_json(layers):
    return {"layers": [{"activation": layer.activation,
                        "weights": [[float(w) for w in row] for row in layer.weights],
                        "biases": [float(b) for b in layer.biases[:, 0]]} for layer in layers]}


def write_csv(name, X, y):
    with open(name, "w") as file:
        file.write(",".join([f"x{i + 1}" for i in range(X.shape[1])] + ["label"]) + "\n")
        for row, label in zip(X, y):
            file.write(",".join([repr(float(v)) for v in row] + [str(int(label))]) + "\n")


def make_data(name, rows, features, seed):
    """Points in [-1.5, 1.5)^features, labelled by a curved rule with some noise.

    Drawn from a RandomState of their own, so the global generator the
    training uses is untouched."""
    rng = np.random.RandomState(seed)
    X = rng.uniform(-1.5, 1.5, (rows, features))
    score = X[:, 0] * X[:, 0] + np.sin(2 * X[:, 1]) - 0.4 * X.sum(axis=1) + rng.normal(0, 0.3, rows)
    y = (score > np.median(score)).astype(float)
    write_csv(name, X, y)
    return X, y


# --- Cases --------------------------------------------------------------------

def seeded_case(name, data, sizes, activations, seed, epochs, learning_rate, test_fraction=0.0):
    """`workbook train --seed S`: weights and shuffles from np.random.seed(S)."""
    X, y = data
    train_rows = len(X) - int(math.floor(len(X) * test_fraction + 0.5))
    np.random.seed(seed)
    layers = [Layer(sizes[i], sizes[i + 1], activations[i]) for i in range(len(activations))]
    losses = fit(layers, X[:train_rows], y[:train_rows], epochs, learning_rate, shuffle=True)
    arguments = ["--layers", ",".join(map(str, sizes)), "--activations", ",".join(activations),
                 "--seed", str(seed), "--epochs", str(epochs), "--learning-rate", repr(learning_rate)]
    if test_fraction != 0.2:  # workbook train keeps the last 20% for testing unless told otherwise
        arguments += ["--test-fraction", repr(test_fraction)]
    return {"name": name, "arguments": arguments, "losses": losses, "trained": model_json(layers)}


def model_case(name, data, sizes, activations, weight_seed, epochs, learning_rate, shuffle_seed=None):
    """`workbook train --model START.json`: weights from a file, in file order
    (--no-shuffle) or shuffled by np.random.seed(shuffle_seed)."""
    X, y = data
    np.random.seed(weight_seed)
    layers = [Layer(sizes[i], sizes[i + 1], activations[i]) for i in range(len(activations))]
    start = f"{name}-start.json"
    with open(start, "w") as file:
        json.dump(model_json(layers), file, indent=1)
    arguments = ["--model", start, "--epochs", str(epochs), "--learning-rate", repr(learning_rate),
                 "--test-fraction", "0.0"]
    if shuffle_seed is None:
        arguments.append("--no-shuffle")
    else:
        np.random.seed(shuffle_seed)
        arguments += ["--seed", str(shuffle_seed)]
    losses = fit(layers, X, y, epochs, learning_rate, shuffle=shuffle_seed is not None)
    return {"name": name, "arguments": arguments, "losses": losses, "trained": model_json(layers)}


def main():
    two = ("two-features.csv", make_data("two-features.csv", 200, 2, seed=1))
    three = ("three-features.csv", make_data("three-features.csv", 120, 3, seed=2))
    four = ("four-features.csv", make_data("four-features.csv", 90, 4, seed=3))

    cases = [
        (two, seeded_case("course-seed-10", two[1], [2, 6, 6, 1], ["relu", "relu", "sigmoid"], 10, 10, 0.01)),
        (two, seeded_case("course-seed-0-test-split", two[1], [2, 6, 6, 1], ["relu", "relu", "sigmoid"], 0, 15, 0.05,
                          test_fraction=0.2)),
        (three, seeded_case("sigmoid-3-5-1-seed-3", three[1], [3, 5, 1], ["sigmoid", "sigmoid"], 3, 8, 0.1)),
        (two, seeded_case("deep-seed-2024", two[1], [2, 8, 4, 3, 1], ["relu", "sigmoid", "relu", "sigmoid"],
                          2024, 12, 0.02)),
        (two, model_case("model-2-4-1-in-order", two[1], [2, 4, 1], ["relu", "sigmoid"], 7, 6, 0.03)),
        (four, model_case("model-4-6-3-1-in-order", four[1], [4, 6, 3, 1], ["sigmoid", "relu", "sigmoid"], 11, 9,
                          0.05)),
        (three, model_case("model-3-4-1-shuffled-seed-5", three[1], [3, 4, 1], ["relu", "sigmoid"], 12, 5, 0.02,
                           shuffle_seed=5)),
    ]
    entries = []
    for (data_name, _), case in cases:
        case["arguments"] = ["--data", data_name] + case["arguments"]
        entries.append(case)
    with open("cases.json", "w") as file:
        json.dump({"numpy": np.__version__, "cases": entries}, file, indent=1)
        file.write("\n")


if __name__ == "__main__":
    main()
