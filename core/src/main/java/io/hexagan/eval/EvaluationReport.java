package io.hexagan.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hexagan.io.AtomicFiles;
import io.hexagan.training.TrainingSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of an evaluation as a markdown table and as JSON (one record per method and metric). */
public final class EvaluationReport {
  private EvaluationReport() {}

  /**
   * One figure of one method on one table, as the JSON file lists it: its mean and standard
   * deviation over the {@code folds} folds (of every repetition), each fold's value in {@code
   * perFold} (the order of {@link Evaluation}'s loop: repetition, then fold, the same for every
   * method of a run and for runs with the same table, settings and seed).
   */
  public record Entry(String method, String dataset, String metric, double mean, double std, int folds,
      List<Double> perFold, double seconds) {}

  /** Metric names of the JSON file. */
  public static final String RMSE_GLOBAL = "rmse_all_cells";
  public static final String RMSE_PER_ROW = "rmse_per_row";
  public static final String F1 = "f1";
  /** The JSON file's key for each imputing method's RMSE per column ({@link ColumnEntry}). */
  public static final String RMSE_BY_COLUMN = "rmse_by_column";
  /** Tables wider than this list their RMSE per column in the JSON file only, not in the markdown. */
  public static final int MARKDOWN_COLUMN_LIMIT = 60;

  /** One method's imputation RMSE on one column, folds pooled; {@code rmse} null if no cell was masked. */
  public record ColumnEntry(String method, String column, Double rmse, long cells) {}

  /** Main-loop epochs a HexaGAN variant ran per fold. */
  public static final String EPOCHS_RUN = "epochs_run";
  /** The epoch whose weights a HexaGAN variant kept per fold (chosen on its validation split). */
  public static final String EPOCH_KEPT = "epoch_kept";

  /** A markdown table: method, both RMSE formulas, F1, seconds per fold. */
  public static String markdown(String dataset, EvaluationSettings settings, List<MethodSummary> results) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%s: %.0f%% of cells and %.0f%% of labels missing (MCAR), %d-fold, %d repetition(s), seed %d%n%n",
        dataset, 100 * settings.missingRate(), 100 * settings.labelMissingRate(), settings.folds(), settings.repeats(),
        settings.seed()));
    b.append("| method | RMSE, all cells | RMSE, per row | F1 | seconds per fold |\n");
    b.append("|---|---|---|---|---|\n");
    for (MethodSummary r : results) {
      b.append("| ").append(r.method()).append(" | ").append(cell(r.rmseGlobal())).append(" | ")
          .append(cell(r.rmsePerRow())).append(" | ").append(cell(r.f1())).append(" | ")
          .append(r.seconds() == null ? "—" : String.format(Locale.ROOT, "%.1f", r.seconds().mean())).append(" |\n");
    }
    if (results.stream().anyMatch(r -> r.method().endsWith(Evaluation.BEST_TEST_EPOCH))) {
      b.append("\nRows `").append(Evaluation.BEST_TEST_EPOCH).append("`: each figure is the best it reached on the test fold over")
          .append(" the training epochs, each at its own epoch (the HexaGAN authors' protocol); chosen on the test rows,")
          .append(" so optimistic: for comparison with the paper only.\n");
    }
    appendColumns(b, results);
    boolean trained = results.stream().anyMatch(r -> !r.trainings().isEmpty());
    if (trained) {
      b.append("\nEpochs per fold (the kept epoch is chosen on a validation split of the training rows, never on the test fold):\n\n");
      b.append("| method | epochs run | epoch kept | stopped early |\n|---|---|---|---|\n");
      for (MethodSummary r : results) {
        if (!r.trainings().isEmpty()) {
          long early = r.trainings().stream().filter(TrainingSummary::stoppedEarly).count();
          b.append("| ").append(r.method()).append(" | ").append(range(epochsRun(r))).append(" | ")
              .append(range(epochsKept(r))).append(" | ").append(early).append(" of ").append(r.trainings().size())
              .append(" |\n");
        }
      }
    }
    return b.toString();
  }

  /** The per-column table: a row per feature, a column per imputing method, each row's lowest in bold. */
  private static void appendColumns(StringBuilder b, List<MethodSummary> results) {
    List<MethodSummary> imputing = results.stream().filter(r -> r.columns() != null).toList();
    if (imputing.isEmpty()) {
      return;
    }
    List<String> names = imputing.get(0).columns().columns();
    if (names.size() > MARKDOWN_COLUMN_LIMIT) {
      b.append(String.format(Locale.ROOT, "%nImputation RMSE per column (%d columns): in the JSON file, `%s`.%n",
          names.size(), RMSE_BY_COLUMN));
      return;
    }
    b.append("\nImputation RMSE per column (one root over each column's masked test cells, every fold pooled;")
        .append(" the lowest in bold):\n\n| column |");
    imputing.forEach(r -> b.append(' ').append(r.method()).append(" |"));
    b.append("\n|---|").append("---|".repeat(imputing.size())).append('\n');
    double[][] rmse = imputing.stream().map(r -> r.columns().rmse()).toArray(double[][]::new);
    for (int c = 0; c < names.size(); c++) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] v : rmse) {
        best = Double.isNaN(v[c]) ? best : Math.min(best, v[c]);
      }
      b.append("| ").append(names.get(c)).append(" |");
      for (double[] v : rmse) {
        String figure = Double.isNaN(v[c]) ? "—" : String.format(Locale.ROOT, "%.4f", v[c]);
        b.append(' ').append(v[c] == best ? "**" + figure + "**" : figure).append(" |");
      }
      b.append('\n');
    }
  }

  /** The JSON file's per-column entries: every imputing method's RMSE on every column. */
  public static List<ColumnEntry> columnEntries(List<MethodSummary> results) {
    List<ColumnEntry> out = new ArrayList<>();
    for (MethodSummary r : results) {
      if (r.columns() != null) {
        double[] rmse = r.columns().rmse();
        long[] cells = r.columns().cells();
        for (int c = 0; c < rmse.length; c++) {
          out.add(new ColumnEntry(r.method(), r.columns().columns().get(c), Double.isNaN(rmse[c]) ? null : rmse[c],
              cells[c]));
        }
      }
    }
    return out;
  }

  private static double[] epochsRun(MethodSummary r) {
    return r.trainings().stream().mapToDouble(TrainingSummary::epochs).toArray();
  }

  private static double[] epochsKept(MethodSummary r) {
    return r.trainings().stream().mapToDouble(TrainingSummary::keptEpoch).toArray();
  }

  /** "mean (min–max)" of whole numbers. */
  private static String range(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return String.format(Locale.ROOT, "%.1f (%.0f–%.0f)", MeanStd.of(values).mean(), min, max);
  }

  private static String cell(MeanStd m) {
    if (m == null) {
      return "—";
    }
    return Double.isNaN(m.std()) ? String.format(Locale.ROOT, "%.4f", m.mean())
        : String.format(Locale.ROOT, "%.4f ± %.4f", m.mean(), m.std());
  }

  /** The JSON entries of a run. */
  public static List<Entry> entries(String dataset, List<MethodSummary> results) {
    List<Entry> out = new ArrayList<>();
    for (MethodSummary r : results) {
      double seconds = r.seconds() == null ? Double.NaN : r.seconds().mean();
      add(out, r.method(), dataset, RMSE_GLOBAL, r.rmseGlobal(), seconds);
      add(out, r.method(), dataset, RMSE_PER_ROW, r.rmsePerRow(), seconds);
      add(out, r.method(), dataset, F1, r.f1(), seconds);
      if (!r.trainings().isEmpty()) {
        add(out, r.method(), dataset, EPOCHS_RUN, MeanStd.of(epochsRun(r)), seconds);
        add(out, r.method(), dataset, EPOCH_KEPT, MeanStd.of(epochsKept(r)), seconds);
      }
    }
    return out;
  }

  private static void add(List<Entry> out, String method, String dataset, String metric, MeanStd m, double seconds) {
    if (m != null) {
      out.add(new Entry(method, dataset, metric, m.mean(), m.std(), m.count(), m.values(), seconds));
    }
  }

  /**
   * Writes the settings and entries of a run as JSON, atomically.
   *
   * @param rows the rows evaluated (a sample's size when a sample was evaluated)
   */
  public static void writeJson(Path file, String dataset, int rows, EvaluationSettings settings,
      List<MethodSummary> results) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("dataset", dataset);
    doc.put("rows", rows);
    doc.put("settings", settings);
    doc.put("results", entries(dataset, results));
    doc.put(RMSE_BY_COLUMN, columnEntries(results));
    AtomicFiles.write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc));
  }
}
