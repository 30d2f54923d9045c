package org.medvqa.dicom.orthanc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Orthanc (Debian's {@code /usr/sbin/Orthanc} with its DICOMweb plugin) for tests: configuration,
 * index and storage in a temporary folder, HTTP and DICOM on free loopback ports, authentication on with
 * one registered user, and one DICOM modality entry pointing at our own C-STORE SCP so C-MOVE has a
 * destination. {@link #close()} stops the process by its PID and deletes the folder.
 *
 * <pre>{@code
 * try (OrthancServer pacs = OrthancServer.start()) {
 *   DicomWebConfig.of(pacs.dicomWebUrl()).withAuth(HttpAuth.basic(pacs.user(), pacs.password()));
 * }
 * }</pre>
 *
 * Start one per test class: a start costs about a second.
 */
public final class OrthancServer implements AutoCloseable {

  public static final String ORTHANC = System.getProperty("medvqa.orthanc", "/usr/sbin/Orthanc");
  public static final String DICOMWEB_PLUGIN =
      System.getProperty("medvqa.orthanc.dicomweb", "/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
  /** Orthanc's GDCM plugin: lets it transcode (e.g. JPEG 2000 to uncompressed) when a C-GET peer asks. */
  public static final String GDCM_PLUGIN =
      System.getProperty("medvqa.orthanc.gdcm", "/usr/share/orthanc/plugins/libOrthancGdcm.so");
  public static final String AET = "ORTHANC";
  public static final String SCP_AET = "MEDVQA";

  private final Path dir;
  private final Process process;
  private final int httpPort;
  private final int dicomPort;
  private final int scpPort;
  private final String user = "medvqa";
  private final String password;
  /** Stops Orthanc if the test JVM exits without closing us (a crash, a surefire timeout). */
  private final Thread stopOnExit;

  private OrthancServer(Path dir, Process process, int httpPort, int dicomPort, int scpPort, String password) {
    this.dir = dir;
    this.process = process;
    this.httpPort = httpPort;
    this.dicomPort = dicomPort;
    this.scpPort = scpPort;
    this.password = password;
    this.stopOnExit = new Thread(process::destroyForcibly, "orthanc-stop-on-exit");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Starts Orthanc and waits until its REST API answers (at most 30 s). */
  public static OrthancServer start() {
    if (!Files.isExecutable(Path.of(ORTHANC)) || !Files.isRegularFile(Path.of(DICOMWEB_PLUGIN))) {
      throw new IllegalStateException("Orthanc is not installed (" + ORTHANC + ", " + DICOMWEB_PLUGIN
          + "); install the Debian packages orthanc and orthanc-dicomweb (.ci/system-deps)");
    }
    try {
      Path dir = Files.createTempDirectory("medvqa-orthanc-");
      int[] ports = freePorts(3);
      String password = "pw-" + Long.toHexString(System.nanoTime());
      Path config = dir.resolve("orthanc.json");
      Files.writeString(config, config(dir, ports[0], ports[1], ports[2], password));
      Process process = new ProcessBuilder(ORTHANC, config.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("orthanc.log").toFile())
          .start();
      OrthancServer server = new OrthancServer(dir, process, ports[0], ports[1], ports[2], password);
      server.awaitReady(Duration.ofSeconds(30));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String config(Path dir, int httpPort, int dicomPort, int scpPort, String password) {
    String storage = dir.resolve("db").toString().replace("\\", "\\\\");
    return """
        {
          "Name": "medvqa-test",
          "StorageDirectory": "%s",
          "IndexDirectory": "%s",
          "Plugins": [%s],
          "HttpPort": %d,
          "DicomPort": %d,
          "DicomAet": "%s",
          "RemoteAccessAllowed": false,
          "AuthenticationEnabled": true,
          "RegisteredUsers": {"medvqa": "%s"},
          "HttpCompressionEnabled": false,
          "DicomCheckCalledAet": false,
          "DicomAlwaysAllowEcho": true,
          "DicomAlwaysAllowStore": true,
          "DicomAlwaysAllowFind": true,
          "DicomAlwaysAllowGet": true,
          "DicomAlwaysAllowMove": true,
          "DicomModalities": {"medvqa": ["%s", "127.0.0.1", %d]},
          "StableAge": 1,
          "DicomWeb": {"Enable": true, "Root": "/dicom-web/", "StudiesMetadata": "Full", "SeriesMetadata": "Full"}
        }
        """.formatted(storage, storage, plugins(), httpPort, dicomPort, AET, password, SCP_AET, scpPort);
  }

  private static String plugins() {
    String list = "\"" + DICOMWEB_PLUGIN + "\"";
    if (Files.isRegularFile(Path.of(GDCM_PLUGIN))) {
      list += ", \"" + GDCM_PLUGIN + "\"";
    }
    return list;
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Orthanc exited with " + process.exitValue() + "; log:\n" + log());
      }
      try {
        if (get("/system").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      sleep(100);
    }
    close();
    throw new IllegalStateException("Orthanc did not answer within " + timeout + "; log:\n" + log());
  }

  /** A GET on the REST API with our credentials (body as text). */
  public HttpResponse<String> get(String path) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .build();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Number of instances stored, from {@code /statistics}. */
  public int countInstances() {
    try {
      String body = get("/statistics").body();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"CountInstances\"\\s*:\\s*(\\d+)").matcher(body);
      if (!m.find()) {
        throw new IllegalStateException("unexpected /statistics: " + body);
      }
      return Integer.parseInt(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String restUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  public String dicomWebUrl() {
    return restUrl() + "/dicom-web";
  }

  public int httpPort() {
    return httpPort;
  }

  public int dicomPort() {
    return dicomPort;
  }

  public String aet() {
    return AET;
  }

  /** The port Orthanc sends C-MOVE results to: our C-STORE SCP must listen there as {@link #SCP_AET}. */
  public int scpPort() {
    return scpPort;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public long pid() {
    return process.pid();
  }

  public String log() {
    try {
      return Files.readString(dir.resolve("orthanc.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops Orthanc by its PID (SIGTERM, then SIGKILL after 10 s) and deletes its folder. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException alreadyExiting) {
      // the hook is running or about to: it stops the process
    }
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteRecursively(dir);
  }

  /** Ports free right now (bound to 0 and released); a race with other processes is possible but rare. */
  public static int[] freePorts(int n) throws IOException {
    ServerSocket[] sockets = new ServerSocket[n];
    int[] ports = new int[n];
    try {
      for (int i = 0; i < n; i++) {
        sockets[i] = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        ports[i] = sockets[i].getLocalPort();
      }
    } finally {
      for (ServerSocket s : sockets) {
        if (s != null) {
          s.close();
        }
      }
    }
    return ports;
  }

  /** Deletes a folder and everything in it, best effort (for tests' own scratch folders). */
  public static void deleteRecursivelyPublic(Path dir) {
    deleteRecursively(dir);
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp folder left behind is not a test failure
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
