package io.hexagan.cli;

import io.hexagan.io.ColumnSpec;
import io.hexagan.io.CsvOptions;
import io.hexagan.io.TableSchema;
import io.hexagan.training.ConfigJson;
import io.hexagan.training.CsvPrediction;
import io.hexagan.training.EpochReport;
import io.hexagan.training.ModelMetadata;
import io.hexagan.training.TrainingSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan inspect}. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Prints a model's schema, classes, configuration, training summary and provenance.",
    footer = {"", "Example:", "  hexagan inspect --model models/patients"})
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "<dir>", description = "Model directory.")
  Path model;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (CsvPrediction p = CsvPrediction.open(model, CsvOptions.DEFAULT)) {
      TableSchema schema = p.schema();
      ModelMetadata meta = p.model().metadata();
      out.println("model " + model);
      out.println();
      out.println("columns (" + schema.columns().size() + " in the CSV, " + meta.features().size() + " encoded features):");
      for (ColumnSpec c : schema.columns()) {
        out.println("  " + describe(c));
      }
      out.println();
      if (schema.label() != null) {
        out.println("label " + schema.label() + ", classes: " + String.join(", ", schema.classes()));
        out.println("signatures: impute, classify" + (p.model().generates() ? ", generate" : "") + ", serving_default");
      } else {
        out.println("no label: the model imputes only (signatures: impute, serving_default)");
      }
      out.println();
      TrainingSummary s = meta.summary();
      out.printf(Locale.ROOT, "training: %d epochs of %d iterations (%d Session.run per iteration, %d graph ops), "
          + "%.1f s; kept epoch %d%s%n", s.epochs(), s.iterationsPerEpoch(), s.sessionRunsPerIteration(),
          s.graphOperations(), s.millis() / 1000.0, s.keptEpoch(), s.stoppedEarly() ? " (stopped early)" : "");
      List<EpochReport> main = s.history().stream().filter(r -> !r.warmup()).toList();
      if (!main.isEmpty() && s.keptEpoch() > 0) {
        EpochReport kept = main.get(Math.min(s.keptEpoch(), main.size()) - 1);
        for (Map.Entry<String, Double> e : kept.meanLosses().entrySet()) {
          out.printf(Locale.ROOT, "  %-26s %10.5f%n", e.getKey(), e.getValue());
        }
        if (kept.validation() != null) {
          out.printf(Locale.ROOT, "  validation: RMSE %.4f (column means %.4f), F1 %.4f%n", kept.validation().rmse(),
              kept.validation().meanImputationRmse(), kept.validation().f1());
        }
      }
      out.println();
      ModelMetadata.Provenance pr = meta.provenance();
      out.printf("provenance: hexagan %s, TensorFlow %s, %d rows, data sha256 %s, %s%n", pr.hexaganVersion(),
          pr.tensorflowVersion(), pr.rows(), pr.dataSha256(), pr.createdAt());
      out.println();
      out.println("config:");
      out.println(ConfigJson.toJson(meta.config()));
    }
    out.flush();
    return 0;
  }

  private static String describe(ColumnSpec c) {
    return switch (c.kind()) {
      case NUMERIC -> String.format(Locale.ROOT, "%-24s numeric      [%s, %s]", c.name(), c.min(), c.max());
      case CATEGORICAL -> String.format(Locale.ROOT, "%-24s categorical  %s", c.name(), c.categories());
    };
  }
}
