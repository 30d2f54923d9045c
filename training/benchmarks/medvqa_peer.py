#!/usr/bin/python3
"""An independent PyTorch implementation of the medvqa vision-language model (training/src/main/java/
org/medvqa/training/model): the parity oracle and the speed peer of the DJL model.

It reads a model directory written by VqaModel.save (config.json + model.safetensors) without any
medvqa code, builds the same architecture from torch.nn, and offers what the benchmarks need:

  completion_logits(images, prompts, completions)   teacher-forced logits (B, C, V), same layout as DJL
  generate(images, prompts, max_new)                 greedy decoding with a KV cache, left-padded batch
  sft_step(images, prompts, completions, opt)        one AdamW step on mean token NLL

The GRPO helper can import this module and add its step (log-probs with gradients are
token_log_probs below).

  /usr/bin/python3 medvqa_peer.py parity CASE.json OUT.json      (used by the Java parity test)
  /usr/bin/python3 medvqa_peer.py bench DIR                      (run-benchmark: the DJL workload in DIR)
  /usr/bin/python3 medvqa_peer.py matmul                         (fp32 matmul GFLOP/s: is a fast BLAS in use?)
"""
import json
import math
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

BOS, EOS, PAD = 1, 2, 0
MASKED = -1e9
STD_EPSILON = 0.05


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        begin, end = t["data_offsets"]
        array = np.frombuffer(data, dtype="<f4", count=(end - begin) // 4, offset=8 + n + begin)
        out[name] = torch.from_numpy(array.copy()).reshape(t["shape"])
    return out


class Layer(nn.Module):
    """Pre-LN transformer layer; attention bias (B, 1, T, P+T) is 0 (visible) or -1e9; None = full."""

    def __init__(self, width, heads, mlp_ratio):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(width)
        self.qkv = nn.Linear(width, 3 * width)
        self.proj = nn.Linear(width, width)
        self.ln2 = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, mlp_ratio * width)
        self.fc2 = nn.Linear(mlp_ratio * width, width)

    def forward(self, x, bias=None, past=None):
        b, t, d = x.shape
        hd = d // self.heads
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q = q.view(b, t, self.heads, hd).transpose(1, 2)  # (B, H, T, hd)
        k = k.view(b, t, self.heads, hd).transpose(1, 2)
        v = v.view(b, t, self.heads, hd).transpose(1, 2)
        if past is not None:
            k = torch.cat([past[0], k], dim=2)  # (B, H, P+T, hd)
            v = torch.cat([past[1], v], dim=2)
        scores = q @ k.transpose(2, 3) * (1.0 / math.sqrt(hd))
        if bias is not None:
            scores = scores + bias
        y = (scores.softmax(dim=3) @ v).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(y)
        x = x + self.fc2(F.gelu(self.fc1(self.ln2(x))))
        return x, (k, v)


class VqaPeer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        d, p, c = cfg["width"], cfg["patch_size"], cfg["channels"]
        self.n = (cfg["image_size"] // p) ** 2
        f = cfg.get("stem_channels", 0)
        # optional convolutional stem: gelu(conv3x3) -> gelu(conv3x3, stride 2), then (p/2)^2 patches of f channels
        self.stem = nn.ModuleList(nn.Conv2d(c if i == 0 else f, f, 3, stride=i + 1, padding=1) for i in range(2 if f else 0))
        self.patch_embed = nn.Linear(f * (p // 2) ** 2 if f else c * p * p, d)
        self.enc_position = nn.Parameter(torch.zeros(self.n, d))
        self.enc_layers = nn.ModuleList(Layer(d, cfg["heads"], cfg["mlp_ratio"]) for _ in range(cfg["encoder_layers"]))
        self.enc_norm = nn.LayerNorm(d)
        self.projection = nn.Linear(d, d)
        self.token_embedding = nn.Parameter(torch.zeros(cfg["vocab_size"], d))
        self.dec_position = nn.Parameter(torch.zeros(self.n + cfg["max_text_tokens"], d))
        self.dec_layers = nn.ModuleList(Layer(d, cfg["heads"], cfg["mlp_ratio"]) for _ in range(cfg["decoder_layers"]))
        self.dec_norm = nn.LayerNorm(d)
        # optional detector fusion: four gelu(conv3x3) (F/4, F/4, F/2, F; strides 1, 2, 2, 2), max-pooled,
        # read by every text embedding as e + out(question(e) * image(pooled))
        fd = cfg.get("detector_channels", 0)
        chans = [c, fd // 4, fd // 4, fd // 2, fd]
        self.detector = nn.ModuleList(nn.Conv2d(chans[i], chans[i + 1], 3, stride=1 if i == 0 else 2, padding=1)
                                      for i in range(4 if fd else 0))
        if fd:
            self.fusion_image = nn.Linear(fd, d)
            self.fusion_question = nn.Linear(d, d)
            self.fusion_out = nn.Linear(d, d)

    # names in model.safetensors -> this module's parameters
    def load_medvqa(self, tensors):
        mapping = {"encoder.stem.": "stem.", "encoder.patch_embed.": "patch_embed.", "encoder.position": "enc_position",
                   "encoder.norm.": "enc_norm.", "encoder.projection.": "projection.",
                   "encoder.layers.": "enc_layers.", "decoder.token_embedding": "token_embedding",
                   "decoder.position": "dec_position", "decoder.layers.": "dec_layers.", "decoder.norm.": "dec_norm.",
                   "fusion.detector.": "detector.", "fusion.image.": "fusion_image.",
                   "fusion.question.": "fusion_question.", "fusion.out.": "fusion_out."}
        state = {}
        for name, value in tensors.items():
            if name.startswith("preprocess."):
                continue
            for a, b in mapping.items():
                if name.startswith(a):
                    state[b + name[len(a):]] = value
                    break
            else:
                raise KeyError(name)
        self.load_state_dict(state, strict=True)

    def encode(self, images):  # (U, C, S, S) standardised -> (U, N, D)
        u, c, s, _ = images.shape
        p = self.cfg["patch_size"]
        g = s // p
        for conv in self.stem:
            images = F.gelu(conv(images))
        if len(self.stem):
            c, p = images.shape[1], p // 2
        patches = images.reshape(u, c, g, p, g, p).permute(0, 2, 4, 1, 3, 5).reshape(u, g * g, c * p * p)
        x = self.patch_embed(patches) + self.enc_position
        for layer in self.enc_layers:
            x, _ = layer(x)
        return self.projection(self.enc_norm(x))

    def decode(self, x, bias, cache):
        new = []
        for i, layer in enumerate(self.dec_layers):
            x, kv = layer(x, bias, None if cache is None else cache[i])
            new.append(kv)
        return self.dec_norm(x), new

    def detect(self, images):  # (U, C, S, S) -> (U, 1, D), or None without a detector
        if not len(self.detector):
            return None
        x = images
        for conv in self.detector:
            x = F.gelu(conv(x))
        return self.fusion_image(x.amax(dim=(2, 3))).unsqueeze(1)

    def embed_text(self, tokens, positions, detected):
        x = self.token_embedding[tokens] + self.dec_position[positions]
        if detected is None:
            return x
        return x + self.fusion_out(self.fusion_question(x) * detected)

    def prefix_cache(self, images, rows):
        """rows: image index per prompt; returns the per-layer (k, v) cache and the detector read-out per row."""
        x = self.encode(images) + self.dec_position[: self.n]
        _, cache = self.decode(x, None, None)
        idx = torch.as_tensor(rows, dtype=torch.long)
        detected = self.detect(images)
        return [(k[idx], v[idx]) for k, v in cache], None if detected is None else detected[idx]

    def logits(self, h):
        return h @ self.token_embedding.t()

    def completion_logits(self, images, rows, prompts, completions):
        """Right-padded [prompt completion pad]; returns (B, C, V) logits predicting each completion token."""
        n = self.n
        b = len(prompts)
        seqs = [p + c for p, c in zip(prompts, completions)]
        t = max(len(s) for s in seqs)
        c = max(len(x) for x in completions)
        tokens = torch.full((b, t), PAD, dtype=torch.long)
        positions = torch.zeros((b, t), dtype=torch.long)
        bias = torch.zeros((b, 1, t, n + t))
        src = torch.zeros((b, c), dtype=torch.long)
        for i, s in enumerate(seqs):
            tokens[i, : len(s)] = torch.tensor(s)
            positions[i] = n + torch.clamp(torch.arange(t), max=len(s) - 1)
            q = torch.arange(t).view(t, 1)
            k = torch.arange(t).view(1, t)
            visible = (k < len(s)) & (k <= q)
            bias[i, 0, :, n:] = torch.where(visible, 0.0, MASKED)
            for j in range(len(completions[i])):
                src[i, j] = len(prompts[i]) - 1 + j
        cache, detected = self.prefix_cache(images, rows)
        x = self.embed_text(tokens, positions, detected)
        h, _ = self.decode(x, bias, cache)
        h = torch.gather(h, 1, src.unsqueeze(2).expand(b, c, h.shape[2]))
        return self.logits(h)

    def token_log_probs(self, images, rows, prompts, completions):
        """(B, C) log p of each completion token and the (B, C) mask; differentiable."""
        logp = self.completion_logits(images, rows, prompts, completions).log_softmax(dim=2)
        c = logp.shape[1]
        target = torch.zeros((len(completions), c), dtype=torch.long)
        mask = torch.zeros((len(completions), c))
        for i, comp in enumerate(completions):
            target[i, : len(comp)] = torch.tensor(comp)
            mask[i, : len(comp)] = 1
        return torch.gather(logp, 2, target.unsqueeze(2)).squeeze(2) * mask, mask

    @torch.no_grad()
    def generate(self, images, rows, prompts, max_new, pick=lambda logp: logp.argmax(dim=1)):
        """KV-cached, left-padded between image prefix and prompt, as the DJL TextGenerator.

        ``pick`` chooses each step's tokens from the (B, V) log-probabilities: greedy unless told.
        """
        n = self.n
        b = len(prompts)
        width = max(len(p) for p in prompts)
        cache, detected = self.prefix_cache(images, rows)
        visible = torch.zeros((b, n + width + max_new), dtype=torch.bool)
        visible[:, :n] = True
        tokens = torch.full((b, width), PAD, dtype=torch.long)
        positions = torch.full((b, width), n, dtype=torch.long)
        for i, p in enumerate(prompts):
            pad = width - len(p)
            tokens[i, pad:] = torch.tensor(p)
            positions[i, pad:] = n + torch.arange(len(p))
            visible[i, n + pad: n + width] = True
        out = [[] for _ in range(b)]
        done = [False] * b
        past = n
        q = torch.arange(width).view(width, 1)
        k = torch.arange(n + width).view(1, n + width)
        mask = (k <= past + q).unsqueeze(0) & visible[:, : n + width].unsqueeze(1)
        bias = torch.where(mask, 0.0, MASKED).unsqueeze(1)
        x = self.embed_text(tokens, positions, detected)
        h, cache = self.decode(x, bias, cache)
        logp = self.logits(h[:, -1]).log_softmax(dim=1)
        for s in range(max_new):
            nxt = pick(logp)
            for i in range(b):
                if not done[i]:
                    out[i].append(int(nxt[i]))
                    done[i] = int(nxt[i]) == EOS
                else:
                    nxt[i] = PAD
            if all(done) or s == max_new - 1:
                break
            keys = n + width + s + 1
            visible[:, n + width + s] = True
            bias = torch.where(visible[:, :keys], 0.0, MASKED).view(b, 1, 1, keys)
            pos = torch.tensor([n + len(p) + s for p in prompts]).view(b, 1)
            x = self.embed_text(nxt.view(b, 1), pos, detected)
            h, cache = self.decode(x, bias, cache)
            logp = self.logits(h[:, -1]).log_softmax(dim=1)
        return out


def load(model_dir):
    with open(f"{model_dir}/config.json") as f:
        cfg = json.load(f)["architecture"]
    tensors = read_safetensors(f"{model_dir}/model.safetensors")
    peer = VqaPeer(cfg)
    peer.load_medvqa(tensors)
    return peer, tensors["preprocess.mean"], tensors["preprocess.std"]


def parity(case_file, out_file):
    """Teacher-forced logits for the case the Java test wrote; images are already standardised."""
    with open(case_file) as f:
        case = json.load(f)
    peer, _, _ = load(case["model"])
    images = torch.tensor(case["images"], dtype=torch.float32).reshape(case["image_shape"])
    with torch.no_grad():
        logits = peer.completion_logits(images, case["rows"], case["prompts"], case["completions"])
        greedy = peer.generate(images, case["rows"], case["prompts"], case["max_new"])
    with open(out_file, "w") as f:
        json.dump({"shape": list(logits.shape), "logits": logits.flatten().tolist(), "greedy": greedy}, f)


def timed(fn, warmup, repeats):
    import time
    times = []
    result = None
    for k in range(warmup + repeats):
        t0 = time.perf_counter()
        result = fn()
        if k >= warmup:
            times.append((time.perf_counter() - t0) * 1000)
    return sorted(times)[len(times) // 2], result


def bench(bench_dir):
    """The DJL benchmark's workload (bench_dir/djl.json), run on the same weights; writes torch.json."""
    with open(f"{bench_dir}/djl.json") as f:
        djl = json.load(f)
    w = djl["workload"]
    peer, _, _ = load(f"{bench_dir}/model")
    images = torch.tensor(w["images"], dtype=torch.float32).reshape(16, 1, 64, 64)
    out = {"threads": torch.get_num_threads(), "torch": torch.__version__}
    for name, b in (("generate_b1", 1), ("generate_b16", 16)):
        ms, tokens = timed(lambda: peer.generate(images[:b], list(range(b)), w["prompts"][:b], w["max_new"]),
                           w["warmup"], w["repeats"])
        n = sum(len(t) for t in tokens)
        out[name] = {"median_ms": ms, "tokens": n, "tokens_per_s": n / (ms / 1000)}
    opt = torch.optim.AdamW(peer.parameters(), lr=1e-4, weight_decay=0.01)
    rows = [i // 2 for i in range(32)]

    def step():
        opt.zero_grad(set_to_none=True)
        logp, mask = peer.token_log_probs(images, rows, w["train_prompts"], w["train_targets"])
        loss = -(logp.sum() / mask.sum())
        loss.backward()
        torch.nn.utils.clip_grad_norm_(peer.parameters(), 1.0)
        opt.step()
        return float(loss)

    ms, _ = timed(step, w["warmup"], w["repeats"])
    out["sft_step"] = {"median_ms": ms, "questions": 32, "images": 16}
    with open(f"{bench_dir}/torch.json", "w") as f:
        json.dump(out, f, indent=2)
    print("torch:", json.dumps(out))


def matmul_gflops():
    import time
    a = torch.randn(1024, 1024)
    b = torch.randn(1024, 1024)
    a @ b
    t0 = time.perf_counter()
    for _ in range(10):
        a @ b
    return 10 * 2 * 1024 ** 3 / (time.perf_counter() - t0) / 1e9


if __name__ == "__main__":
    torch.set_num_threads(2)
    if len(sys.argv) == 4 and sys.argv[1] == "parity":
        parity(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "bench":
        bench(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "matmul":
        print(f"{matmul_gflops():.1f}")
    else:
        print(__doc__)
        sys.exit(2)
