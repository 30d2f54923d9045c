package org.medvqa.plugin.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medvqa.plugin.rest.RestApiTest.assertProblem;
import static org.medvqa.plugin.rest.RestApiTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medvqa.plugin.jobs.TrainingKind;
import org.medvqa.plugin.adapters.RealComponents;
import org.medvqa.plugin.server.MedVqaServer;
import org.medvqa.training.phantom.ImageFormat;
import org.medvqa.training.phantom.PhantomConfig;
import org.medvqa.training.phantom.PhantomVqaGenerator;

/**
 * On-site retraining over REST: real GRPO and SFT jobs (a few steps of a tiny model on a PhantomVQA
 * set, in their own JVM) with progress and metrics, one job at a time (409), the result registered but
 * not active until activated, cancel of a job that is mid-training, and refused requests (datasets
 * outside the datasets root or missing, unknown options).
 */
class TrainingJobsTest {
  @TempDir static Path tmp;
  static MedVqaServer server;
  static Http http;
  static final String TINY = "\"options\": {\"prompts_per_step\": 2, \"num_generations\": 2, \"max_completion_length\": 8}";
  static final String TINY_SFT = "\"options\": {\"batch_size\": 4, \"questions_per_image\": 2, \"warmup_steps\": 0}";

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
    HttpResponse<String> r = startWhenFree("{\"kind\": \"GRPO\", \"dataset\": \"phantom\", \"steps\": 1, " + TINY + "}");
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
    assertThat(modelId).startsWith("grpo-");

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
  void sftJobFineTunesTheActiveModelReportsLossAndRegistersWithoutActivating() throws Exception {
    String before = server.activeModel().id();
    HttpResponse<String> r = startWhenFree("{\"kind\": \"SFT\", \"dataset\": \"phantom\", \"steps\": 3, " + TINY_SFT + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = json(r).get("id").asText();
    assertThat(json(r).get("kind").asText()).isEqualTo("SFT");
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"SFT\", \"dataset\": \"phantom\"}"), 409);

    JsonNode done = waitUntilDone(id, Duration.ofMinutes(3));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.get("step").asInt()).isEqualTo(3);
    assertThat(done.get("totalSteps").asInt()).isEqualTo(3);
    assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
    double loss = done.at("/metrics/train~1loss").asDouble(Double.NaN);
    assertThat(loss).as(done.toString()).isFinite().isPositive();
    String modelId = done.get("modelId").asText();
    assertThat(modelId).startsWith("sft-");

    // fine-tuned from the active model (not a new one from scratch), and new weights
    Path trained = tmp.resolve("models").resolve(modelId);
    JsonNode config = RestApiTest.JSON.readTree(trained.resolve("config.json").toFile());
    Path base = tmp.resolve("models").resolve(before);
    assertThat(Path.of(config.at("/provenance/parent_model").asText())).isEqualTo(base);
    assertThat(Files.readString(trained.resolve("tokenizer.json"))).isEqualTo(Files.readString(base.resolve("tokenizer.json")));
    assertThat(Files.mismatch(trained.resolve("model.safetensors"), base.resolve("model.safetensors"))).isNotEqualTo(-1L);

    JsonNode models = json(http.get("/api/v1/models"));
    assertThat(models.at("/active/id").asText()).isEqualTo(before);
    assertThat(models.get("models").findValuesAsText("id")).contains(modelId);
  }

  @ParameterizedTest
  @EnumSource(TrainingKind.class)
  void aJobCanBeCancelledWhileItTrains(TrainingKind kind) throws Exception {
    String options = kind == TrainingKind.SFT ? TINY_SFT : TINY;
    HttpResponse<String> r = startWhenFree("{\"kind\": \"" + kind + "\", \"dataset\": \"phantom\", \"steps\": 100000, " + options + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = json(r).get("id").asText();
    JsonNode job = json(http.get("/api/v1/training-jobs/" + id));
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (job.get("step").asInt() < 1 && job.get("status").asText().equals("RUNNING") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      job = json(http.get("/api/v1/training-jobs/" + id));
    }
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("RUNNING");
    assertThat(job.get("step").asInt()).as("trained a step before the cancel").isPositive();
    assertThat(job.get("totalSteps").asInt()).isEqualTo(100000);
    assertThat(http.postJson("/api/v1/training-jobs/" + id + "/cancel", "").statusCode()).isEqualTo(200);
    JsonNode done = waitUntilDone(id, Duration.ofMinutes(1));
    assertThat(done.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(done.get("modelId").isNull()).isTrue();
    try (var dirs = Files.list(tmp.resolve("models"))) {
      assertThat(dirs.map(d -> d.getFileName().toString())).as("no scratch left behind")
          .noneMatch(n -> n.startsWith("." + id));
    }
  }

  /** Starts a job, waiting while another test's job still runs (409). */
  static HttpResponse<String> startWhenFree(String body) throws Exception {
    HttpResponse<String> r;
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while ((r = http.postJson("/api/v1/training-jobs", body)).statusCode() == 409 && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    return r;
  }

  @Test
  void badJobRequestsAreRefused() throws Exception {
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"GRPO\", \"dataset\": \"../../etc\"}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"GRPO\", \"dataset\": \"/etc\"}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"GRPO\", \"dataset\": \"nope\"}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"GRPO\", \"dataset\": \"phantom\", \"options\": {\"no_such_knob\": 1}}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"SFT\", \"dataset\": \"phantom\", \"options\": {\"no_such_knob\": 1}}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"SFT\", \"dataset\": \"phantom\", \"options\": {\"batch_size\": -1}}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"kind\": \"PPO\", \"dataset\": \"phantom\"}"), 400);
    assertProblem(http.postJson("/api/v1/training-jobs", "{\"dataset\": \"phantom\"}"), 400);
    assertProblem(http.get("/api/v1/training-jobs/job-999"), 404);
  }
}
