package org.medvqa.plugin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one command-line entry point ({@code ./medvqa}). Each command is its own class; this one only
 * assembles them and turns failures into the exit codes of DESIGN.md:
 * 0 done, 2 usage, 3 bad input (one clear line on stderr, no stack trace), 1 internal error.
 */
@Command(
    name = "medvqa",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Medical visual question answering for PACS viewers: serve, ask, score, train, evaluate.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      AskCommand.class,
      DicomCommand.class,
      PacsCommand.class,
      TermsCommand.class,
      ScoreCommand.class,
      DataCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      ExperimentCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs one command line and returns its exit code; used by {@link #main} and by tests. */
  public static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(new ExitCodes.FailureHandler());
    cli.setExitCodeExceptionMapper(ExitCodes::of);
    return cli;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"medvqa " + (v == null ? "dev" : v)};
    }
  }
}
