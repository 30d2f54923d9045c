package org.medvqa.plugin.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;
import org.glassfish.jersey.server.ContainerRequest;
import org.medvqa.plugin.security.Hashing;
import org.medvqa.plugin.service.AskResult;
import org.medvqa.plugin.service.BadRequestException;
import org.medvqa.plugin.service.StudyRef;
import org.medvqa.plugin.service.VqaService;

/**
 * {@code POST /api/v1/ask}: a question about uploaded files (multipart: {@code files} parts and a
 * {@code question} part, optionally {@code slice}) or about a study by reference (JSON
 * {@link AskByReference}).
 */
@Path("/api/v1/ask")
@Produces(MediaType.APPLICATION_JSON)
public final class AskResource {
  static final int MAX_FILES = 2_000;

  private final VqaService service;
  private final String salt;

  @jakarta.inject.Inject
  public AskResource(AppContext ctx) {
    this.service = ctx.service();
    this.salt = ctx.auditSalt();
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public AskResult upload(
      @FormDataParam("files") List<FormDataBodyPart> files,
      @FormDataParam("question") String question,
      @FormDataParam("slice") String slice,
      @Context ContainerRequest request) {
    if (files == null || files.isEmpty()) {
      throw new BadRequestException("no files uploaded (multipart parts named 'files')");
    }
    if (files.size() > MAX_FILES) {
      throw new BadRequestException("at most " + MAX_FILES + " files per request");
    }
    List<byte[]> bytes = new ArrayList<>(files.size());
    for (FormDataBodyPart part : files) {
      try (InputStream in = part.getValueAs(InputStream.class)) {
        bytes.add(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    AskResult result = service.askUpload(bytes, question, parseSlice(slice));
    request.setProperty(AuditFilter.MODEL, result.model());
    return result;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public AskResult byReference(AskByReference body, @Context ContainerRequest request) {
    if (body == null) {
      throw new BadRequestException("a JSON body is required");
    }
    StudyRef ref = new StudyRef(body.studyInstanceUID(), body.seriesInstanceUID(), body.sopInstanceUID());
    request.setProperty(AuditFilter.STUDY_HASH, Hashing.studyHash(salt, ref.studyUid()));
    AskResult result =
        service.askStudy(ref, body.question(), body.slice(), Boolean.TRUE.equals(body.storeSr()));
    request.setProperty(AuditFilter.MODEL, result.model());
    return result;
  }

  private static Integer parseSlice(String slice) {
    if (slice == null || slice.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(slice.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException("'slice' must be an integer");
    }
  }
}
