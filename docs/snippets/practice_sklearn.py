import numpy as np
from scipy.special import expit
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(0)
X = rng.normal(size=(200, 2))
y = (X[:, 0] - 2 * X[:, 1] + rng.logistic(size=200) > 0).astype(int)

model = LogisticRegression().fit(X, y)
p = model.predict_proba(X)[:, 1]  # column 1: the probability of class 1
same = np.allclose(p, expit(model.decision_function(X)))  # sigmoid of the score
print(p[:3], same)
