package org.medvqa.training.grpo;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (decoupled weight decay) over named parameters, with global gradient-norm clipping, whose
 * state (step count, first and second moments) can be saved and restored bit for bit, so that a
 * resumed run continues exactly.
 *
 * <pre>
 *   g <- g * min(1, max_grad_norm / ||g||)          (one norm over all parameters)
 *   m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2
 *   w <- w - lr * (m / (1 - b1^t) / (sqrt(v / (1 - b2^t)) + eps) + wd * w)
 * </pre>
 *
 * Gradients are read from the parameters' arrays (where a gradient collector left them) and zeroed
 * after each step.
 */
public final class AdamW implements AutoCloseable {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final NDManager manager;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private long t;

  public AdamW(Device device, double beta1, double beta2, double eps, double weightDecay) {
    this.manager = NDManager.newBaseManager(device);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  public static AdamW standard(Device device) {
    return new AdamW(device, 0.9, 0.999, 1e-8, 0.0);
  }

  /** Clips, updates every parameter in place, zeroes the gradients; returns the norm before clipping. */
  public double step(Map<String, Parameter> parameters, double lr, double maxGradNorm) {
    t++;
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    for (var e : parameters.entrySet()) {
      if (!m.containsKey(e.getKey())) {
        NDArray w = e.getValue().getArray();
        m.put(e.getKey(), manager.zeros(w.getShape()));
        v.put(e.getKey(), manager.zeros(w.getShape()));
      }
    }
    // Every temporary (gradient handles, intermediate results) is closed with the scope; the moments
    // and weights are changed in place and outlive it.
    try (NDScope scope = new NDScope()) {
      double sumSquares = 0;
      for (Parameter p : parameters.values()) {
        sumSquares += p.getArray().getGradient().square().sum().getFloat();
      }
      double norm = Math.sqrt(sumSquares);
      float scale = (float) (norm > maxGradNorm ? maxGradNorm / (norm + 1e-6) : 1.0);
      for (var e : parameters.entrySet()) {
        NDArray w = e.getValue().getArray();
        NDArray g = w.getGradient();
        NDArray gs = g.mul(scale);
        NDArray mi = m.get(e.getKey());
        NDArray vi = v.get(e.getKey());
        mi.muli(beta1).addi(gs.mul(1 - beta1));
        vi.muli(beta2).addi(gs.square().muli(1 - beta2));
        NDArray update = mi.div(c1).div(vi.div(c2).sqrt().add(eps));
        if (weightDecay != 0) {
          update.addi(w.mul(weightDecay));
        }
        w.subi(update.muli(lr));
        g.subi(g); // zero in place: the next backward accumulates from 0
      }
      return norm;
    }
  }

  public long steps() {
    return t;
  }

  /** Writes t and every moment (names, shapes implicit in sizes, float32 values). */
  public void save(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeLong(t);
    data.writeInt(m.size());
    for (String name : m.keySet()) {
      data.writeUTF(name);
      writeFloats(data, m.get(name).toFloatArray());
      writeFloats(data, v.get(name).toFloatArray());
    }
    data.flush();
  }

  /** Restores what {@link #save} wrote; parameters give the shapes. */
  public void load(InputStream in, Map<String, Parameter> parameters) throws IOException {
    DataInputStream data = new DataInputStream(in);
    t = data.readLong();
    int n = data.readInt();
    for (int i = 0; i < n; i++) {
      String name = data.readUTF();
      Parameter p = parameters.get(name);
      if (p == null) {
        throw new IOException("optimizer state names unknown parameter " + name);
      }
      float[] mv = readFloats(data);
      float[] vv = readFloats(data);
      if (mv.length != p.getArray().size() || vv.length != mv.length) {
        throw new IOException("optimizer state for " + name + " has the wrong size");
      }
      m.put(name, manager.create(mv, p.getArray().getShape()));
      v.put(name, manager.create(vv, p.getArray().getShape()));
    }
  }

  private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(values.length * 4);
    buf.asFloatBuffer().put(values);
    out.write(buf.array());
  }

  private static float[] readFloats(DataInputStream in) throws IOException {
    int n = in.readInt();
    byte[] bytes = in.readNBytes(n * 4);
    if (bytes.length != n * 4) {
      throw new IOException("optimizer state is truncated");
    }
    float[] values = new float[n];
    java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
    return values;
  }

  @Override
  public void close() {
    manager.close();
  }
}
