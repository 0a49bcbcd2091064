package io.hexagan.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the commands that run a model over a CSV file: the model, the input, the output. */
final class TableInOut {
  @Option(names = {"-m", "--model"}, required = true, paramLabel = "<dir>", description = "Model directory.")
  Path model;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "<file.csv>",
      description = "Input table; missing cells allowed.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "<file.csv>",
      description = "Output table (written atomically).")
  Path output;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;
}
