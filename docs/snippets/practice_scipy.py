import numpy as np
from scipy.special import expit, log_expit, logit

x = np.array([-1000.0, -2.0, 0.0, 2.0, 1000.0])  # scores (logits)
y = np.array([0.0, 0.0, 1.0, 1.0, 0.0])  # labels: the last score is badly wrong

p = expit(x)  # 0 at -1000, with no overflow warning
# log_expit(-1000) is -1000, where np.log(expit(-1000)) is -inf
loss = -np.mean(y * log_expit(x) + (1 - y) * log_expit(-x))
scores = logit(p[1:4])  # back to -2, 0, 2
print(p, loss, scores)
