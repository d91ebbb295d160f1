import numpy as np

from sigmoid import log_sigmoid, logit, sigmoid

x = np.array([-1000.0, -2.0, 0.0, 2.0, 1000.0])  # scores (logits)
y = np.array([0.0, 0.0, 1.0, 1.0, 0.0])  # labels: the last score is badly wrong

p = sigmoid(x)
loss = -np.mean(y * log_sigmoid(x) + (1 - y) * log_sigmoid(-x))
scores = logit(p[1:4])  # back to -2, 0, 2
p32 = sigmoid(x.astype(np.float32))  # float32 in, float32 out
print(p, loss, scores, p32.dtype)
