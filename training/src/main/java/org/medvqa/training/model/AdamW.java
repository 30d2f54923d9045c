package org.medvqa.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW over a model's parameters, with state that can be saved and restored exactly (resume).
 * <pre>
 *   g = clip(grad, global norm <= maxGradNorm)
 *   m = b1 m + (1 - b1) g;   v = b2 v + (1 - b2) g^2
 *   w = w - lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps) - lr wd w      (wd only for matrices)
 * </pre>
 * In place on the parameters, then the gradients are zeroed. Biases, norms and the position/token
 * embedding tables get no weight decay. (DJL's fused {@code adamUpdate} is not used: SFT runs with it
 * turned NaN after a few hundred steps, and a NaN gradient it leaves behind is never cleared.)
 */
public final class AdamW implements AutoCloseable {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;
  private final VqaModel model;
  private final NDManager manager;
  private final Map<String, NDArray> means = new LinkedHashMap<>();
  private final Map<String, NDArray> variances = new LinkedHashMap<>();
  private int step;

  public AdamW(VqaModel model) {
    this.model = model;
    this.manager = model.newManager();
    model.parameters().forEach((name, p) -> {
      means.put(name, manager.zeros(p.getArray().getShape()));
      variances.put(name, manager.zeros(p.getArray().getShape()));
    });
  }

  /**
   * Updates every parameter from its gradient; returns the global gradient norm before clipping. A
   * non-finite norm updates nothing: the gradients are zeroed and the caller decides what to do.
   */
  public float step(float learningRate, float weightDecay, float maxGradNorm) {
    step++;
    try (NDManager tmp = manager.newSubManager()) {
      Map<String, NDArray> grads = new LinkedHashMap<>();
      double sumSq = 0;
      for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
        NDArray g = e.getValue().getArray().getGradient();
        g.attach(tmp);
        grads.put(e.getKey(), g);
        sumSq += g.square().sum().getFloat();
      }
      float norm = (float) Math.sqrt(sumSq);
      if (!Float.isFinite(norm)) {
        step--;
        model.parameters().values().forEach(p -> JniUtils.zeroGrad((PtNDArray) p.getArray()));
        return norm;
      }
      float rescale = maxGradNorm > 0 && norm > maxGradNorm ? maxGradNorm / norm : 1f;
      float corrected = (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step)));
      for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
        String name = e.getKey();
        NDArray w = e.getValue().getArray();
        NDArray g = grads.get(name).mul(rescale); // results of g's ops live in tmp
        NDArray m = means.get(name);
        NDArray v = variances.get(name);
        m.muli(BETA1).addi(g.mul(1 - BETA1));
        v.muli(BETA2).addi(g.square().mul(1 - BETA2));
        NDArray denominator = v.sqrt();
        denominator.attach(tmp); // v's own manager would keep it
        NDArray update = m.div(denominator.addi(EPSILON));
        update.attach(tmp);
        if (decays(name, w)) {
          w.muli(1 - learningRate * weightDecay);
        }
        w.subi(update.muli(corrected));
        JniUtils.zeroGrad((PtNDArray) w);
      }
      return norm;
    }
  }

  private static boolean decays(String name, NDArray w) {
    return w.getShape().dimension() == 2 && name.endsWith(".weight");
  }

  public int stepCount() {
    return step;
  }

  /** Writes m, v and the step count (a safetensors file). */
  public void save(Path file) throws IOException {
    Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
    means.forEach((n, a) -> tensors.put("m." + n, new Safetensors.Tensor(a.getShape().getShape(), a.toFloatArray())));
    variances.forEach((n, a) -> tensors.put("v." + n, new Safetensors.Tensor(a.getShape().getShape(), a.toFloatArray())));
    Safetensors.write(file, tensors, Map.of("step", String.valueOf(step)));
  }

  /** Restores what {@link #save} wrote; the parameter names and sizes must match. */
  public void load(Path file) throws IOException {
    Map<String, Safetensors.Tensor> tensors = Safetensors.read(file);
    for (String name : means.keySet()) {
      Safetensors.Tensor m = tensors.get("m." + name);
      Safetensors.Tensor v = tensors.get("v." + name);
      if (m == null || v == null || m.data().length != means.get(name).size()) {
        throw new IllegalArgumentException("optimizer state " + file + " does not match parameter " + name);
      }
      means.get(name).set(m.data());
      variances.get(name).set(v.data());
    }
    step = Integer.parseInt(Safetensors.metadata(file).getOrDefault("step", "0"));
  }

  @Override
  public void close() {
    manager.close();
  }
}
