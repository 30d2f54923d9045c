package org.medvqa.training.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format (F32 only): an 8-byte little-endian header length, a JSON header
 * {@code {name: {dtype, shape, data_offsets: [begin, end]}}}, then the raw little-endian data. Chosen so
 * that the PyTorch peer (and any other tool) reads the same weights without DJL.
 */
final class Safetensors {
  private Safetensors() {}

  record Tensor(long[] shape, float[] data) {}

  static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode header = json.createObjectNode();
    ObjectNode meta = header.putObject("__metadata__");
    metadata.forEach(meta::put);
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      ObjectNode t = header.putObject(e.getKey());
      t.put("dtype", "F32");
      var shape = t.putArray("shape");
      for (long d : e.getValue().shape()) {
        shape.add(d);
      }
      long bytes = 4L * e.getValue().data().length;
      t.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] headerBytes = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    int padded = (headerBytes.length + 7) / 8 * 8;
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
      out.write(len.array());
      out.write(headerBytes);
      for (int i = headerBytes.length; i < padded; i++) {
        out.write(' ');
      }
      for (Tensor t : tensors.values()) {
        ByteBuffer buf = ByteBuffer.allocate(4 * t.data().length).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(t.data());
        out.write(buf.array());
      }
    }
  }

  /** The string metadata of the header. */
  static Map<String, String> metadata(Path file) throws IOException {
    byte[] head;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] len = in.readNBytes(8);
      long n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
      head = in.readNBytes((int) n);
    }
    Map<String, String> out = new LinkedHashMap<>();
    new ObjectMapper().readTree(head).path("__metadata__").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** Reads every tensor; a truncated or malformed file is an {@link IllegalArgumentException}. */
  static Map<String, Tensor> read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 8) {
      throw new IllegalArgumentException(file.getFileName() + " is truncated");
    }
    ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = buf.getLong();
    if (headerLength <= 0 || headerLength > all.length - 8) {
      throw new IllegalArgumentException(file.getFileName() + " has a bad header length");
    }
    JsonNode header;
    try {
      header = new ObjectMapper().readTree(new String(all, 8, (int) headerLength, StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(file.getFileName() + " has a malformed header", e);
    }
    long dataStart = 8 + headerLength;
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("__metadata__")) {
        continue;
      }
      JsonNode t = e.getValue();
      if (!"F32".equals(t.path("dtype").asText())) {
        throw new IllegalArgumentException(file.getFileName() + ": tensor " + e.getKey() + " is not F32");
      }
      long[] shape = new long[t.path("shape").size()];
      long count = 1;
      for (int i = 0; i < shape.length; i++) {
        shape[i] = t.path("shape").get(i).asLong();
        count *= shape[i];
      }
      long begin = t.path("data_offsets").path(0).asLong(-1);
      long end = t.path("data_offsets").path(1).asLong(-1);
      if (begin < 0 || end - begin != 4 * count || dataStart + end > all.length) {
        throw new IllegalArgumentException(file.getFileName() + ": tensor " + e.getKey() + " is truncated or inconsistent");
      }
      float[] data = new float[(int) count];
      ByteBuffer.wrap(all, (int) (dataStart + begin), (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer().get(data);
      out.put(e.getKey(), new Tensor(shape, data));
    }
    return out;
  }
}
