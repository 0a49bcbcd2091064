package io.hexagan.cli;

import io.hexagan.training.CsvPrediction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan classify}. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description =
        "Classifies the rows of a CSV file (missing cells allowed): the input's columns, then predicted_<label> and p_<class> for each class.",
    footer = {"", "Example:", "  hexagan classify --model models/patients --input new.csv --output new-classified.csv"})
final class ClassifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TableInOut files;

  @Mixin CsvOptionsMixin csv;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    long rows;
    try (CsvPrediction p = CsvPrediction.open(files.model, csv.options());
        Progress.Rows progress = new Progress.Rows("classify", System.err, files.quiet)) {
      rows = p.classify(files.input, files.output, progress);
    }
    spec.commandLine().getOut().printf("classified %d rows in %.1f s; written to %s%n", rows,
        (System.nanoTime() - t0) / 1e9, files.output);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
