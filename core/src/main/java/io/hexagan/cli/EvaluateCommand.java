package io.hexagan.cli;

import io.hexagan.eval.Charts;
import io.hexagan.eval.Evaluation;
import io.hexagan.eval.EvaluationData;
import io.hexagan.eval.EvaluationMethod;
import io.hexagan.eval.EvaluationReport;
import io.hexagan.eval.EvaluationSettings;
import io.hexagan.eval.MethodCatalog;
import io.hexagan.eval.MethodSummary;
import io.hexagan.io.AtomicFiles;
import io.hexagan.training.ConfigJson;
import io.hexagan.training.HexaGanConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan evaluate}. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Compares HexaGAN with the imputers and classifiers a careful analyst would use, on the paper's "
        + "protocol: cells and labels masked completely at random, stratified k-fold, fixed seeds; imputation RMSE "
        + "over the masked test cells (both formulas) and F1 on the test rows, mean ± sd over folds and repetitions.",
    showDefaultValues = true,
    footer = {"", "Example:", "  hexagan evaluate --input breast.csv --label label --methods mean,knn,mice,missforest,hexagan"
        + " --output-dir results"})
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "<file.csv>",
      description = "A labelled table; cells already missing stay missing and are not scored.")
  Path input;

  @Option(names = {"-l", "--label"}, required = true, paramLabel = "<column>", description = "The label column.")
  String label;

  @Option(names = "--methods", split = ",", paramLabel = "<name>",
      defaultValue = "zero,mean,knn,mice,softimpute,missforest,hexagan",
      description = "Methods: zero, mean, knn, mice, softimpute, missforest, autoencoder, gain; the cascades "
          + "mice+cs+triplegan, gain+cs+triplegan, mice+smote+triplegan, gain+smote+triplegan; hexagan, "
          + "hexagan-paper, hexagan-tuned (settings picked per fold by validation, as train --tune), and the ablations hexagan-no-gcg, hexagan-no-label-critic, hexagan-no-gcg-label, mlp.")
  List<String> methods;

  @Option(names = "--missing-rate", paramLabel = "<p>", defaultValue = "0.2", description = "Share of cells masked.")
  double missingRate;

  @Option(names = "--label-missing-rate", paramLabel = "<p>", defaultValue = "0.2", description = "Share of training labels masked.")
  double labelMissingRate;

  @Option(names = "--folds", paramLabel = "<k>", defaultValue = "5", description = "Stratified folds.")
  int folds;

  @Option(names = "--repeats", paramLabel = "<n>", defaultValue = "1", description = "Repetitions with new masks and folds (the paper: 10).")
  int repeats;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "0", description = "Seed of repetition 0 (repetition r uses seed + r).")
  long seed;

  @Option(names = "--positive-class", split = ",", paramLabel = "<class>",
      description = "Classes whose union is the positive class of F1 (wine in the paper: 1,2); default: the minority class.")
  List<String> positive;

  @Option(names = "--missing-rates", split = ",", paramLabel = "<p>",
      description = "Also run at each of these missing rates and chart F1 against the rate (the paper's Figure 6).")
  List<Double> missingRates;

  @Option(names = {"-o", "--output-dir"}, paramLabel = "<dir>", defaultValue = "hexagan-evaluation",
      description = "Where the JSON, markdown and PNG files go.")
  Path outputDir;

  @Option(names = "--epochs", paramLabel = "<n>", description = "Epoch budget of every HexaGAN variant.")
  Integer epochs;

  @Option(names = "--config", paramLabel = "<file.json>", description = "Settings laid over hexagan's defaults for the hexagan methods.")
  Path config;

  @Option(names = "--sample-rows", paramLabel = "<n>",
      description = "Evaluate on a stratified sample of n rows (drawn by --seed) instead of the whole table.")
  Integer sampleRows;

  @Option(names = "--best-test-epoch",
      description = "Also report each HexaGAN method as the paper does: every figure at the epoch where it is best "
          + "on the test fold, each at its own epoch (the authors' code). Chosen on the test rows, so optimistic: "
          + "for comparison with the paper's numbers only.")
  boolean bestTestEpoch;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  @Mixin CsvOptionsMixin csv;

  @Override
  public Integer call() throws Exception {
    HexaGanConfig hexagan = TrainCommand.configuration(TrainCommand.Preset.DEFAULT, config, epochs, null);
    HexaGanConfig paper = TrainCommand.configuration(TrainCommand.Preset.PAPER, null, epochs, null);
    List<EvaluationMethod> list = new ArrayList<>();
    for (String m : methods) {
      list.add(MethodCatalog.byName(m.strip(), hexagan, paper));
    }
    if (sampleRows != null && sampleRows < 2 * folds) {
      throw new ParameterException(spec.commandLine(),
          "--sample-rows: expected at least 2 rows per fold (" + 2 * folds + "), found " + sampleRows);
    }
    EvaluationData whole = EvaluationData.read(input, label, csv.options());
    // A sample as large as the table is the table: say "sample" only when rows were left out.
    EvaluationData data = sampleRows == null ? whole : whole.sample(sampleRows, seed);
    boolean sampled = data != whole;
    if (sampled) {
      spec.commandLine().getOut().printf("evaluating a stratified sample of %,d rows%n", data.rows());
    }
    EvaluationSettings settings = new EvaluationSettings(missingRate, labelMissingRate, folds, repeats, seed,
        positive == null ? List.of() : positive, bestTestEpoch);
    Files.createDirectories(outputDir);
    PrintWriter out = spec.commandLine().getOut();
    List<MethodSummary> results = run(data, settings, list);
    String title = !sampled ? data.name()
        : String.format(Locale.ROOT, "%s (stratified sample of %,d rows, seed %d)", data.name(), data.rows(), seed);
    String table = EvaluationReport.markdown(title, settings, results);
    out.println(table);
    String stem = data.name();
    EvaluationReport.writeJson(outputDir.resolve(stem + "-evaluation.json"), data.name(), data.rows(), settings, results);
    AtomicFiles.write(outputDir.resolve(stem + "-evaluation.md"),
        (table + "\nhexagan config:\n```json\n" + ConfigJson.toJson(hexagan) + "\n```\n").getBytes(StandardCharsets.UTF_8));
    for (MethodSummary r : results) {
      if (!r.trainings().isEmpty()) {
        Path png = outputDir.resolve(stem + "-" + r.method() + "-training.png");
        Charts.trainingCurves(png, r.method() + " on " + stem + ", fold 1: losses per epoch", r.trainings().get(0));
        out.println("training curves: " + png);
      }
    }
    if (missingRates != null && !missingRates.isEmpty()) {
      Map<String, Map<Double, Double>> f1 = new LinkedHashMap<>();
      for (double rate : missingRates) {
        List<MethodSummary> atRate = rate == missingRate ? results : run(data, settings.withMissingRate(rate), list);
        out.println(EvaluationReport.markdown(title, settings.withMissingRate(rate), atRate));
        EvaluationReport.writeJson(outputDir.resolve(String.format(Locale.ROOT, "%s-evaluation-missing-%.2f.json", stem, rate)),
            data.name(), data.rows(), settings.withMissingRate(rate), atRate);
        for (MethodSummary r : atRate) {
          if (r.f1() != null) {
            f1.computeIfAbsent(r.method(), k -> new TreeMap<>()).put(rate, r.f1().mean());
          }
        }
      }
      Path png = outputDir.resolve(stem + "-f1-vs-missing-rate.png");
      Charts.f1AgainstMissingRate(png, stem + ": F1 against the missing rate", f1);
      out.println("F1 against missing rate: " + png);
    }
    out.println("results written to " + outputDir);
    out.flush();
    return 0;
  }

  private List<MethodSummary> run(EvaluationData data, EvaluationSettings settings, List<EvaluationMethod> list) {
    int total = settings.repeats() * settings.folds() * list.size();
    if (quiet) {
      return Evaluation.run(data, settings, list, step -> { });
    }
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("evaluate").setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(110)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
      return Evaluation.run(data, settings, list, step -> {
        bar.step();
        bar.setExtraMessage(String.format(Locale.ROOT, "%s rep %d fold %d: %.1f s", step.method(), step.repeat() + 1,
            step.fold() + 1, step.seconds()));
      });
    }
  }
}
