package io.hexagan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hexagan.io.AtomicFiles;
import io.hexagan.training.CsvImputeBenchmark;
import io.hexagan.training.IterationProfile;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.SessionSettings;
import io.hexagan.training.TrainingBenchmark;
import io.hexagan.training.TrainingRunBenchmark;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan bench}. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures training and imputation speed on this machine: ms per full training iteration, "
        + "Session.run calls and bytes crossing into TensorFlow per iteration, graph size, estimated GFLOP per "
        + "iteration, in-graph imputation rows/s, and (with --csv) end-to-end CSV imputation rows/s and peak heap.",
    showDefaultValues = true,
    footer = {"", "Example:", "  hexagan bench --features 23,57,500 --batches 64,128,256 --json bench.json",
        "  hexagan bench --features 23 --batches 128 --train-table 5000x60"})
final class BenchCommand implements Callable<Integer> {
  /** Rows of the synthetic source tables of {@code --csv-features}. */
  private static final int SYNTHETIC_SOURCE_ROWS = 2000;

  @Spec CommandSpec spec;

  @Option(names = "--features", split = ",", paramLabel = "<d>", defaultValue = "23,57,500", description = "Feature counts d.")
  List<Integer> features;

  @Option(names = "--batches", split = ",", paramLabel = "<b>", defaultValue = "64,128,256", description = "Labelled batch sizes.")
  List<Integer> batches;

  @Option(names = "--threads", split = ",", paramLabel = "<intra:inter[:training-intra]>",
      description = "TensorFlow thread settings to compare: threads inside an op (imputation), ops at once, and"
          + " threads inside an op of the training session (default: as the first). Default: the library's,"
          + " cores:cores:cores/2.")
  List<String> threads;

  @Option(names = "--iterations", paramLabel = "<n>", defaultValue = "200", description = "Timed iterations per setting.")
  int iterations;

  @Option(names = "--warmup", paramLabel = "<n>", defaultValue = "30", description = "Untimed iterations first.")
  int warmup;

  @Option(names = "--preset", paramLabel = "<name>", defaultValue = "default", description = "Base settings: ${COMPLETION-CANDIDATES}.")
  TrainCommand.Preset preset;

  @Option(names = "--config", paramLabel = "<file.json>", description = "Settings laid over the preset (as in train).")
  Path config;

  @Option(names = "--csv", paramLabel = "<file.csv>", description = "Source table for the end-to-end CSV imputation run (e.g. credit.csv).")
  Path csv;

  @Option(names = "--csv-label", paramLabel = "<column>", defaultValue = "label", description = "Label column of --csv.")
  String csvLabel;

  @Option(names = "--csv-rows", split = ",", paramLabel = "<n>", defaultValue = "100000,1000000",
      description = "Rows of the generated files to impute.")
  List<Long> csvRows;

  @Option(names = "--csv-features", split = ",", paramLabel = "<d>",
      description = "Also time the end-to-end CSV imputation on synthetic latent-factor tables of these widths "
          + "(e.g. 57,500): a 2,000-row source, then files of --csv-rows rows made from it.")
  List<Integer> csvFeatures = List.of();

  @Option(names = "--train-table", split = ",", paramLabel = "<rows>x<cols>",
      description = "Also time whole default training runs (validation and early stopping included) on synthetic "
          + "latent-factor tables of these sizes, e.g. 5000x60.")
  List<String> trainTables = List.of();

  @Option(names = "--profile", paramLabel = "<n>", defaultValue = "0",
      description = "Also trace this many training iterations per setting and this many impute calls per d and "
          + "threads (TensorFlow's full trace) and print where their time goes: ops run, their own time against the "
          + "wall time, and the op types and ops that take most.")
  int profile;

  @Option(names = "--json", paramLabel = "<file.json>", description = "Also write the results as JSON.")
  Path json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<int[]> tableSizes = new ArrayList<>();
    for (String size : trainTables) {
      if (!size.matches("[1-9]\\d{1,8}[xX][1-9]\\d{0,5}")) {
        throw new ParameterException(spec.commandLine(),
            "--train-table: expected <rows>x<cols> such as 5000x60 (at least 10 rows and 2 columns), found " + size);
      }
      String[] p = size.toLowerCase(Locale.ROOT).split("x");
      tableSizes.add(new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])});
      if (tableSizes.get(tableSizes.size() - 1)[1] < 2) {
        throw new ParameterException(spec.commandLine(), "--train-table: expected at least 2 columns, found " + size);
      }
    }
    for (int d : csvFeatures) {
      if (d < 2 || d > 100_000) {
        throw new ParameterException(spec.commandLine(), "--csv-features: expected 2 to 100000 columns, found " + d);
      }
    }
    if (profile < 0) {
      throw new ParameterException(spec.commandLine(), "--profile: expected ≥ 0 iterations, found " + profile);
    }
    if (threads == null) {
      threads = List.of(SessionSettings.defaults().threads());
    }
    List<SessionSettings> threadSettings = new ArrayList<>();
    for (String t : threads) {
      threadSettings.add(parseThreads(spec, t));
    }
    HexaGanConfig base = TrainCommand.configuration(preset, config, null, null);
    out.printf("machine: %d cores (%s), %s %s, Java %s, max heap %d MiB, TF_ENABLE_ONEDNN_OPTS %s,"
        + " TF_OVERRIDE_GLOBAL_THREADPOOL %s%n",
        Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("os.name"),
        System.getProperty("os.arch"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
        oneDnnSetting(), threadPoolSetting());
    out.println("|  d | batch | rows/it | threads | ms/it (median) | ms/it (p90) | runs/it | bytes in/out | Java bytes/it | graph ops | est. GFLOP/it | GFLOP/s | impute rows/s | peak heap MiB | peak RSS MiB |");
    out.println("|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    List<TrainingBenchmark.Result> results = new ArrayList<>();
    for (int d : features) {
      for (int b : batches) {
        for (SessionSettings t : threadSettings) {
          TrainingBenchmark.Result r = TrainingBenchmark.measure(d, b, t, warmup, iterations, base);
          results.add(r);
          out.printf(Locale.ROOT, "| %d | %d | %d | %s | %.2f | %.2f | %.2f | %d / %d | %,d | %d | %.3f | %.1f | %,.0f | %d | %s |%n",
              d, b, r.batchRows(), t.threads(), r.msPerIteration(), r.msPerIterationP90(),
              r.sessionRunsPerIteration(), r.bytesFedPerIteration(), r.bytesFetchedPerIteration(),
              r.javaBytesAllocatedPerIteration(), r.graphOperations(),
              r.estimatedGflopPerIteration(), r.estimatedGflopPerIteration() / (r.msPerIteration() / 1000),
              r.imputeRowsPerSecond(), r.peakHeapBytes() >> 20,
              r.peakResidentBytes() < 0 ? "—" : String.valueOf(r.peakResidentBytes() >> 20));
          out.flush();
        }
      }
    }
    List<Map<String, Object>> profiles = new ArrayList<>();
    if (profile > 0) {
      for (int d : features) {
        for (int b : batches) {
          for (SessionSettings t : threadSettings) {
            IterationProfile ip = TrainingBenchmark.profile(d, b, t, warmup, profile, base);
            printProfile(out, String.format(Locale.ROOT, "a training iteration, d = %d, batch %d", d, b), t.threads(), ip);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("features", d);
            entry.put("batch", b);
            entry.put("threads", t.threads());
            entry.put("profile", ip);
            profiles.add(entry);
          }
        }
        for (SessionSettings t : threadSettings) {
          IterationProfile ip = TrainingBenchmark.profileImputation(d, t, profile, base);
          printProfile(out, String.format(Locale.ROOT, "an impute call, d = %d, %,d rows", d,
              TrainingBenchmark.IMPUTE_ROWS), t.threads(), ip);
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("features", d);
          entry.put("imputeRows", TrainingBenchmark.IMPUTE_ROWS);
          entry.put("threads", t.threads());
          entry.put("profile", ip);
          profiles.add(entry);
        }
      }
    }
    List<CsvImputeBenchmark.Result> csvResults = new ArrayList<>();
    if (csv != null || !csvFeatures.isEmpty()) {
      long[] sizes = csvRows.stream().mapToLong(Long::longValue).toArray();
      Path work = Files.createTempDirectory("hexagan-bench");
      try {
        if (csv != null) {
          csvResults.addAll(CsvImputeBenchmark.measure(csv, csvLabel, sizes, work, base));
        }
        for (int d : csvFeatures) {
          Path source = CsvImputeBenchmark.syntheticSource(work, SYNTHETIC_SOURCE_ROWS, d, 1);
          csvResults.addAll(CsvImputeBenchmark.measure(source, CsvImputeBenchmark.SYNTHETIC_LABEL, sizes, work, base));
          Files.delete(source);
        }
      } finally {
        org.apache.commons.io.file.PathUtils.deleteDirectory(work);
      }
      out.println();
      out.println("| CSV rows | features | seconds | rows/s | peak heap MiB | file MiB |");
      out.println("|---:|---:|---:|---:|---:|---:|");
      for (CsvImputeBenchmark.Result r : csvResults) {
        out.printf(Locale.ROOT, "| %,d | %d | %.2f | %,.0f | %d | %d |%n", r.rows(), r.features(), r.seconds(),
            r.rowsPerSecond(), r.peakHeapBytes() >> 20, r.fileBytes() >> 20);
      }
    }
    List<TrainingRunBenchmark.Result> runs = new ArrayList<>();
    if (!trainTables.isEmpty()) {
      out.println();
      out.println("| rows × cols | seconds | epochs run | epoch kept | stopped early | it/epoch | ms/it | val RMSE | mean-imputation RMSE | val F1 | peak heap MiB |");
      out.println("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
      out.flush();
      for (int[] size : tableSizes) {
        TrainingRunBenchmark.Result r = TrainingRunBenchmark.measure(size[0], size[1], 1, base);
        runs.add(r);
        out.printf(Locale.ROOT, "| %,d × %d | %.1f | %d | %d | %s | %d | %.2f | %.4f | %.4f | %.4f | %d |%n", r.rows(),
            r.features(), r.seconds(), r.epochs(), r.keptEpoch(), r.stoppedEarly() ? "yes" : "no",
            r.iterationsPerEpoch(), r.msPerIteration(), r.validationRmse(), r.meanImputationRmse(), r.validationF1(),
            r.peakHeapBytes() >> 20);
        out.flush();
      }
    }
    if (json != null) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("cores", Runtime.getRuntime().availableProcessors());
      doc.put("cpu", cpuModel());
      doc.put("oneDnnOpts", oneDnnSetting());
      doc.put("overrideGlobalThreadPool", threadPoolSetting());
      doc.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
      doc.put("java", System.getProperty("java.version"));
      doc.put("training", results);
      doc.put("profiles", profiles);
      doc.put("csvImpute", csvResults);
      doc.put("trainingRuns", runs);
      byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc);
      AtomicFiles.write(json, bytes);
    }
    out.flush();
    return 0;
  }

  /**
   * The processor's model name from {@code /proc/cpuinfo} (Linux), else "unknown": timings from
   * different hosts of the same core count differ by more than a factor of two.
   */
  static String cpuModel() {
    try (java.util.stream.Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown");
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return "unknown";
    }
  }

  /** TensorFlow's oneDNN switch as this process sees it ({@code bin/hexagan} sets it to 1). */
  private static String oneDnnSetting() {
    String v = System.getenv("TF_ENABLE_ONEDNN_OPTS");
    return v == null ? "unset (TensorFlow's default for this CPU)" : v;
  }

  /**
   * Whether each session has its own pool of threads inside ops; unset, every session of the
   * process shares the first one's, and imputation after training runs on training's threads.
   */
  private static String threadPoolSetting() {
    String v = System.getenv("TF_OVERRIDE_GLOBAL_THREADPOOL");
    return v == null ? "unset (one pool for the process, sized by its first session)" : v;
  }

  /** The profile's summary line, its ten costliest op types and its costliest single ops. */
  /** {@link SessionSettings#parseThreads}, its error a usage error of {@code --threads}. */
  static SessionSettings parseThreads(CommandSpec spec, String text) {
    try {
      return SessionSettings.parseThreads(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
    }
  }

  private static void printProfile(PrintWriter out, String what, String threads, IterationProfile p) {
    out.println();
    out.printf(Locale.ROOT, "profile of %s, threads %s, %d traced: %,.0f ops each,"
        + " their own time %.2f ms of %.2f ms wall (%.0f%%)%n", what, threads, p.iterations(), p.opsPerIteration(),
        p.opMicrosPerIteration() / 1000, p.wallMicrosPerIteration() / 1000,
        100 * p.opMicrosPerIteration() / Math.max(1, p.wallMicrosPerIteration()));
    out.println("| op type | ops/it | ms/it | µs per op |");
    out.println("|---|---:|---:|---:|");
    for (IterationProfile.OpType t : p.byType().subList(0, Math.min(10, p.byType().size()))) {
      out.printf(Locale.ROOT, "| %s | %,.0f | %.3f | %.1f |%n", t.type(), t.opsPerIteration(),
          t.microsPerIteration() / 1000, t.microsPerIteration() / t.opsPerIteration());
    }
    out.println();
    out.println("| costliest op | type | runs/it | µs/it |");
    out.println("|---|---|---:|---:|");
    for (IterationProfile.Node n : p.costliest()) {
      out.printf(Locale.ROOT, "| %s | %s | %.2f | %.1f |%n", n.name(), n.type(), n.runsPerIteration(),
          n.microsPerIteration());
    }
    out.flush();
  }
}
