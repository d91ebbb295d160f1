import torch

x = torch.tensor([-1000.0, -2.0, 0.0, 2.0, 1000.0])  # scores (logits)
y = torch.tensor([0.0, 0.0, 1.0, 1.0, 0.0])  # labels: the last score is badly wrong

p = torch.sigmoid(x)
# The sigmoid fused into the loss: finite and accurate for any score
loss = torch.nn.BCEWithLogitsLoss()(x, y)
# The loss of p: log(1 - p) at p == 1 is clamped to -100, so it comes out too small
loss_of_p = torch.nn.BCELoss()(p, y)
print(p, loss.item(), loss_of_p.item())
