package io.hexagan.cli;

import io.hexagan.training.CsvPrediction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan impute}. */
@Command(
    name = "impute",
    mixinStandardHelpOptions = true,
    description =
        "Fills the missing cells of a CSV file. Same header, column order and row order; observed cells and the label are copied as their exact text; numbers in original units, categories by name.",
    footer = {"", "Example:", "  hexagan impute --model models/patients --input new.csv --output new-filled.csv"})
final class ImputeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TableInOut files;

  @Mixin CsvOptionsMixin csv;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    long rows;
    try (CsvPrediction p = CsvPrediction.open(files.model, csv.options());
        Progress.Rows progress = new Progress.Rows("impute", System.err, files.quiet)) {
      rows = p.impute(files.input, files.output, progress);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    spec.commandLine().getOut().printf("imputed %d rows in %.1f s; written to %s%n", rows, s, files.output);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
