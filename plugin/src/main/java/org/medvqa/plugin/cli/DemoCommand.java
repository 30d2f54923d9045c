package org.medvqa.plugin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.medvqa.plugin.server.DefaultModel;
import org.medvqa.plugin.server.DemoStudies;
import org.medvqa.plugin.server.MedVqaServer;
import org.medvqa.plugin.server.ServerConfig;
import org.medvqa.plugin.service.AskResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medvqa demo}: the default model served on 127.0.0.1 over a few PhantomVQA studies (generated
 * into a cache folder on first run), one sample question answered on the console, then the web page
 * until Ctrl-C.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the default model over bundled sample studies (PhantomVQA, generated on first run),",
      "print the URL and one sample question with its answer, then serve until Ctrl-C."
    })
public final class DemoCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", description = "port (default 8080; 0 = any free port)")
  int port = 8080;

  @Option(names = "--model", paramLabel = "DIR", description = "model directory (default: the embedded default model)")
  Path model;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "where the sample studies and the demo's registry live (default <medvqa home>/.cache/demo)")
  Path cache;

  @Option(names = "--once", description = "answer the sample question and stop (no serving)")
  boolean once;

  @Override
  public Integer call() throws Exception {
    Path modelDir = model != null ? model : DefaultModel.locate();
    if (modelDir == null || !Files.isDirectory(modelDir)) {
      throw new BadInputException("no model found (plugin/models/default); give --model DIR");
    }
    Path cacheDir = cache != null ? cache : defaultCache();
    System.out.println("medvqa demo: preparing sample studies in " + cacheDir + " ...");
    Path dataset = DemoStudies.ensure(cacheDir.resolve("studies"));
    ServerConfig c = new ServerConfig();
    c.port = port;
    c.model = modelDir.toString();
    c.studySource = new ServerConfig.StudySourceConfig();
    c.studySource.type = "folder";
    c.studySource.folder = dataset.resolve("images").toString();
    MedVqaServer server = ServeCommand.start(c, cacheDir.resolve("server"), null);
    try {
      ServeCommand.printBanner(server);
      DemoStudies.Sample sample = DemoStudies.sample(dataset);
      AskResult answer = server.service().askUpload(List.of(Files.readAllBytes(sample.image())), sample.question(), null);
      System.out.println();
      System.out.println("sample study:    " + dataset.relativize(sample.image()));
      System.out.println("question:        " + sample.question());
      System.out.println("model answer:    " + answer.answer());
      if (!answer.reasoning().isBlank()) {
        System.out.println("model reasoning: " + answer.reasoning());
      }
      System.out.println("reference:       " + sample.reference());
      System.out.println("(" + answer.timings().totalMs() + " ms, model " + answer.model().id() + " v"
          + answer.model().version() + " on " + answer.model().device() + ")");
      System.out.println();
      if (once) {
        return ExitCodes.OK;
      }
      System.out.println("medvqa demo: serving until Ctrl-C");
      System.out.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }));
      stopped.await();
      return ExitCodes.OK;
    } finally {
      if (once) {
        server.close();
      }
    }
  }

  private static Path defaultCache() {
    String home = System.getProperty("medvqa.home");
    return home != null ? Path.of(home, ".cache", "demo") : DefaultModel.dataDir().resolve("demo");
  }
}
