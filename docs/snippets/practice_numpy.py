import numpy as np

x = np.array([-1000.0, -2.0, 0.0, 2.0, 1000.0])  # scores (logits)
y = np.array([0.0, 0.0, 1.0, 1.0, 0.0])  # labels: the last score is badly wrong

z = np.exp(-np.abs(x))  # at most 1, so it never overflows
p = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
# Binary cross-entropy written in x, never in p: max(x, 0) - x*y + log1p(e^-|x|)
loss = np.mean(np.maximum(x, 0) - x * y + np.log1p(z))
print(p, loss)
