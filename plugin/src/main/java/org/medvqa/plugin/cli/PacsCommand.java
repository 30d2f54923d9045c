package org.medvqa.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.medvqa.dicom.dimse.DimseConfig;
import org.medvqa.dicom.dimse.DimseStudySource;
import org.medvqa.dicom.source.PacsException;
import org.medvqa.dicom.source.Part10Header;
import org.medvqa.dicom.source.RetrievedStudy;
import org.medvqa.dicom.source.StudyQuery;
import org.medvqa.dicom.source.StudySource;
import org.medvqa.dicom.source.StudySummary;
import org.medvqa.dicom.web.DicomWebConfig;
import org.medvqa.dicom.web.DicomWebStudySource;
import org.medvqa.dicom.web.HttpAuth;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medvqa pacs echo|find|get|store}: talk to a PACS by DICOMweb ({@code --dicomweb URL}) or DIMSE
 * ({@code --dimse AET@HOST:PORT}). Every PACS failure (down, 401, unknown study, a broken or slow
 * response) is exit code 3 with one line naming the PACS and what went wrong.
 */
@Command(
    name = "pacs",
    mixinStandardHelpOptions = true,
    description = "Talk to a PACS: echo, find, get, store (DICOMweb or DIMSE)",
    subcommands = {PacsCommand.Echo.class, PacsCommand.Find.class, PacsCommand.Get.class, PacsCommand.Store.class})
public final class PacsCommand {

  /** Where the PACS is and how to log in: shared by every subcommand. */
  static final class Connection {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Endpoint endpoint;

    @Option(names = "--user", paramLabel = "USER:PASSWORD", description = "HTTP basic credentials (DICOMweb)")
    String user;

    @Option(names = "--token", paramLabel = "T", description = "bearer token (DICOMweb)")
    String token;

    @Option(names = "--calling-aet", paramLabel = "A", defaultValue = "MEDVQA",
        description = "our AE title (DIMSE; default ${DEFAULT-VALUE})")
    String callingAet;

    @Option(names = "--move-port", paramLabel = "N",
        description = "DIMSE: retrieve by C-MOVE into our C-STORE SCP on this port (default: C-GET)")
    Integer movePort;

    @Option(names = "--scp-address", paramLabel = "ADDR", defaultValue = "127.0.0.1",
        description = "address our C-STORE SCP binds to for C-MOVE (default ${DEFAULT-VALUE})")
    String scpAddress;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
        description = "read timeout (DICOMweb) or per-operation deadline (DIMSE), default ${DEFAULT-VALUE}")
    double timeoutSeconds;

    static final class Endpoint {
      @Option(names = "--dicomweb", paramLabel = "URL", required = true, description = "DICOMweb service root")
      String dicomweb;

      @Option(names = "--dimse", paramLabel = "AET@HOST:PORT", required = true, description = "DIMSE peer")
      String dimse;
    }

    StudySource open() {
      if (timeoutSeconds <= 0) {
        throw new BadInputException("--timeout must be positive");
      }
      Duration timeout = Duration.ofMillis((long) (timeoutSeconds * 1000));
      try {
        if (endpoint.dicomweb != null) {
          if (user != null && token != null) {
            throw new BadInputException("give --user or --token, not both");
          }
          HttpAuth auth = user != null ? HttpAuth.parseUserPassword(user) : token != null ? HttpAuth.bearer(token) : HttpAuth.none();
          return new DicomWebStudySource(DicomWebConfig.of(endpoint.dicomweb).withAuth(auth)
              .withTimeouts(Duration.ofSeconds(5).compareTo(timeout) < 0 ? Duration.ofSeconds(5) : timeout, timeout));
        }
        if (user != null || token != null) {
          throw new BadInputException("--user and --token are for --dicomweb; DIMSE identifies us by --calling-aet");
        }
        DimseConfig config = DimseConfig.parse(endpoint.dimse).withCallingAet(callingAet).withTimeout(timeout);
        if (movePort != null) {
          config = config.withMoveTo(scpAddress, movePort);
        }
        return new DimseStudySource(config);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
    }
  }

  /** Runs one PACS action; PACS failures and bad arguments become exit code 3 with one line. */
  abstract static class PacsAction implements Callable<Integer> {
    @Mixin ConnectionMixin connection;
    @Spec CommandSpec spec;

    @Override
    public final Integer call() throws IOException {
      try (StudySource source = connection.options.open()) {
        return run(source, spec.commandLine().getOut());
      } catch (PacsException e) {
        throw new BadInputException(e.getMessage() + " [" + e.kind().name().toLowerCase(Locale.ROOT) + "]", e);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage(), e);
      }
    }

    abstract int run(StudySource source, PrintWriter out) throws IOException;
  }

  /** picocli mixes in options of a class with a no-arg constructor; the group lives inside. */
  static final class ConnectionMixin {
    @ArgGroup(exclusive = false, multiplicity = "1", heading = "PACS connection:%n")
    Connection options;
  }

  @Command(name = "echo", mixinStandardHelpOptions = true, description = "Check that the PACS answers and accepts our credentials")
  static final class Echo extends PacsAction {
    @Override
    int run(StudySource source, PrintWriter out) {
      long start = System.nanoTime();
      source.echo();
      out.printf("ok: %s answered in %d ms%n", source.describe(), (System.nanoTime() - start) / 1_000_000);
      return ExitCodes.OK;
    }
  }

  @Command(name = "find", mixinStandardHelpOptions = true, description = "Find studies (a JSON array with --json)")
  static final class Find extends PacsAction {
    @Option(names = "--patient-id", paramLabel = "X") String patientId;
    @Option(names = "--study", paramLabel = "UID") String study;
    @Option(names = "--modality", paramLabel = "M") String modality;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "100") int limit;
    @Option(names = "--json", description = "print one JSON array") boolean json;

    @Override
    int run(StudySource source, PrintWriter out) throws IOException {
      if (limit < 1) {
        throw new BadInputException("--limit must be at least 1");
      }
      StudyQuery query = StudyQuery.all().withLimit(limit).withPatientId(patientId).withStudy(study).withModality(modality);
      List<StudySummary> studies = source.findStudies(query);
      if (json) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (StudySummary s : studies) {
          ObjectNode node = array.addObject();
          node.put("studyInstanceUID", s.studyInstanceUID());
          node.put("patientId", s.patientId());
          node.put("studyDate", s.studyDate());
          s.modalities().forEach(node.putArray("modalities")::add);
          if (s.modalities().isEmpty()) {
            node.putArray("modalities");
          }
          node.put("numberOfInstances", s.numberOfInstances());
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
      } else {
        out.printf("%-64s  %-16s  %-8s  %-10s  %s%n", "STUDY INSTANCE UID", "PATIENT ID", "DATE", "MODALITIES", "INSTANCES");
        for (StudySummary s : studies) {
          out.printf("%-64s  %-16s  %-8s  %-10s  %d%n", s.studyInstanceUID(), s.patientId(), s.studyDate(),
              String.join(",", s.modalities()), s.numberOfInstances());
        }
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Retrieve a study (or one series) into a folder as DICOM files")
  static final class Get extends PacsAction {
    @Option(names = "--study", paramLabel = "UID", required = true) String study;
    @Option(names = "--series", paramLabel = "UID") String series;
    @Option(names = "--out", paramLabel = "DIR", required = true) Path out;

    @Override
    int run(StudySource source, PrintWriter printer) {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new BadInputException("--out " + out + " exists and is not a folder");
      }
      RetrievedStudy got = source.retrieve(study.strip(), series == null ? null : series.strip(), out);
      printer.printf("retrieved %d instance(s), %.1f MB, into %s%n", got.files().size(), got.bytes() / 1e6, out);
      return ExitCodes.OK;
    }
  }

  @Command(name = "store", mixinStandardHelpOptions = true, description = "Send DICOM files (folders are searched recursively) to the PACS")
  static final class Store extends PacsAction {
    @Parameters(paramLabel = "FILE|DIR", arity = "1..*") List<Path> inputs;

    @Override
    int run(StudySource source, PrintWriter out) throws IOException {
      List<Path> files = new ArrayList<>();
      int skipped = 0;
      for (Path input : inputs) {
        if (Files.isDirectory(input)) {
          try (Stream<Path> walk = Files.walk(input)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
              if (isDicom(f)) {
                files.add(f);
              } else {
                skipped++;
              }
            }
          }
        } else if (Files.isRegularFile(input)) {
          if (!isDicom(input)) {
            throw new BadInputException(input + " is not a DICOM Part-10 file");
          }
          files.add(input);
        } else {
          throw new BadInputException("no such file or folder: " + input);
        }
      }
      if (files.isEmpty()) {
        throw new BadInputException("no DICOM files in " + inputs);
      }
      source.store(files);
      out.printf("stored %d file(s) in %s%s%n", files.size(), source.describe(),
          skipped == 0 ? "" : " (" + skipped + " non-DICOM file(s) skipped)");
      return ExitCodes.OK;
    }

    private static boolean isDicom(Path f) {
      try {
        Part10Header.read(f);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }
}
