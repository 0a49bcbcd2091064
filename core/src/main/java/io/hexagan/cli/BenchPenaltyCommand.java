package io.hexagan.cli;

import io.hexagan.graph.Architecture;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.PenaltyBenchmark;
import io.hexagan.training.SessionSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan bench-penalty}. */
@Command(
    name = "bench-penalty",
    mixinStandardHelpOptions = true,
    description = "Measures what D_MI's element-wise gradient penalty costs on this machine, for a config's shape "
        + "(default: the mnist preset, 784 features, 10 classes): the penalty and its second-order gradient per "
        + "formulation (one backward block per output, exact; the hidden-layer Gram matrix, exact; a random sample "
        + "of outputs, an estimate), its share of a full training iteration, and the cost of the authors' alternative, "
        + "clipping D_MI's weights.",
    showDefaultValues = true,
    footer = {"", "Example:", "  hexagan bench-penalty --blocks 32,64,128 --samples 8,16 --iterations 5"})
final class BenchPenaltyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--preset", paramLabel = "<name>", defaultValue = "mnist",
      description = "Base settings: ${COMPLETION-CANDIDATES}.")
  TrainCommand.Preset preset;

  @Option(names = "--config", paramLabel = "<file.json>", description = "JSON settings laid over the preset.")
  Path config;

  @Option(names = "--features", paramLabel = "<d>", defaultValue = "784", description = "Features d.")
  int features;

  @Option(names = "--classes", paramLabel = "<n>", defaultValue = "10", description = "Classes n_c.")
  int classes;

  @Option(names = "--blocks", split = ",", paramLabel = "<k>", defaultValue = "32,64,128",
      description = "Output-block counts to time (the exact per-output formulation needs d + 1; its time is linear "
          + "in the count). d + 1 itself may need several GB.")
  List<Integer> blocks;

  @Option(names = "--samples", split = ",", paramLabel = "<k>", defaultValue = "8,16",
      description = "Output sample sizes to time.")
  List<Integer> samples;

  @Option(names = "--clip", paramLabel = "<c>", defaultValue = "0.01",
      description = "Bound of the weight clipping timed as the authors' alternative (0 skips it).")
  float clip;

  @Option(names = "--iterations", paramLabel = "<n>", defaultValue = "5", description = "Timed runs per measurement (median).")
  int iterations;

  @Option(names = "--rows", paramLabel = "<n>", defaultValue = "2000",
      description = "Synthetic training rows of the iteration share measurement (0 skips it).")
  int rows;

  @Option(names = "--threads", paramLabel = "<intra:inter>",
      description = "TensorFlow threads inside an op and ops at once. Default: the library's, cores:cores.")
  String threads;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HexaGanConfig c = TrainCommand.configuration(preset, config, null, null);
    if (threads != null && threads.split(":", -1).length > 2) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--threads: expected intra:inter, such as 2:2 (one session, no training thread count), found " + threads);
    }
    SessionSettings settings = threads == null ? SessionSettings.defaults() : BenchCommand.parseThreads(spec, threads);
    Architecture.Resolved a = c.architecture().resolve(features);
    out.printf(Locale.ROOT, "D_MI: %s, last hidden layer %d units, %d outputs (%d features + label); batch %d; "
        + "%d cores%n", a.kind(), a.criticUnits(), features + 1, features, c.optimizer().batchSize(),
        Runtime.getRuntime().availableProcessors());
    out.println("| formulation | backward blocks | exact | ms per penalty + gradient (median) |");
    out.println("|---|---:|---|---:|");
    out.flush();
    for (PenaltyBenchmark.Formulation f : PenaltyBenchmark.formulations(c, features, classes,
        blocks.stream().mapToInt(Integer::intValue).toArray(), samples.stream().mapToInt(Integer::intValue).toArray(),
        iterations, settings)) {
      out.printf(Locale.ROOT, "| %s | %d | %s | %.1f |%n", f.name(), f.blocks(), f.exact() ? "yes" : "estimate",
          f.msPerEvaluation());
    }
    double clipMs = Double.NaN;
    if (clip > 0) {
      clipMs = PenaltyBenchmark.clipping(c, features, classes, clip, iterations, settings);
      out.printf(Locale.ROOT, "weight clipping of D_MI to ±%s (the authors' alternative, no penalty): %.1f ms%n",
          clip, clipMs);
    }
    if (rows > 0) {
      PenaltyBenchmark.Share s = PenaltyBenchmark.share(c, features, classes, rows, iterations, settings);
      out.printf(Locale.ROOT, "training iteration: %.1f ms with the penalty, %.1f ms without (λ1 = 0): the penalty is "
          + "%.0f%% of an iteration%n", s.msWithPenalty(), s.msWithoutPenalty(), 100 * s.share());
      if (clip > 0) {
        out.printf(Locale.ROOT, "with weight clipping instead of the penalty: %.1f ms per iteration%n",
            s.msWithoutPenalty() + clipMs);
      }
    }
    out.flush();
    return 0;
  }
}
