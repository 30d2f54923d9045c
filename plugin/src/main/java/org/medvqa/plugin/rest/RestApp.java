package org.medvqa.plugin.rest;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Builds the Jersey application; {@code main} and the tests share this one method. */
public final class RestApp {
  private RestApp() {}

  public static ResourceConfig createApp(AppContext ctx) {
    ResourceConfig rc = new ResourceConfig();
    rc.register(JacksonFeature.withoutExceptionMappers());
    rc.register(Json.class);
    rc.register(MultiPartFeature.class);
    rc.register(new ProblemMapper());
    rc.register(new AuthFilter(ctx.keys()));
    rc.register(new UploadLimitFilter(ctx.maxUploadBytes()));
    if (ctx.audit() != null) {
      rc.register(new AuditFilter(ctx.audit()));
    }
    rc.register(new HealthResource(ctx));
    rc.register(new ModelsResource(ctx));
    rc.register(new AskResource(ctx));
    rc.register(new ScoreResource(ctx));
    rc.register(new TrainingJobsResource(ctx));
    rc.register(new StudiesResource(ctx));
    rc.register(new PreviewsResource(ctx));
    rc.register(new OpenApiResource());
    rc.register(new WebPageResource());
    // Jersey would otherwise answer some errors with its own HTML/plain bodies.
    rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    rc.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    return rc;
  }
}
