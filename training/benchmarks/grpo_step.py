#!/usr/bin/python3
"""PyTorch peer of GrpoStepBenchmark: one GRPO iteration on the same weights and workload.

Extends the model helper's independent PyTorch model (medvqa_peer.py, which reads the same model
directory without medvqa code) with GRPO's step, timing what the DJL side times: P prompts x G sampled
completions of up to N new tokens (KV cache, each image encoded once, rows stop at <eos>; sampling at
temperature 1), the frozen reference's log-probs, the policy's log-probs with gradients, the clipped
surrogate + beta * k3 (loss_type grpo: per-sequence token mean, then mean), backward, AdamW.

    grpo_step.py MODEL_DIR PROMPT_TOKENS [prompts=8] [generations=8] [tokens=32] [iterations=5]

Prints one JSON line like the Java side.
"""
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from medvqa_peer import load  # noqa: E402


@torch.no_grad()
def sample(peer, images, rows, prompts, max_new):
    """medvqa_peer.generate with multinomial sampling at temperature 1 instead of argmax."""
    return peer.generate(images, rows, prompts, max_new, pick=lambda logp: torch.multinomial(logp.exp(), 1).squeeze(1))


def main():
    model_dir, prompt_len = sys.argv[1], int(sys.argv[2])
    P, G, N, iters = (int(a) for a in (sys.argv[3:] + ["8", "8", "32", "5"][len(sys.argv) - 3:])[:4])
    torch.manual_seed(0)
    policy, _, _ = load(model_dir)
    ref, _, _ = load(model_dir)
    for p in ref.parameters():
        p.requires_grad_(False)
    adam = torch.optim.AdamW(policy.parameters(), lr=1e-4, weight_decay=0.0)
    s = policy.cfg["image_size"]
    images = torch.rand(P, 1, s, s)
    rows = [i // G for i in range(P * G)]
    prompt = [1] + torch.randint(3, 200, (prompt_len - 1,)).tolist()
    prompts = [prompt] * (P * G)
    adv = torch.tensor([1.0 if i % 2 == 0 else -1.0 for i in range(P * G)]).view(-1, 1)
    roll, upd, generated = [], [], 0
    for _ in range(iters + 1):  # the first is a warm-up
        t0 = time.perf_counter()
        comps = sample(policy, images, rows, prompts, N)
        t1 = time.perf_counter()
        generated = sum(len(c) for c in comps)
        with torch.no_grad():
            lp_ref, _ = ref.token_log_probs(images, rows, prompts, comps)
        lp, mask = policy.token_log_probs(images, rows, prompts, comps)
        rho = (lp - lp.detach()).exp()
        surrogate = torch.minimum(rho * adv, rho.clamp(0.8, 1.2) * adv)
        d = lp_ref - lp
        per_token = -surrogate + 0.04 * (d.exp() - d - 1)
        loss = ((per_token * mask).sum(1) / mask.sum(1).clamp(min=1)).mean()
        adam.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0)
        adam.step()
        roll.append(t1 - t0)
        upd.append(time.perf_counter() - t1)
    med = lambda x: sorted(x[1:] or x)[len(x[1:] or x) // 2]
    r, u = med(roll), med(upd)
    print(json.dumps({"peer": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "prompt_tokens": prompt_len, "prompts": P, "generations": G, "new_tokens": N,
                      "generated_tokens": generated, "rollout_s": round(r, 4), "update_s": round(u, 4),
                      "iteration_s": round(r + u, 4)}))


if __name__ == "__main__":
    main()
