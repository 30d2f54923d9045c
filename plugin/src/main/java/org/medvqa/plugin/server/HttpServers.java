package org.medvqa.plugin.server;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ContainerFactory;

/**
 * The JDK HTTP(S) server bound to exactly the configured address (Jersey's own factory would bind
 * every interface), with a virtual thread per exchange so slow clients never starve the others.
 */
public final class HttpServers {
  private HttpServers() {}

  /** A running server and what to close with it. */
  public record Running(HttpServer server, ExecutorService executor) implements AutoCloseable {
    public int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  public static Running start(String host, int port, ResourceConfig app, SSLContext tls) throws IOException {
    HttpHandler handler = ContainerFactory.createContainer(JdkHttpHandlerContainer.class, app);
    InetSocketAddress address = new InetSocketAddress(host, port);
    HttpServer server;
    if (tls != null) {
      HttpsServer https = HttpsServer.create(address, 128);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = https;
    } else {
      server = HttpServer.create(address, 128);
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return new Running(server, executor);
  }

  /**
   * An SSL context from a PKCS#12 key store.
   *
   * @throws TlsConfigException when the key store is missing, unreadable, or its password is wrong
   */
  public static SSLContext tls(Path keystore, char[] password) throws TlsConfigException {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
          : e.getCause() instanceof java.security.UnrecoverableKeyException ? "wrong password" : e.getMessage();
      throw new TlsConfigException("cannot use TLS key store " + keystore + ": " + why, e);
    }
  }
}
