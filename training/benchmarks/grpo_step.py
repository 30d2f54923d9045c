#!/usr/bin/python3
"""PyTorch peer of GrpoStepBenchmark: one GRPO iteration on the same weights and shapes.

Loads a medvqa model directory (config.json + model.safetensors) into a plain-PyTorch copy of the
architecture (ViT prefix + pre-LN causal decoder with a tied head), then times what the DJL side times:
P prompts x G sampled completions of up to N new tokens (KV cache, each image encoded once, rows stop
at <eos>), the frozen reference's log-probs, the policy's log-probs with gradients, the clipped
surrogate + beta * k3 (loss_type grpo), backward and an AdamW step.

    grpo_step.py MODEL_DIR PROMPT_TOKENS [prompts=8] [generations=8] [tokens=32] [iterations=5]

Prints one JSON line like the Java side.
"""
import json
import math
import struct
import sys
import time

import torch
import torch.nn.functional as F

EOS, PAD = 2, 0


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        t = torch.frombuffer(bytearray(data[a:b]), dtype=torch.float32).reshape(info["shape"])
        out[name] = t.clone()
    return out


class Layer(torch.nn.Module):
    """x = x + proj(attn(ln1 x)); x = x + fc2(gelu(fc1(ln2 x)))   (pre-LN, as TransformerLayer.java)"""

    def __init__(self, d, heads, ratio):
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = torch.nn.LayerNorm(d), torch.nn.LayerNorm(d)
        self.qkv, self.proj = torch.nn.Linear(d, 3 * d), torch.nn.Linear(d, d)
        self.fc1, self.fc2 = torch.nn.Linear(d, ratio * d), torch.nn.Linear(ratio * d, d)

    def forward(self, x, bias, past=None):
        b, t, d = x.shape
        hd = d // self.heads
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q, k, v = (z.reshape(b, t, self.heads, hd).transpose(1, 2) for z in (q, k, v))  # (B, H, T, hd)
        if past is not None:
            k, v = torch.cat([past[0], k], 2), torch.cat([past[1], v], 2)
        s = q @ k.transpose(2, 3) / math.sqrt(hd)  # (B, H, T, P+T)
        if bias is not None:
            s = s + bias
        x = x + self.proj((s.softmax(3) @ v).transpose(1, 2).reshape(b, t, d))
        return x + self.fc2(F.gelu(self.fc1(self.ln2(x)))), (k, v)


class Vqa(torch.nn.Module):
    def __init__(self, c):
        super().__init__()
        d, h, r = c["width"], c["heads"], c["mlp_ratio"]
        self.c = c
        self.patch_embed = torch.nn.Linear(c["channels"] * c["patch_size"] ** 2, d)
        n = (c["image_size"] // c["patch_size"]) ** 2
        self.enc_pos = torch.nn.Parameter(torch.zeros(n, d))
        self.enc = torch.nn.ModuleList(Layer(d, h, r) for _ in range(c["encoder_layers"]))
        self.enc_norm, self.projection = torch.nn.LayerNorm(d), torch.nn.Linear(d, d)
        self.tok = torch.nn.Parameter(torch.zeros(c["vocab_size"], d))
        self.pos = torch.nn.Parameter(torch.zeros(n + c["max_text_tokens"], d))
        self.dec = torch.nn.ModuleList(Layer(d, h, r) for _ in range(c["decoder_layers"]))
        self.norm = torch.nn.LayerNorm(d)
        self.n = n

    def load_medvqa(self, w):
        def lin(m, p):
            m.weight.data.copy_(w[p + "weight"]); m.bias.data.copy_(w[p + "bias"])

        def ln(m, p):
            m.weight.data.copy_(w[p + "gamma"] if p + "gamma" in w else w[p + "weight"])
            m.bias.data.copy_(w[p + "beta"] if p + "beta" in w else w[p + "bias"])

        def layer(m, p):
            ln(m.ln1, p + "ln1."); ln(m.ln2, p + "ln2.")
            for name in ("qkv", "proj", "fc1", "fc2"):
                lin(getattr(m, name), p + name + ".")

        lin(self.patch_embed, "encoder.patch_embed.")
        self.enc_pos.data.copy_(w["encoder.position"])
        for i, m in enumerate(self.enc):
            layer(m, f"encoder.layers.{i}.")
        ln(self.enc_norm, "encoder.norm."); lin(self.projection, "encoder.projection.")
        self.tok.data.copy_(w["decoder.token_embedding"]); self.pos.data.copy_(w["decoder.position"])
        for i, m in enumerate(self.dec):
            layer(m, f"decoder.layers.{i}.")
        ln(self.norm, "decoder.norm.")

    def prefix(self, images, rows):
        """Encodes each distinct image once; returns the decoder cache per row (rows index images)."""
        b, c, s, _ = images.shape
        p = self.c["patch_size"]; g = s // p
        x = images.reshape(b, c, g, p, g, p).permute(0, 2, 4, 1, 3, 5).reshape(b, g * g, c * p * p)
        x = self.patch_embed(x) + self.enc_pos
        for m in self.enc:
            x, _ = m(x, None)
        x = self.projection(self.enc_norm(x)) + self.pos[: self.n]
        cache = []
        for m in self.dec:
            x, kv = m(x, None)
            cache.append(kv)
        return [(k[rows], v[rows]) for k, v in cache]

    def decode(self, tokens, positions, bias, cache):
        x = self.tok[tokens] + self.pos[positions]
        new = []
        for m, past in zip(self.dec, cache):
            x, kv = m(x, bias, past)
            new.append(kv)
        return self.norm(x) @ self.tok.T, new  # (B, T, V)


def generate(model, images, rows, prompt, n_new):
    """Sampling at temperature 1, rows stop at <eos>; returns the completions (lists of ids)."""
    with torch.no_grad():
        b = len(rows)
        cache = model.prefix(images, rows)
        t = prompt.shape[0]
        toks = prompt.expand(b, t)
        pos = torch.arange(model.n, model.n + t).expand(b, t)
        causal = torch.full((t, model.n + t), 0.0)
        causal[:, model.n:] = torch.triu(torch.full((t, t), -1e9), 1)
        logits, cache = model.decode(toks, pos, causal.expand(b, 1, t, model.n + t), cache)
        out = [[] for _ in range(b)]
        done = torch.zeros(b, dtype=torch.bool)
        for s in range(n_new):
            nxt = torch.multinomial(logits[:, -1].softmax(-1), 1).squeeze(1)
            nxt = torch.where(done, torch.full_like(nxt, PAD), nxt)
            for i in range(b):
                if not done[i]:
                    out[i].append(int(nxt[i]))
            done |= nxt == EOS
            if bool(done.all()) or s == n_new - 1:
                break
            p = torch.full((b, 1), model.n + t + s)
            logits, cache = model.decode(nxt[:, None], p, None, cache)
        return out


def log_probs(model, images, rows, prompt, completions):
    """Teacher-forced log p of each completion token, (B, C), and the mask."""
    b, t = len(rows), prompt.shape[0]
    c = max(len(x) for x in completions)
    seq = torch.full((b, t + c), PAD, dtype=torch.long)
    seq[:, :t] = prompt
    mask = torch.zeros(b, c)
    for i, x in enumerate(completions):
        seq[i, t:t + len(x)] = torch.tensor(x)
        mask[i, : len(x)] = 1
    cache = model.prefix(images, rows)
    L = t + c
    bias = torch.zeros(L, model.n + L)
    bias[:, model.n:] = torch.triu(torch.full((L, L), -1e9), 1)
    logits, _ = model.decode(seq, torch.arange(model.n, model.n + L).expand(b, L), bias.expand(b, 1, L, model.n + L), cache)
    lp = logits[:, t - 1:t - 1 + c].log_softmax(-1).gather(2, seq[:, t:t + c, None]).squeeze(2)
    return lp * mask, mask


def main():
    d = sys.argv[1]
    prompt_len = int(sys.argv[2])
    P, G, N, iters = (int(a) for a in (sys.argv[3:] + ["8", "8", "32", "5"][len(sys.argv) - 3:])[:4])
    torch.set_num_threads(2)
    torch.manual_seed(0)
    cfg = json.load(open(f"{d}/config.json"))
    arch = cfg.get("architecture", cfg)
    w = read_safetensors(f"{d}/model.safetensors")
    policy, ref = Vqa(arch), Vqa(arch)
    policy.load_medvqa(w); ref.load_medvqa(w)
    for p in ref.parameters():
        p.requires_grad_(False)
    adam = torch.optim.AdamW(policy.parameters(), lr=1e-4, weight_decay=0.0)
    s = arch["image_size"]
    images = torch.rand(P, arch["channels"], s, s)
    rows = torch.arange(P).repeat_interleave(G)
    prompt = torch.randint(3, arch["vocab_size"], (prompt_len,))
    adv = torch.tensor([1.0 if i % 2 == 0 else -1.0 for i in range(P * G)])
    roll, upd, generated = [], [], 0
    for it in range(iters + 1):
        t0 = time.perf_counter()
        comps = generate(policy, images, rows, prompt, N)
        t1 = time.perf_counter()
        generated = sum(len(x) for x in comps)
        with torch.no_grad():
            lp_ref, _ = log_probs(ref, images, rows, prompt, comps)
        lp, mask = log_probs(policy, images, rows, prompt, comps)
        rho = (lp - lp.detach()).exp()
        surr = torch.minimum(rho * adv[:, None], rho.clamp(0.8, 1.2) * adv[:, None])
        dlt = lp_ref - lp
        per_token = -surr + 0.04 * (dlt.exp() - dlt - 1)
        loss = ((per_token * mask).sum(1) / mask.sum(1).clamp(min=1)).mean()
        adam.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0)
        adam.step()
        t2 = time.perf_counter()
        roll.append(t1 - t0); upd.append(t2 - t1)
    med = lambda x: sorted(x[1:])[len(x[1:]) // 2]
    r, u = med(roll), med(upd)
    print(json.dumps({"peer": "pytorch", "torch": torch.__version__, "prompts": P, "generations": G, "new_tokens": N,
                      "generated_tokens": generated, "rollout_s": round(r, 4), "update_s": round(u, 4),
                      "iteration_s": round(r + u, 4)}))


if __name__ == "__main__":
    main()
