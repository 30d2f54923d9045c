package org.medvqa.training.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript archive, the zip that {@code torch.jit.save} writes and {@code torch::jit::load} reads,
 * for a module class with no parameters or buffers: its source ({@code code/__torch__.py}), one pickled
 * instance ({@code data.pkl}), no constants, and the file-format version. libtorch compiles the source as
 * it loads the archive, so neither the build nor the run needs Python.
 *
 * <p>Layout, as written by PyTorch (checked against an archive saved by Debian's python3-torch 1.13):
 * <pre>
 *   NAME/data.pkl            pickle protocol 2: __torch__.CLASS() with state {'training': False}
 *   NAME/constants.pkl       pickle protocol 2: ()
 *   NAME/code/__torch__.py   the class
 *   NAME/.data/version       "10": the operator set of PyTorch 1.12+, so no old-operator upgrader applies
 * </pre>
 */
final class TorchScriptArchive {
  private static final String VERSION = "10\n";

  private TorchScriptArchive() {}

  /** The archive of {@code __torch__.<className>}, whose definition {@code source} holds. */
  static byte[] of(String className, String source) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String name = className.toLowerCase(java.util.Locale.ROOT);
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      store(zip, name + "/data.pkl", instancePickle(className));
      store(zip, name + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
      store(zip, name + "/code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
      store(zip, name + "/.data/version", VERSION.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** PROTO 2, GLOBAL '__torch__ CLASS', EMPTY_TUPLE, NEWOBJ, EMPTY_DICT, MARK, 'training', False, SETITEMS, BUILD, STOP. */
  private static byte[] instancePickle(String className) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    p.write(0x80);
    p.write(2);
    p.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII));
    p.write(')');
    p.write(0x81);
    p.write('}');
    p.write('(');
    byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
    p.write('X');
    p.write(key.length); // BINUNICODE: 4-byte little-endian length
    p.write(0);
    p.write(0);
    p.write(0);
    p.writeBytes(key);
    p.write(0x89);
    p.write('u');
    p.write('b');
    p.write('.');
    return p.toByteArray();
  }

  /** Uncompressed, as PyTorch writes its records. */
  private static void store(ZipOutputStream zip, String path, byte[] data) throws IOException {
    ZipEntry entry = new ZipEntry(path);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(data);
    zip.closeEntry();
  }
}
