package io.hexagan.spark.bench;

import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTable;
import io.hexagan.io.CsvTableReader;
import io.hexagan.io.CsvTableWriter;
import io.hexagan.io.Mcar;
import io.hexagan.io.RawRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The benchmark's input: a CSV file of {@code --rows} rows made of copies of a source table (e.g.
 * credit.csv) one after the other, each copy with its own MCAR mask of {@code --missing} of its
 * feature cells (copy {@code k} masked with seed {@code --seed + k}), labels kept. The same
 * arguments always write the same file.
 */
@Command(name = "bench-table", mixinStandardHelpOptions = true,
    description = "Writes a large CSV table of copies of a source table, feature cells blanked MCAR.")
public final class BenchTable implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--source", required = true, paramLabel = "<file.csv>", description = "Source table.")
  Path source;

  @Option(names = "--label", paramLabel = "<column>", description = "Label column of the source (never blanked).")
  String label;

  @Option(names = "--rows", required = true, paramLabel = "<n>", description = "Rows to write.")
  long rows;

  @Option(names = "--missing", paramLabel = "<rate>", defaultValue = "0.2", description = "Share of feature cells blanked.")
  double missing;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1", description = "Seed of the first copy's mask.")
  long seed;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "<file.csv>", description = "Table to write.")
  Path output;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchTable()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (rows < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--rows: expected ≥ 1, found " + rows);
    }
    CsvTable table = new CsvTableReader(CsvOptions.DEFAULT).readAll(source);
    long written = 0;
    try (CsvTableWriter writer = CsvTableWriter.create(output, table.header(), CsvOptions.DEFAULT)) {
      for (long copy = 0; written < rows; copy++) {
        for (RawRow row : Mcar.mask(table, label, missing, 0.0, seed + copy).rows()) {
          if (written == rows) {
            break;
          }
          writer.write(row.cells());
          written++;
        }
      }
      writer.commit();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%d rows (%d columns) written to %s%n", written, table.header().size(), output);
    out.flush();
    return 0;
  }
}
