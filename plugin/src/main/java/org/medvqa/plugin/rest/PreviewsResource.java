package org.medvqa.plugin.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataParam;
import org.medvqa.plugin.service.BadRequestException;
import org.medvqa.plugin.service.DecodedStudy;
import org.medvqa.plugin.service.VqaService;

/**
 * {@code POST /api/v1/previews}: uploaded DICOM files decoded and windowed exactly as the model will
 * see them, as PNG data URLs, so the web page can show and scroll an upload before asking.
 */
@Path("/api/v1/previews")
public final class PreviewsResource {
  private final VqaService service;

  @jakarta.inject.Inject
  public PreviewsResource(AppContext ctx) {
    this.service = ctx.service();
  }

  /** The slices of the upload, in order. */
  public record Previews(int count, String modality, List<String> slices) {}

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Previews preview(@FormDataParam("files") List<FormDataBodyPart> files) {
    if (files == null || files.isEmpty()) {
      throw new BadRequestException("no files uploaded (multipart parts named 'files')");
    }
    if (files.size() > AskResource.MAX_FILES) {
      throw new BadRequestException("at most " + AskResource.MAX_FILES + " files per request");
    }
    List<byte[]> bytes = new ArrayList<>();
    for (FormDataBodyPart part : files) {
      try (InputStream in = part.getValueAs(InputStream.class)) {
        bytes.add(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    DecodedStudy study = service.decodeUpload(bytes);
    List<String> urls = study.slices().stream()
        .map(s -> "data:image/png;base64," + Base64.getEncoder().encodeToString(Png.encode(s)))
        .toList();
    return new Previews(urls.size(), study.modality(), urls);
  }
}
