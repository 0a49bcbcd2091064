package io.hexagan.cli;

import io.hexagan.eval.ModelHiddenSpace;
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
    footer = {"", "Example:", "  hexagan inspect --model models/patients",
        "  hexagan inspect --model models/patients --tsne hidden.png --input patients.csv"})
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "<dir>", description = "Model directory.")
  Path model;

  @Option(names = "--tsne", paramLabel = "<file.png>",
      description = "Also draw the t-SNE map of the hidden space: h = E(x̃, m) of the rows of --input (circles) and "
          + "h_c = G_CG(z_c, y_c) of generated rows (triangles), coloured by class.")
  Path tsne;

  @Option(names = {"-i", "--input"}, paramLabel = "<file.csv>", description = "With --tsne: the rows to encode.")
  Path input;

  @Option(names = "--tsne-rows", paramLabel = "<n>", defaultValue = "1000",
      description = "With --tsne: the first n rows of --input.")
  int tsneRows;

  @Option(names = "--tsne-generated", paramLabel = "<n>", defaultValue = "50",
      description = "With --tsne: generated rows per class (0 for none).")
  int tsneGenerated;

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    if ((tsne == null) != (input == null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tsne and --input go together");
    }
    try (CsvPrediction p = CsvPrediction.open(model, CsvOptions.DEFAULT)) {
      if (tsne != null) {
        int points = ModelHiddenSpace.write(p.model(), p.schema(), input, CsvOptions.DEFAULT, tsneRows, tsneGenerated,
            tsne);
        out.println("t-SNE of " + points + " hidden vectors written to " + tsne);
        out.println();
      }
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
      if (!s.refinedColumns().isEmpty()) {
        out.println("refinement: the chained regressions or forests impute " + s.refinedColumns().size() + " of "
            + meta.features().size() + " features: " + String.join(", ", s.refinedColumns()));
      }
      if (s.classifierForest()) {
        out.println("classifier: a random forest over the imputation serves the probabilities (it beat C on the "
            + "validation labels)");
      }
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
      out.printf("provenance: hexagan %s, TensorFlow %s, %d rows, data sha256 %s, validation split sha256 %s, %s%n",
          pr.hexaganVersion(), pr.tensorflowVersion(), pr.rows(), pr.dataSha256(),
          pr.validationSha256() == null ? "not recorded" : pr.validationSha256(), pr.createdAt());
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
