"""Can an image encoder see PhantomVQA's findings? A diagnostic for issue 5's presence gap.

Trains one image encoder, with a linear read-out, to say which of the six finding types a phantom shows
(labels from the Impression of reports.jsonl), on the training split, 16 images a step; prints the
held-out test split's per-type accuracy next to the majority-class prior every 100 steps.

  /usr/bin/python3 training/benchmarks/vision_probe.py DATA_DIR cnn     [STEPS] [LR]
  /usr/bin/python3 training/benchmarks/vision_probe.py DATA_DIR encoder [STEPS] [LR] [PATCH]
  /usr/bin/python3 training/benchmarks/vision_probe.py DATA_DIR decoder|fusion [STEPS] [LR]

cnn:     4 conv layers (to 8x8x128) -> global max-pool -> linear. The "can it be seen at all" reference.
encoder: the `small` model's vision encoder (stem, PATCH-pixel patches (8), 2 transformer layers; medvqa_peer.VqaPeer)
         -> attention pooling by one learned query -> linear, the way the decoder reads the prefix.
decoder: the cnn's pooled features, linearly projected, added to six question tokens (one per finding type)
         that pass through 3 decoder layers to a yes/no logit each: the question must learn to pick its
         finding's features through additions and MLPs alone.
fusion:  as decoder, but each question token e becomes e + out(question(e) * image(pooled)) first: the
         model's DetectorFusion (low-rank bilinear), with the model's initialisation.
Run with OMP_NUM_THREADS=1 when the machine is shared (two threads each on 2 cores crawl).
"""
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from medvqa_peer import VqaPeer  # noqa: E402

TYPES = ["nodule", "mass", "pleural effusion", "cardiomegaly", "cyst", "hydrocephalus"]


def load(root, split):
    images, labels = [], []
    for line in open(os.path.join(root, "reports.jsonl")):
        r = json.loads(line)
        if r["split"] != split:
            continue
        impression = r["report"].split("Impression:")[1]
        labels.append([1.0 if t in impression else 0.0 for t in TYPES])
        images.append(np.asarray(Image.open(os.path.join(root, r["image"])).convert("L"), dtype=np.float32) / 255)
    return torch.tensor(np.stack(images))[:, None], torch.tensor(labels)


def cnn_probe():
    chans = [1, 32, 32, 64, 128]
    layers = [m for i in range(4) for m in (nn.Conv2d(chans[i], chans[i + 1], 3, stride=1 if i == 0 else 2, padding=1), nn.GELU())]
    net, head = nn.Sequential(*layers), nn.Linear(128, len(TYPES))
    return nn.ModuleList([net, head]), lambda x: head(net(x).amax((2, 3)))


def encoder_probe(size, patch):
    cfg = dict(width=128, patch_size=patch, channels=1, image_size=size, stem_channels=16, heads=4, mlp_ratio=4,
               encoder_layers=2, decoder_layers=1, vocab_size=8, max_text_tokens=8)
    peer = VqaPeer(cfg)
    for p in peer.parameters():
        if p.dim() >= 2 and p.shape[-1] != 3:
            nn.init.normal_(p, std=0.02)  # the model's initialisation (convolutions keep He-like defaults)
    query = nn.Parameter(torch.randn(128) * 0.02)
    key, value, head = nn.Linear(128, 128), nn.Linear(128, 128), nn.Linear(128, len(TYPES))

    def forward(x):
        h = peer.encode(x)  # (B, N, D)
        weights = (key(h) @ query).softmax(1)  # (B, N)
        return head((weights[:, :, None] * value(h)).sum(1))
    modules = nn.ModuleList([peer, key, value, head])
    modules.register_parameter("query", query)
    return modules, forward


def question_probe(fused):
    """decoder / fusion: one question token per finding type reads the pooled detector, 3 layers, yes/no each."""
    from medvqa_peer import Layer
    chans, d = [1, 32, 32, 64, 128], 128
    convs = [nn.Conv2d(chans[i], chans[i + 1], 3, stride=1 if i == 0 else 2, padding=1) for i in range(4)]
    net = nn.Sequential(*[m for c in convs for m in (c, nn.GELU())])
    image, question, out = nn.Linear(128, d), nn.Linear(d, d), nn.Linear(d, d)
    tokens = nn.Parameter(torch.randn(len(TYPES), d) * 0.02)
    layers = nn.ModuleList(Layer(d, 4, 4) for _ in range(3))
    norm, head = nn.LayerNorm(d), nn.Linear(d, 1)
    modules = nn.ModuleList([net, image, question, out, layers, norm, head])
    modules.register_parameter("tokens", tokens)
    for name, p in modules.named_parameters():  # the model's: N(0, 0.02) weights, zero biases, He convolutions
        if name.endswith("bias"):
            nn.init.zeros_(p)
        elif p.dim() == 4:
            nn.init.normal_(p, std=(2.0 / (9 * p.shape[1])) ** 0.5)
        elif p.dim() == 2 and name != "tokens":
            nn.init.normal_(p, std=0.02)

    def forward(x):
        detected = image(net(x).amax((2, 3)))[:, None]  # (B, 1, D)
        e = tokens[None].expand(x.shape[0], -1, -1)
        e = e + (out(question(e) * detected) if fused else detected)
        for layer in layers:
            e, _ = layer(e)
        return head(norm(e)).squeeze(2)
    return modules, forward


def main():
    root, kind = sys.argv[1], sys.argv[2]
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 600
    lr = float(sys.argv[4]) if len(sys.argv) > 4 else 2e-3
    patch = int(sys.argv[5]) if len(sys.argv) > 5 else 8
    torch.manual_seed(0)
    x_train, y_train = load(root, "train")
    x_test, y_test = load(root, "test")
    mean, std = x_train.mean(), x_train.std()
    x_train, x_test = (x_train - mean) / std, (x_test - mean) / std
    if kind in ("decoder", "fusion"):
        modules, forward = question_probe(kind == "fusion")
    else:
        modules, forward = cnn_probe() if kind == "cnn" else encoder_probe(x_train.shape[-1], patch)
    optimiser = torch.optim.AdamW(modules.parameters(), lr=lr, weight_decay=0.01)
    prior = y_test.mean(0)
    print("types   ", TYPES)
    print("prior   ", [f"{max(a, 1 - a):.2f}" for a in prior.tolist()])
    start = time.time()
    for step in range(1, steps + 1):
        batch = torch.randint(0, len(x_train), (16,))
        loss = F.binary_cross_entropy_with_logits(forward(x_train[batch]), y_train[batch])
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        if step % 100 == 0:
            with torch.no_grad():
                accuracy = ((forward(x_test) > 0).float() == y_test).float().mean(0)
            print(f"step {step:5d} {time.time() - start:5.0f}s loss {loss.item():.3f}",
                  [f"{a:.2f}" for a in accuracy.tolist()], flush=True)


if __name__ == "__main__":
    main()
