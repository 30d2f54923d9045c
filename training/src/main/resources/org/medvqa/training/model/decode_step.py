class DecodeStep(Module):
  __parameters__ = []
  __buffers__ = []
  training : bool
  def forward(self: __torch__.DecodeStep,
      w: List[Tensor],
      tokens: Tensor,
      positions: Tensor,
      bias: Tensor,
      detected: Tensor,
      keys: List[Tensor],
      values: List[Tensor],
      past: int,
      heads: int,
      scale: float) -> Tensor:
    # TorchScript, compiled by libtorch when medvqa loads it (ScriptedDecoding): the same step as the DJL
    # blocks of TextDecoder, TransformerLayer and DetectorFusion.fuse, for T new positions per row.
    #   w       token_embedding, position, norm.weight, norm.bias, then per layer ln1.weight, ln1.bias,
    #           qkv.weight, qkv.bias, proj.weight, proj.bias, ln2.weight, ln2.bias, fc1.weight, fc1.bias,
    #           fc2.weight, fc2.bias, then (with a detector) fusion question.weight/bias, out.weight/bias
    #   tokens, positions (B, T) int64; bias (B, 1, T, past + T) or empty; detected (B, 1, D) or empty
    #   keys, values      per layer (B, H, capacity, D/H): written in place at [past, past + T)
    # Returns the next-token log-probabilities after each row's last position, (B, V).
    b = tokens.size(0)
    t = tokens.size(1)
    layers = len(keys)
    x = torch.embedding(w[0], tokens) + torch.embedding(w[1], positions)
    if detected.numel() > 0:
      f = 4 + 12 * layers
      x = x + torch.linear(torch.linear(x, w[f], w[f + 1]) * detected, w[f + 2], w[f + 3])
    d = x.size(2)
    hd = d // heads
    for i in range(layers):
      o = 4 + 12 * i
      h = torch.layer_norm(x, [d], w[o], w[o + 1])
      q, k, v = torch.linear(h, w[o + 2], w[o + 3]).view(b, t, 3 * heads, hd).transpose(1, 2).chunk(3, 1)
      keys[i].narrow(2, past, t).copy_(k)
      values[i].narrow(2, past, t).copy_(v)
      scores = torch.matmul(q * scale, keys[i].narrow(2, 0, past + t).transpose(2, 3))
      if bias.numel() > 0:
        scores = scores + bias
      y = torch.matmul(scores.softmax(3), values[i].narrow(2, 0, past + t)).transpose(1, 2).reshape(b, t, d)
      x = x + torch.linear(y, w[o + 4], w[o + 5])
      h = torch.layer_norm(x, [d], w[o + 6], w[o + 7])
      x = x + torch.linear(torch.gelu(torch.linear(h, w[o + 8], w[o + 9])), w[o + 10], w[o + 11])
    x = torch.layer_norm(x.narrow(1, t - 1, 1), [d], w[2], w[3])
    return torch.log_softmax(torch.linear(x, w[0]), 2).view(b, -1)
