package io.hexagan.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hexagan.io.AtomicFiles;
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

  /** One figure of one method on one table, as the JSON file lists it. */
  public record Entry(String method, String dataset, String metric, double mean, double std, int folds,
      double seconds) {}

  /** Metric names of the JSON file. */
  public static final String RMSE_GLOBAL = "rmse_all_cells";
  public static final String RMSE_PER_ROW = "rmse_per_row";
  public static final String F1 = "f1";

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
    return b.toString();
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
    }
    return out;
  }

  private static void add(List<Entry> out, String method, String dataset, String metric, MeanStd m, double seconds) {
    if (m != null) {
      out.add(new Entry(method, dataset, metric, m.mean(), m.std(), m.count(), seconds));
    }
  }

  /** Writes the settings and entries of a run as JSON, atomically. */
  public static void writeJson(Path file, String dataset, EvaluationSettings settings, List<MethodSummary> results)
      throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("dataset", dataset);
    doc.put("settings", settings);
    doc.put("results", entries(dataset, results));
    AtomicFiles.write(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(doc));
  }
}
