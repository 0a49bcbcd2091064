package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hexagan.io.CsvOptions;
import io.hexagan.io.MinMaxScaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation's imputation RMSE per column: pooled over folds, in the report and the JSON file. */
class ColumnRmseTest {

  /** 100 rows: x = r, y = 2r + r mod 3, z = r mod 5; class b every tenth row. */
  private static EvaluationData table(Path dir, int extraColumns) throws IOException {
    StringBuilder b = new StringBuilder("x,y,z");
    for (int k = 0; k < extraColumns; k++) {
      b.append(",w").append(k);
    }
    b.append(",label\n");
    for (int r = 0; r < 100; r++) {
      b.append(r).append(',').append(2 * r + r % 3).append(',').append(r % 5);
      for (int k = 0; k < extraColumns; k++) {
        b.append(',').append((r * (k + 1)) % 7);
      }
      b.append(',').append(r % 10 == 3 ? "b" : "a").append('\n');
    }
    Path file = dir.resolve("toy.csv");
    Files.writeString(file, b);
    return EvaluationData.read(file, "label", CsvOptions.DEFAULT);
  }

  /** Every missing test cell filled with {@code fill}; every row predicted as class 0. */
  private record Fill(String name, double fill) implements EvaluationMethod {
    @Override
    public MethodOutput run(FoldData fold) {
      double[][] out = new double[fold.testValues().length][];
      for (int r = 0; r < out.length; r++) {
        out[r] = fold.testValues()[r].clone();
        for (int c = 0; c < out[r].length; c++) {
          out[r][c] = Double.isNaN(out[r][c]) ? fill : out[r][c];
        }
      }
      return new MethodOutput(out, new int[out.length], null);
    }
  }

  /** Classifies only: every row class 0, no imputation. */
  private record ClassifierOnly(String name) implements EvaluationMethod {
    @Override
    public MethodOutput run(FoldData fold) {
      return new MethodOutput(null, new int[fold.testValues().length], null);
    }
  }

  private static Map<String, MethodSummary> run(EvaluationData data, EvaluationSettings settings) {
    List<EvaluationMethod> methods = List.of(new Fill("fifty", 50), new Fill("zero", 0), new ClassifierOnly("classifier"));
    return Evaluation.run(data, settings, methods, step -> { }).stream()
        .collect(Collectors.toMap(MethodSummary::method, r -> r));
  }

  @Test
  void eachColumnsFigureIsOneRootOverItsMaskedCellsOfEveryFoldAndRepetition(@TempDir Path dir) throws IOException {
    EvaluationData data = table(dir, 0);
    EvaluationSettings settings = new EvaluationSettings(0.2, 0.2, 4, 2, 5, List.of("b"), false);
    Map<String, MethodSummary> results = run(data, settings);
    assertNull(results.get("classifier").columns(), "a method that does not impute has no column figures");

    // Every row is a test row once per repetition, so the folds pooled are the whole masked table, twice.
    MinMaxScaler scale = data.trueScale();
    double[] sum = new double[3];
    long[] cells = new long[3];
    for (long seed : new long[] {5, 6}) {
      boolean[][] scored = data.mask(0.2, 0.2, seed).scored();
      for (int r = 0; r < scored.length; r++) {
        for (int c = 0; c < 3; c++) {
          if (scored[r][c]) {
            double e = scale.transform(c, 50) - scale.transform(c, data.truth()[r][c]);
            sum[c] += e * e;
            cells[c]++;
          }
        }
      }
    }
    ColumnRmse fifty = results.get("fifty").columns();
    assertEquals(List.of("x", "y", "z"), fifty.columns());
    assertTrue(Arrays.stream(cells).allMatch(n -> n > 20), Arrays.toString(cells));
    for (int c = 0; c < 3; c++) {
      assertEquals(cells[c], fifty.cells()[c], "column " + c);
      assertEquals(Math.sqrt(sum[c] / cells[c]), fifty.rmse()[c], 1e-12, "column " + c);
    }
    // z lies in [0, 4]: filling 50 is far off the scale, filling 0 is inside it.
    assertTrue(results.get("zero").columns().rmse()[2] < fifty.rmse()[2]);
  }

  @Test
  void theReportBoldsEachColumnsLowestAndTheJsonListsEveryColumn(@TempDir Path dir) throws IOException {
    EvaluationData data = table(dir, 0);
    EvaluationSettings settings = new EvaluationSettings(0.2, 0.2, 2, 1, 0, List.of("b"), false);
    List<MethodSummary> results = new ArrayList<>(run(data, settings).values());
    results.sort((a, b) -> a.method().compareTo(b.method()));
    String md = EvaluationReport.markdown("toy", settings, results);
    assertTrue(md.contains("| column | fifty | zero |"), "imputing methods only, in the results' order:\n" + md);
    double[] fifty = results.get(1).columns().rmse();
    double[] zero = results.get(2).columns().rmse();
    // x spans 0..99, so 50 is the better fill there; z spans 0..4, so 0 is.
    assertTrue(fifty[0] < zero[0] && zero[2] < fifty[2]);
    assertTrue(md.contains(String.format(java.util.Locale.ROOT, "| x | **%.4f** | %.4f |", fifty[0], zero[0])), md);
    assertTrue(md.contains(String.format(java.util.Locale.ROOT, "| z | %.4f | **%.4f** |", fifty[2], zero[2])), md);

    Path json = dir.resolve("toy.json");
    EvaluationReport.writeJson(json, "toy", data.rows(), settings, results);
    JsonNode entries = new ObjectMapper().readTree(json.toFile()).get(EvaluationReport.RMSE_BY_COLUMN);
    assertEquals(6, entries.size(), "two imputing methods × three columns");
    JsonNode first = entries.get(0);
    assertEquals("fifty", first.get("method").asText());
    assertEquals("x", first.get("column").asText());
    assertEquals(fifty[0], first.get("rmse").asDouble(), 0);
    assertEquals(results.get(1).columns().cells()[0], first.get("cells").asLong());
  }

  @Test
  void wideTablesPointToTheJsonInsteadOfPrintingEveryColumn(@TempDir Path dir) throws IOException {
    EvaluationData data = table(dir, EvaluationReport.MARKDOWN_COLUMN_LIMIT);
    EvaluationSettings settings = new EvaluationSettings(0.2, 0.2, 2, 1, 0, List.of("b"), false);
    List<MethodSummary> results = new ArrayList<>(run(data, settings).values());
    String md = EvaluationReport.markdown("toy", settings, results);
    assertTrue(md.contains("Imputation RMSE per column (63 columns): in the JSON file"), md);
    assertTrue(!md.contains("| column |"), md);
    assertNotNull(results.get(0).columns());
    assertEquals(2 * 63, EvaluationReport.columnEntries(results).size());
  }
}
