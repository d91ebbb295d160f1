import jax
import jax.numpy as jnp

x = jnp.array([-1000.0, -2.0, 0.0, 2.0, 1000.0])  # scores (logits)
y = jnp.array([0.0, 0.0, 1.0, 1.0, 0.0])  # labels: the last score is badly wrong


def cross_entropy(x):
    return -jnp.mean(y * jax.nn.log_sigmoid(x) + (1 - y) * jax.nn.log_sigmoid(-x))


p = jax.nn.sigmoid(x)
loss, gradient = jax.value_and_grad(cross_entropy)(x)  # gradient: (p - y) / 5
print(p, loss, gradient)
