package org.medvqa.plugin.rest;

import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Builds the Jersey application; {@code main} and the tests share this one method. */
public final class RestApp {
  private RestApp() {}

  public static ResourceConfig createApp(AppContext ctx) {
    ResourceConfig rc = new ResourceConfig();
    rc.register(new AbstractBinder() {
      @Override
      protected void configure() {
        bind(ctx).to(AppContext.class);
      }
    });
    rc.register(JacksonFeature.withoutExceptionMappers());
    rc.register(Json.class);
    rc.register(MultiPartFeature.class);
    rc.register(new ProblemMapper());
    rc.register(new AuthFilter(ctx.keys()));
    rc.register(new UploadLimitFilter(ctx.maxUploadBytes()));
    if (ctx.audit() != null) {
      rc.register(new AuditFilter(ctx.audit()));
    }
    rc.register(HealthResource.class);
    rc.register(ModelsResource.class);
    rc.register(AskResource.class);
    rc.register(ScoreResource.class);
    rc.register(TrainingJobsResource.class);
    rc.register(StudiesResource.class);
    rc.register(PreviewsResource.class);
    rc.register(OpenApiResource.class);
    rc.register(WebPageResource.class);
    // Jersey would otherwise answer some errors with its own HTML/plain bodies.
    rc.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    rc.property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, false);
    rc.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    return rc;
  }
}
