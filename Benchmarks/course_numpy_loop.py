# The course's NumPy training loop, for `workbook bench` to time against the
# tool's training on the same data and seed. Run as
#   python3 Benchmarks/course_numpy_loop.py data.csv seed epochs learning_rate
# It prints one JSON line: {"seconds": …, "samples": …, "losses": […], "numpy": "2.x"}.
#
# The network and the loop are the course's, written as the course writes them
# (a class per layer, `@` products, one sample at a time); only the timing and
# the JSON line are the benchmark's. It lives outside Sources/ so that the
# learner edition, which leaves this folder out, does not carry the course's
# training loop.
import json, sys, time
import numpy as np

path, seed, epochs, learning_rate = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
data = np.loadtxt(path, delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1]

def relu(z): return np.maximum(0, z)
def relu_derivative(z): return (z > 0).astype(float)
def sigmoid(z): return 1 / (1 + np.exp(-z))
def sigmoid_derivative(z):
    s = sigmoid(z)
    return s * (1 - s)

class Layer:
    def __init__(self, n_inputs, n_neurons, activation, derivative):
        self.weights = np.random.uniform(-1, 1, (n_neurons, n_inputs))
        self.biases = np.random.uniform(-1, 1, (n_neurons, 1))
        self.activation, self.derivative = activation, derivative

    def forward(self, a_prev):
        self.a_prev = a_prev
        self.z = self.weights @ a_prev + self.biases
        return self.activation(self.z)

    def backward(self, da, learning_rate):
        dz = da * self.derivative(self.z)
        dW = dz @ self.a_prev.T
        db = dz
        da_prev = self.weights.T @ dz
        self.weights -= learning_rate * dW
        self.biases -= learning_rate * db
        return da_prev

np.random.seed(seed)
layers = [Layer(2, 6, relu, relu_derivative), Layer(6, 6, relu, relu_derivative),
          Layer(6, 1, sigmoid, sigmoid_derivative)]

start = time.perf_counter()
losses = []
for epoch in range(epochs):
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
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "samples": epochs * len(X), "losses": losses, "numpy": np.__version__}))
