package org.medvqa.training.model.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level BPE. Ids: the special tokens first ({@link #SPECIALS}), then the 256 bytes, then one id per
 * learned merge in rank order. Text is split on the special-token strings, then pre-tokenised GPT-2 style
 * (a word keeps its leading space), and each piece is merged greedily by merge rank. Decoding joins the
 * bytes and reads them as UTF-8, so any string round-trips.
 */
public final class BpeTokenizer {
  public static final String PAD = "<pad>";
  public static final String BOS = "<bos>";
  public static final String EOS = "<eos>";
  public static final List<String> SPECIALS =
      List.of(PAD, BOS, EOS, "<think>", "</think>", "<answer>", "</answer>");
  public static final int PAD_ID = 0;
  public static final int BOS_ID = 1;
  public static final int EOS_ID = 2;
  static final int FIRST_BYTE_ID = SPECIALS.size();
  static final int FIRST_MERGE_ID = FIRST_BYTE_ID + 256;

  static final Pattern PRE_TOKEN =
      Pattern.compile("'(?:s|t|re|ve|m|ll|d)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");
  private static final Pattern SPECIAL_SPLIT =
      Pattern.compile(String.join("|", SPECIALS.stream().map(Pattern::quote).toList()));

  private final int[][] merges;
  private final Map<Long, Integer> mergeIds = new HashMap<>();
  private final byte[][] tokenBytes;
  private final Map<String, int[]> pieceCache = new ConcurrentHashMap<>();

  BpeTokenizer(int[][] merges) {
    this.merges = merges;
    tokenBytes = new byte[FIRST_MERGE_ID + merges.length][];
    for (int i = 0; i < SPECIALS.size(); i++) {
      tokenBytes[i] = SPECIALS.get(i).getBytes(StandardCharsets.UTF_8);
    }
    for (int b = 0; b < 256; b++) {
      tokenBytes[FIRST_BYTE_ID + b] = new byte[] {(byte) b};
    }
    for (int i = 0; i < merges.length; i++) {
      int left = merges[i][0];
      int right = merges[i][1];
      int id = FIRST_MERGE_ID + i;
      if (left < FIRST_BYTE_ID || right < FIRST_BYTE_ID || left >= id || right >= id) {
        throw new IllegalArgumentException("merge " + i + " refers to an unknown or special token");
      }
      mergeIds.put(pairKey(left, right), id);
      byte[] l = tokenBytes[left];
      byte[] r = tokenBytes[right];
      byte[] joined = new byte[l.length + r.length];
      System.arraycopy(l, 0, joined, 0, l.length);
      System.arraycopy(r, 0, joined, l.length, r.length);
      tokenBytes[id] = joined;
    }
  }

  /** Learns {@code vocabSize - specials - 256} merges from a corpus; deterministic for the same corpus. */
  public static BpeTokenizer train(Iterable<String> corpus, int vocabSize) {
    return BpeTrainer.train(corpus, vocabSize);
  }

  public int vocabSize() {
    return tokenBytes.length;
  }

  public static int specialId(String special) {
    int id = SPECIALS.indexOf(special);
    if (id < 0) {
      throw new IllegalArgumentException("not a special token: " + special);
    }
    return id;
  }

  public int[] encode(String text) {
    List<Integer> out = new ArrayList<>();
    Matcher special = SPECIAL_SPLIT.matcher(text);
    int start = 0;
    while (special.find()) {
      encodePlain(text.substring(start, special.start()), out);
      out.add(SPECIALS.indexOf(special.group()));
      start = special.end();
    }
    encodePlain(text.substring(start), out);
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private void encodePlain(String text, List<Integer> out) {
    Matcher m = PRE_TOKEN.matcher(text);
    while (m.find()) {
      for (int id : pieceCache.computeIfAbsent(m.group(), this::mergePiece)) {
        out.add(id);
      }
    }
  }

  private int[] mergePiece(String piece) {
    byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
    int[] ids = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      ids[i] = FIRST_BYTE_ID + (bytes[i] & 0xff);
    }
    int n = ids.length;
    while (n > 1) {
      int best = -1;
      int bestId = Integer.MAX_VALUE;
      for (int i = 0; i + 1 < n; i++) {
        Integer id = mergeIds.get(pairKey(ids[i], ids[i + 1]));
        if (id != null && id < bestId) {
          bestId = id;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      ids[best] = bestId;
      System.arraycopy(ids, best + 2, ids, best + 1, n - best - 2);
      n--;
    }
    int[] result = new int[n];
    System.arraycopy(ids, 0, result, 0, n);
    return result;
  }

  /** The text of the ids; padding, begin and end tokens are left out, the think/answer tags kept. */
  public String decode(int[] ids) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int id : ids) {
      if (id < 0 || id >= tokenBytes.length) {
        throw new IllegalArgumentException("token id out of range: " + id);
      }
      if (id == PAD_ID || id == BOS_ID || id == EOS_ID) {
        continue;
      }
      bytes.writeBytes(tokenBytes[id]);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The text of one token, for logs and model cards. */
  public String tokenText(int id) {
    return new String(tokenBytes[id], StandardCharsets.UTF_8);
  }

  static long pairKey(int left, int right) {
    return ((long) left << 32) | (right & 0xffffffffL);
  }

  public void save(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("type", "byte-level-bpe");
    root.put("version", 1);
    ArrayNode specials = root.putArray("special_tokens");
    SPECIALS.forEach(specials::add);
    root.put("first_byte_id", FIRST_BYTE_ID);
    root.put("vocab_size", vocabSize());
    ArrayNode mergeArray = root.putArray("merges");
    for (int[] merge : merges) {
      mergeArray.addArray().add(merge[0]).add(merge[1]);
    }
    ArrayNode readable = root.putArray("merged_tokens");
    for (int i = 0; i < merges.length; i++) {
      readable.add(tokenText(FIRST_MERGE_ID + i));
    }
    Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  /** Reads {@code tokenizer.json}; anything malformed is an {@link IllegalArgumentException}. */
  public static BpeTokenizer load(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !"byte-level-bpe".equals(root.path("type").asText())) {
      throw new IllegalArgumentException(file + " is not a medvqa byte-level BPE tokenizer");
    }
    List<String> specials = new ArrayList<>();
    root.path("special_tokens").forEach(n -> specials.add(n.asText()));
    if (!specials.equals(SPECIALS)) {
      throw new IllegalArgumentException(file + " has special tokens " + specials + ", expected " + SPECIALS);
    }
    JsonNode mergeArray = root.path("merges");
    int[][] merges = new int[mergeArray.size()][];
    for (int i = 0; i < merges.length; i++) {
      JsonNode m = mergeArray.get(i);
      if (m.size() != 2 || !m.get(0).isInt() || !m.get(1).isInt()) {
        throw new IllegalArgumentException(file + ": merge " + i + " is not a pair of token ids");
      }
      merges[i] = new int[] {m.get(0).asInt(), m.get(1).asInt()};
    }
    BpeTokenizer tokenizer = new BpeTokenizer(merges);
    if (root.has("vocab_size") && root.get("vocab_size").asInt() != tokenizer.vocabSize()) {
      throw new IllegalArgumentException(file + ": vocab_size does not match its merges");
    }
    return tokenizer;
  }
}
