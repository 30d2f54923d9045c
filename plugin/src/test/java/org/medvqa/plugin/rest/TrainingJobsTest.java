package org.medvqa.plugin.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medvqa.plugin.rest.RestApiTest.assertProblem;
import static org.medvqa.plugin.rest.RestApiTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvqa.plugin.adapters.RealComponents;
import org.medvqa.plugin.server.MedVqaServer;
import org.medvqa.training.phantom.ImageFormat;
import org.medvqa.training.phantom.PhantomConfig;
import org.medvqa.training.phantom.PhantomVqaGenerator;

/**
 * On-site retraining over REST: a real GRPO job (one step of a tiny model on a PhantomVQA set, in
 * its own JVM) with progress, one job at a time (409), the result registered but not active until
 * activated, cancel, and refused datasets (outside the datasets root, missing).
 */
class TrainingJobsTest {
  @TempDir static Path tmp;
  static MedVqaServer server;
  static Http http;
  static final String TINY = "\"options\": {\"prompts_per_step\": 2, \"num_generations\": 2, \"max_completion_length\": 8}";

  @BeforeAll
  static void start() throws Exception {
    new PhantomVqaGenerator(PhantomConfig.defaults().withN(8).withSeed(3).withImageSize(32), ImageFormat.PNG)
        .generate(tmp.resolve("datasets/phantom"), PhantomVqaGenerator.Progress.NONE);
    server = TestServers.start(tmp, 1 << 20, RealComponents.create(null, 16));
    http = new Http(server.baseUri(), TestServers.KEY);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static JsonNode waitUntilDone(String id, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode job = json(http.get("/api/v1/training-jobs/" + id));
      if (!job.get("status").asText().equals("RUNNING") || System.nanoTime() > deadline) {
        return job;
      }
      Thread.sleep(250);
    }
  }

  @Test
  void grpoJobTrainsRegistersWithoutActivatingAndRefusesASecondJob() throws Exception {
    String before = server.activeModel().id();
    HttpResponse<String> r = http.postJson("/api/v1/training-jobs",
        "{\"kind\": \"GRPO\", \"dataset\": \"phantom\", \"steps\": 1, " + TINY + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = json(r).get("id").asText();
    assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/training-jobs/" + id);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"GRPO\", \"dataset\": \"phantom\", \"steps\": 1}"), 409);

    JsonNode done = waitUntilDone(id, Duration.ofMinutes(3));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.get("step").asInt()).isEqualTo(1);
    assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
    assertThat(done.get("metrics").has("reward")).isTrue();
    String modelId = done.get("modelId").asText();
    assertThat(modelId).isEqualTo("grpo-1");

    JsonNode models = json(http.get("/api/v1/models"));
    assertThat(models.at("/active/id").asText()).isEqualTo(before);
    assertThat(models.get("models").findValuesAsText("id")).contains(modelId);
    HttpResponse<String> activated = http.postJson("/api/v1/models/" + modelId + "/activate", "");
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
    assertThat(server.activeModel().id()).isEqualTo(modelId);
    HttpResponse<String> back = http.postJson("/api/v1/models/rollback", "");
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    assertThat(server.activeModel().id()).isEqualTo(before);
  }

  @Test
  void aRunningJobCanBeCancelled() throws Exception {
    HttpResponse<String> r;
    do { // the other test's job may still be running
      r = http.postJson("/api/v1/training-jobs", "{\"kind\": \"GRPO\", \"dataset\": \"phantom\", \"steps\": 100000, " + TINY + "}");
      if (r.statusCode() == 409) {
        Thread.sleep(500);
      }
    } while (r.statusCode() == 409);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = json(r).get("id").asText();
    assertThat(http.postJson("/api/v1/training-jobs/" + id + "/cancel", "").statusCode()).isEqualTo(200);
    JsonNode done = waitUntilDone(id, Duration.ofMinutes(1));
    assertThat(done.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(done.get("modelId").isNull()).isTrue();
  }

  @Test
  void badJobRequestsAreRefused() throws Exception {
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"GRPO\", \"dataset\": \"../../etc\"}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"GRPO\", \"dataset\": \"/etc\"}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"GRPO\", \"dataset\": \"nope\"}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"GRPO\", \"dataset\": \"phantom\", \"options\": {\"no_such_knob\": 1}}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"dataset\": \"phantom\"}"), 400);
    assertProblem(http.get("/api/v1/training-jobs/job-999"), 404);
  }
}
