package org.medvqa.plugin.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.medvqa.plugin.engine.InferenceTimeoutException;
import org.medvqa.plugin.engine.QueueFullException;
import org.medvqa.plugin.jobs.JobConflictException;
import org.medvqa.plugin.jobs.UnknownJobException;
import org.medvqa.plugin.model.InvalidModelException;
import org.medvqa.plugin.model.UnknownModelException;
import org.medvqa.plugin.service.BadRequestException;
import org.medvqa.plugin.service.StudyAccessException;

/**
 * Every failure becomes {@code application/problem+json} with the right status. Jersey's own errors
 * (404 no such resource, 405 wrong method, 415 wrong content type, 406) arrive here as
 * {@link WebApplicationException}s. Unexpected failures answer 500 with a generic detail: an exception
 * message may quote input, and input may hold patient data, so it is not echoed.
 */
@Provider
public final class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Throwable failure) {
    UploadTooLargeException tooLarge = find(failure, UploadTooLargeException.class);
    if (tooLarge != null) {
      return Problem.of(413, tooLarge.getMessage()).response().header("Connection", "close").build();
    }
    if (failure instanceof WebApplicationException web) {
      return fromWeb(web);
    }
    // CharConversionException: bytes Jackson's encoding detection took for UTF-16/32 and could not decode
    if (find(failure, JsonProcessingException.class) != null || find(failure, java.io.CharConversionException.class) != null) {
      return Problem.response(400, "the request body is not valid JSON of the expected shape");
    }
    if (failure instanceof BadRequestException || failure instanceof IllegalArgumentException) {
      return Problem.response(400, failure.getMessage());
    }
    if (failure instanceof QueueFullException full) {
      return Problem.of(429, full.getMessage())
          .response()
          .header(HttpHeaders.RETRY_AFTER, full.retryAfterSeconds())
          .build();
    }
    if (failure instanceof InferenceTimeoutException) {
      return Problem.of(503, failure.getMessage()).response().header(HttpHeaders.RETRY_AFTER, 1).build();
    }
    if (failure instanceof StudyAccessException s) {
      return Problem.response(statusOf(s.kind()), "study source: " + s.getMessage());
    }
    if (failure instanceof UnknownModelException || failure instanceof UnknownJobException) {
      return Problem.response(404, failure.getMessage());
    }
    if (failure instanceof InvalidModelException) {
      return Problem.response(422, "model refused, the active model keeps serving: " + failure.getMessage());
    }
    if (failure instanceof JobConflictException) {
      return Problem.response(409, failure.getMessage());
    }
    if (failure instanceof IllegalStateException && "no model is active".equals(failure.getMessage())) {
      return Problem.response(503, "no model is active");
    }
    LOG.log(Level.SEVERE, "internal error (" + failure.getClass().getName() + ")", failure);
    return Problem.response(500, "internal error; see the server log");
  }

  static int statusOf(StudyAccessException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> 404;
      case TIMEOUT -> 504;
      case NOT_CONFIGURED -> 501;
      case UNREACHABLE, UNAUTHORIZED, PROTOCOL -> 502;
    };
  }

  private static Response fromWeb(WebApplicationException web) {
    Response original = web.getResponse();
    int status = original.getStatus();
    String detail = switch (status) {
      case 404 -> "no such resource";
      case 405 -> "method not allowed here";
      case 415 -> "unsupported content type";
      case 406 -> "cannot produce an acceptable representation";
      default -> web.getMessage();
    };
    if (status == 400 && find(web, JsonProcessingException.class) != null) {
      detail = "the request body is not valid JSON of the expected shape";
    }
    Response.ResponseBuilder b = Problem.of(status, detail).response();
    original.getHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
        values.forEach(v -> b.header(name, v));
      }
    });
    return b.build();
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
