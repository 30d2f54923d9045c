package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.orthanc.OrthancServer;
import org.medvqa.dicom.orthanc.PixelDigest;
import org.medvqa.dicom.orthanc.SyntheticStudy;
import picocli.CommandLine;

/** {@code medvqa pacs} end to end against a real Orthanc, and its exit code 3 for every PACS failure. */
class PacsCommandTest {

  private static OrthancServer pacs;
  private static SyntheticStudy study;
  private static HttpServer badServer;
  @TempDir static Path work;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void start() throws IOException {
    pacs = OrthancServer.start();
    study = SyntheticStudy.write(work.resolve("study"), "PAT-CLI-1", 3, 32, 21);
    Files.writeString(work.resolve("study/README.txt"), "not DICOM");
    badServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    byte[] instance = Files.readAllBytes(study.files().get(0));
    badServer.createContext("/cut/studies/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=XX");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("--XX\r\nContent-Type: application/dicom\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(instance, 0, instance.length / 2);
      }
    });
    badServer.createContext("/slow/studies", exchange -> {
      try {
        Thread.sleep(15_000); // far beyond --timeout 0.5; the client gives up first
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    badServer.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    }));
    badServer.start();
  }

  @AfterAll
  static void stop() {
    if (badServer != null) {
      badServer.stop(0);
    }
    if (pacs != null) {
      pacs.close();
    }
  }

  static Run medvqa(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String[] web(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--dicomweb", pacs.dicomWebUrl(), "--user", pacs.user() + ":" + pacs.password()));
    return all.toArray(String[]::new);
  }

  private static String[] dimse(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--dimse", pacs.aet() + "@127.0.0.1:" + pacs.dicomPort(), "--calling-aet", OrthancServer.SCP_AET));
    return all.toArray(String[]::new);
  }

  @Test
  void storeFindAndGetOverDicomWeb() throws Exception {
    Run store = medvqa(web("pacs", "store", work.resolve("study").toString()));
    assertThat(store.code()).as(store.err()).isZero();
    assertThat(store.out()).contains("stored 3 file(s)").contains("1 non-DICOM file(s) skipped");

    Run find = medvqa(web("pacs", "find", "--patient-id", "PAT-CLI-1", "--json"));
    assertThat(find.code()).as(find.err()).isZero();
    JsonNode studies = new ObjectMapper().readTree(find.out());
    assertThat(studies).hasSize(1);
    JsonNode s = studies.get(0);
    List<String> keys = new ArrayList<>();
    s.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("studyInstanceUID", "patientId", "studyDate", "modalities", "numberOfInstances");
    assertThat(s.get("studyInstanceUID").asText()).isEqualTo(study.studyInstanceUid());
    assertThat(s.get("patientId").asText()).isEqualTo("PAT-CLI-1");
    assertThat(s.get("studyDate").asText()).isEqualTo("20240315");
    assertThat(s.get("modalities").get(0).asText()).isEqualTo("CT");
    assertThat(s.get("numberOfInstances").asInt()).isEqualTo(3);

    Path out = work.resolve("got-web");
    Run get = medvqa(web("pacs", "get", "--study", study.studyInstanceUid(), "--out", out.toString()));
    assertThat(get.code()).as(get.err()).isZero();
    assertThat(get.out()).contains("retrieved 3 instance(s)");
    assertThat(digests(out)).isEqualTo(digests(study.files()));

    Run echo = medvqa(web("pacs", "echo"));
    assertThat(echo.code()).isZero();
    assertThat(echo.out()).startsWith("ok: DICOMweb");
  }

  @Test
  void echoFindAndMoveOverDimse() throws Exception {
    medvqa(web("pacs", "store", study.files().get(0).toString(), study.files().get(1).toString(),
        study.files().get(2).toString()));
    assertThat(medvqa(dimse("pacs", "echo")).code()).isZero();
    Run find = medvqa(dimse("pacs", "find", "--study", study.studyInstanceUid(), "--json"));
    assertThat(find.code()).as(find.err()).isZero();
    assertThat(new ObjectMapper().readTree(find.out()).get(0).get("patientId").asText()).isEqualTo("PAT-CLI-1");
    Path out = work.resolve("got-dimse");
    Run get = medvqa(dimse("pacs", "get", "--study", study.studyInstanceUid(), "--out", out.toString(),
        "--move-port", Integer.toString(pacs.scpPort())));
    assertThat(get.code()).as(get.err()).isZero();
    assertThat(digests(out)).isEqualTo(digests(study.files()));
  }

  @Test
  void wrongPasswordIsExitThreeWithOneLine() {
    Run run = medvqa("pacs", "find", "--dicomweb", pacs.dicomWebUrl(), "--user", pacs.user() + ":wrong");
    assertBadInput(run, "401");
    assertThat(run.err()).doesNotContain(":wrong");
  }

  @Test
  void pacsDownIsExitThree() throws IOException {
    int port = OrthancServer.freePorts(1)[0];
    assertBadInput(medvqa("pacs", "echo", "--dicomweb", "http://127.0.0.1:" + port + "/dicom-web"), "unreachable");
    assertBadInput(medvqa("pacs", "echo", "--dimse", "X@127.0.0.1:" + port), "unreachable");
  }

  @Test
  void unknownStudyIsExitThree() {
    String unknown = SyntheticStudy.newUid();
    assertBadInput(medvqa(web("pacs", "get", "--study", unknown, "--out", work.resolve("none").toString())), unknown);
    assertBadInput(medvqa(dimse("pacs", "get", "--study", unknown, "--out", work.resolve("none2").toString())), unknown);
  }

  @Test
  void responseCutOffMidMultipartIsExitThree() {
    String url = "http://127.0.0.1:" + badServer.getAddress().getPort() + "/cut";
    assertBadInput(medvqa("pacs", "get", "--dicomweb", url, "--study", "1.2.3", "--out", work.resolve("cut").toString()),
        "broke off");
  }

  @Test
  void slowServerIsExitThree() {
    String url = "http://127.0.0.1:" + badServer.getAddress().getPort() + "/slow";
    assertBadInput(medvqa("pacs", "find", "--dicomweb", url, "--timeout", "0.5"), "timeout");
  }

  @Test
  void badArgumentsAreExitThreeOrUsage() {
    assertBadInput(medvqa(web("pacs", "store", work.resolve("study/README.txt").toString())), "not a DICOM");
    assertBadInput(medvqa("pacs", "echo", "--dicomweb", "ftp://x/y"), "http");
    assertBadInput(medvqa("pacs", "echo", "--dimse", "no-port"), "AET@HOST:PORT");
    assertThat(medvqa("pacs", "echo", "--dicomweb", pacs.dicomWebUrl(), "--dimse", "A@b:1").code()).isEqualTo(ExitCodes.USAGE);
  }

  private static void assertBadInput(Run run, String expected) {
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err()).startsWith("medvqa: ").containsIgnoringCase(expected).doesNotContain("Exception");
  }

  private static List<String> digests(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return digests(files.toList());
    }
  }

  private static List<String> digests(List<Path> files) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path f : files) {
      out.add(PixelDigest.sha256(f));
    }
    return out.stream().sorted().toList();
  }
}
