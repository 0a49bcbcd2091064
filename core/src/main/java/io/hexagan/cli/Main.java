package io.hexagan.cli;

import io.hexagan.io.DataException;
import io.hexagan.training.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** Entry point of {@code bin/hexagan}. */
public final class Main {
  /** Exit code of a run that failed on its data or its model. */
  public static final int DATA_ERROR = 1;
  /** Exit code of a command line that does not parse (picocli's usage code). */
  public static final int USAGE_ERROR = CommandLine.ExitCode.USAGE;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests: no {@code System.exit}). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, with streams that tests may replace. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new HexaganCommand());
    cli.setExecutionExceptionHandler(Main::handle);
    cli.setUsageHelpAutoWidth(true);
    return cli;
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    if (e instanceof CommandLine.ParameterException pe) {
      err.println("hexagan: " + pe.getMessage());
      return USAGE_ERROR;
    }
    err.println("hexagan: " + message(e));
    if (System.getenv("HEXAGAN_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return DATA_ERROR;
  }

  /** One line that says what went wrong, for the errors users can cause. */
  static String message(Throwable e) {
    if (e instanceof DataException || e instanceof TrainingDivergedException) {
      return e.getMessage();
    }
    if (e instanceof UncheckedIOException u) {
      return message(u.getCause()) + (u.getMessage() == null ? "" : " (" + u.getMessage() + ")");
    }
    if (e instanceof NoSuchFileException n) {
      return n.getFile() + ": no such file";
    }
    if (e instanceof IOException) {
      return e.getMessage() == null ? e.toString() : e.getMessage();
    }
    if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
      return e.getMessage();
    }
    return e.toString() + " (set HEXAGAN_DEBUG=1 for the stack trace)";
  }
}
