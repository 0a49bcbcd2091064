package io.hexagan.cli;

import io.hexagan.io.CsvOptions;
import io.hexagan.training.CsvPrediction;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan generate}. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generates rows of one class with the conditional generator (G_CG, then G_MI).",
    showDefaultValues = true,
    footer = {"", "Example:", "  hexagan generate --model models/patients --class relapse --count 500 --output synthetic.csv"})
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "<dir>", description = "Model directory.")
  Path model;

  @Option(names = {"-c", "--class"}, required = true, paramLabel = "<name>", description = "Class of the rows, as named in the label column.")
  String className;

  @Option(names = {"-n", "--count"}, required = true, paramLabel = "<n>", description = "Rows to generate.")
  int count;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "<file.csv>", description = "Output table (written atomically).")
  Path output;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "0", description = "Seed of the noise; the same seed gives the same rows.")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (count < 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count: expected ≥ 0, found " + count);
    }
    try (CsvPrediction p = CsvPrediction.open(model, CsvOptions.DEFAULT)) {
      p.generate(className, count, seed, output);
    }
    spec.commandLine().getOut().printf("generated %d rows of class %s; written to %s%n", count, className, output);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
