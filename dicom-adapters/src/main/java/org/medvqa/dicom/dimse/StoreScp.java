package org.medvqa.dicom.dimse;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.AnyExplicitStorePresentationContextSelectionPolicy;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Our C-STORE SCP: a server socket bound to one address (127.0.0.1 unless configured), each association
 * handled by PixelMed's {@link StorageSOPClassSCP} on its own thread. PixelMed's own dispatcher binds to
 * every interface, which a hospital network should not see, hence this accept loop. Received files are
 * written to {@code spool} as {@code <SOPInstanceUID>} and handed to {@code onReceived}.
 */
final class StoreScp implements AutoCloseable {

  private final ServerSocket server;
  private final ExecutorService workers;
  private final Thread acceptor;
  private volatile boolean closed;

  StoreScp(String aet, String bindAddress, int port, Path spool, Consumer<Path> onReceived) throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port), 16);
    workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "medvqa-store-scp-association");
      t.setDaemon(true);
      return t;
    });
    ReceivedObjectHandler handler = new ReceivedObjectHandler() {
      @Override
      public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAet) {
        onReceived.accept(Path.of(fileName));
      }
    };
    File spoolDir = spool.toFile();
    acceptor = new Thread(() -> {
      while (!closed) {
        try {
          Socket socket = server.accept();
          workers.submit(() -> {
            try {
              new StorageSOPClassSCP(socket, aet, AssociationFactory.getDefaultMaximumLengthReceived(),
                  AssociationFactory.getDefaultReceiveBufferSize(), AssociationFactory.getDefaultSendBufferSize(),
                  spoolDir, StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, handler, null, null, null, null,
                  new AnyExplicitStorePresentationContextSelectionPolicy(), 0).run();
            } catch (Exception e) {
              closeQuietly(socket);
            }
          });
        } catch (IOException e) {
          if (!closed) {
            sleepBriefly();
          }
        }
      }
    }, "medvqa-store-scp-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    workers.shutdownNow();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the association is over either way
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
