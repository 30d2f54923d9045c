package org.medvqa.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.plugin.rest.Http;
import org.medvqa.plugin.rest.TestServers;
import org.medvqa.plugin.rest.TinyModel;
import org.medvqa.plugin.server.MedVqaServer;
import org.medvqa.plugin.server.ServerConfig;
import picocli.CommandLine;

/**
 * {@code serve --tls-keystore FILE --tls-password-file FILE} for real: a self-signed key pair made by
 * the JDK's keytool, the server started from the command's own options, and clients over HTTPS: one
 * that trusts exactly that certificate gets health, an authenticated JSON call and an upload through;
 * one with the default trust store is refused in the handshake; plain HTTP to the port gets no answer.
 * Bad TLS settings are bad input (exit 3) before anything is loaded.
 */
class ServeTlsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "tls-test-password";
  static final String ALIAS = "medvqa";

  @TempDir static Path tmp;
  static Path keystore;
  static Path passwordFile;
  static Path model;
  static MedVqaServer server;
  static HttpClient trusting;

  @BeforeAll
  static void start() throws Exception {
    keystore = tmp.resolve("server.p12");
    Process keytool = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
            "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true)
        .start();
    String keytoolOut = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(keytoolOut).isZero();
    passwordFile = tmp.resolve("server.p12.password");
    Files.writeString(passwordFile, PASSWORD + "\n");
    Path keys = tmp.resolve("api-keys");
    Files.writeString(keys, TestServers.KEY + "\n");
    model = TinyModel.write(tmp.resolve("model"), 4);

    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--port", "0", "--model", model.toString(), "--api-keys", keys.toString(),
        "--tls-keystore", keystore.toString(), "--tls-password-file", passwordFile.toString());
    ServerConfig config = serve.configuration();
    server = ServeCommand.start(config, tmp.resolve("data"), null);
    trusting = HttpClient.newBuilder().sslContext(trustingOnly(keystore)).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** A client context whose only trust anchor is the server's own certificate. */
  static SSLContext trustingOnly(Path keystoreFile) throws Exception {
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystoreFile)) {
      server.load(in, PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("medvqa-server", server.getCertificate(ALIAS));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  static HttpRequest.Builder request(String path, boolean withKey) {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(path)).timeout(Duration.ofSeconds(120));
    return withKey ? b.header("Authorization", "Bearer " + TestServers.KEY) : b;
  }

  @Test
  void healthAuthenticatedCallsAndUploadsWorkOverHttps() throws Exception {
    assertThat(server.baseUri().getScheme()).isEqualTo("https");
    HttpResponse<String> health = trusting.send(request("/api/v1/health", false).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).startsWith("TLSv1."));

    HttpResponse<String> anonymous = trusting.send(request("/api/v1/models", false).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> models = trusting.send(request("/api/v1/models", true).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(models.statusCode()).as(models.body()).isEqualTo(200);
    assertThat(JSON.readTree(models.body()).at("/active/id").asText()).isEqualTo("model");

    HttpResponse<String> score = trusting.send(request("/api/v1/score", true).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"answer\": \"left lung\", \"reference\": \"left lung\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(score.statusCode()).as(score.body()).isEqualTo(200);

    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("files", png(48, 48));
    parts.put("question", "Is there a nodule?");
    Http.Multipart body = Http.Multipart.of(parts);
    HttpResponse<String> ask = trusting.send(request("/api/v1/ask", true).header("Content-Type", body.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.body())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ask.statusCode()).as(ask.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(ask.body());
    assertThat(answer.has("answer")).isTrue();
    assertThat(answer.at("/model/id").asText()).isEqualTo("model");
  }

  @Test
  void plainHttpToTheTlsPortGetsNoAnswer() {
    URI plain = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused() {
    HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(() -> defaults.send(request("/api/v1/health", false).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void badTlsSettingsAreBadInputBeforeAnythingIsLoaded() throws Exception {
    Path wrong = tmp.resolve("wrong-password");
    Files.writeString(wrong, "not-the-password\n");
    String[] common = {"serve", "--port", "0", "--model", model.toString(), "--data-dir", tmp.resolve("bad").toString()};

    CliRun missing = CliRun.of(concat(common, "--tls-keystore", tmp.resolve("nope.p12").toString()));
    assertThat(missing.code()).as(missing.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("TLS key store does not exist");

    CliRun badPassword = CliRun.of(concat(common, "--tls-keystore", keystore.toString(), "--tls-password-file", wrong.toString()));
    assertThat(badPassword.code()).as(badPassword.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(badPassword.err()).contains("cannot use TLS key store", "wrong password").doesNotContain("\tat ");

    Path notAKeystore = tmp.resolve("not-a-keystore.p12");
    Files.writeString(notAKeystore, "-----BEGIN CERTIFICATE-----\n");
    CliRun garbage = CliRun.of(concat(common, "--tls-keystore", notAKeystore.toString()));
    assertThat(garbage.code()).as(garbage.err()).isEqualTo(ExitCodes.BAD_INPUT);

    CliRun orphan = CliRun.of(concat(common, "--tls-password-file", passwordFile.toString()));
    assertThat(orphan.code()).as(orphan.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Files.exists(tmp.resolve("bad").resolve("audit.jsonl"))).as("nothing started").isFalse();
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static byte[] png(int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.getRaster().setSample(x, y, 0, (x * 5 + y * 3) & 0xff);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
