package org.medvqa.plugin.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until {@code limit} have been read, then fails with
 * {@link UploadTooLargeException}: a body without a Content-Length (chunked) is cut off as soon as it
 * passes the limit, never buffered whole.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private long read;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    count(s);
    return s;
  }

  private void count(long n) throws UploadTooLargeException {
    read += n;
    if (read > limit) {
      throw new UploadTooLargeException(limit);
    }
  }
}
