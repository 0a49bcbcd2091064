package io.hexagan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hexagan compare} on the JSON files of real (small) evaluations. */
class CompareCommandTest {

  private static Path evaluate(Path dir, String name, String... extra) {
    return evaluate(dir, name, 150, extra);
  }

  private static Path evaluate(Path dir, String name, int rows, String... extra) {
    Path out = dir.resolve(name);
    String[] base = {"evaluate", "-i", "../test-data/breast.csv", "-l", "label", "--methods", "mean,knn", "--folds", "3",
        "--sample-rows", String.valueOf(rows), "-q", "-o", out.toString()};
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    CliRunner.Run r = CliRunner.run(args);
    assertEquals(0, r.exit(), r.err());
    return out.resolve("breast-evaluation.json");
  }

  private static double[] perFold(Path json, String method, String metric) throws IOException {
    for (JsonNode e : new ObjectMapper().readTree(json.toFile()).get("results")) {
      if (e.get("method").asText().equals(method) && e.get("metric").asText().equals(metric)) {
        double[] v = new double[e.get("perFold").size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = e.get("perFold").get(i).asDouble();
        }
        return v;
      }
    }
    throw new AssertionError(method + " " + metric);
  }

  @Test
  void twoMethodsOfOneRunAreComparedFoldByFold(@TempDir Path dir) throws IOException {
    Path json = evaluate(dir, "a");
    CliRunner.Run r = CliRunner.run("compare", json.toString(), "--method", "knn", "--against", "mean");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("breast, 3 folds paired: first knn, second mean"), r.out());
    double[] knn = perFold(json, "knn", "rmse_all_cells");
    double[] mean = perFold(json, "mean", "rmse_all_cells");
    double[] d = new double[3];
    int better = 0;
    for (int i = 0; i < 3; i++) {
      d[i] = knn[i] - mean[i];
      better += d[i] < 0 ? 1 : 0;
    }
    double m = (d[0] + d[1] + d[2]) / 3;
    double sd = Math.sqrt(((d[0] - m) * (d[0] - m) + (d[1] - m) * (d[1] - m) + (d[2] - m) * (d[2] - m)) / 2);
    String row = String.format(Locale.ROOT, "| RMSE, all cells | %.4f | %.4f | %+.4f ± %.4f | %+.2f | %d of 3 |",
        (knn[0] + knn[1] + knn[2]) / 3, (mean[0] + mean[1] + mean[2]) / 3, m, sd, m / (sd / Math.sqrt(3)), better);
    assertTrue(r.out().contains(row), "expected " + row + " in\n" + r.out());
    assertTrue(r.out().contains("| RMSE, per row |"), r.out());
    assertTrue(!r.out().contains("| F1 |"), "neither method classifies:\n" + r.out());
  }

  @Test
  void runsPairOnlyWithTheSameSettingsAndRows(@TempDir Path dir) throws IOException {
    Path a = evaluate(dir, "a");
    Path same = evaluate(dir, "same");
    CliRunner.Run ok = CliRunner.run("compare", a.toString(), same.toString(), "--method", "knn");
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(ok.out().contains("| +0.0000 ± 0.0000 | — | 0 of 3 |"), "the same run twice:\n" + ok.out());

    Path seed = evaluate(dir, "seed", "--seed", "1");
    CliRunner.Run r = CliRunner.run("compare", a.toString(), seed.toString(), "--method", "knn");
    assertEquals(Main.DATA_ERROR, r.exit());
    assertTrue(r.err().contains(seed.toString()) && r.err().contains("seed 0 against 1"), r.err());

    Path rows = evaluate(dir, "rows", 140);
    r = CliRunner.run("compare", a.toString(), rows.toString(), "--method", "knn");
    assertEquals(Main.DATA_ERROR, r.exit());
    assertTrue(r.err().contains("rows 150 against 140"), r.err());
  }

  @Test
  void badFilesAndMethodsAreNamed(@TempDir Path dir) throws IOException {
    Path a = evaluate(dir, "a");
    CliRunner.Run r = CliRunner.run("compare", a.toString(), "--against", "mice");
    assertEquals(Main.DATA_ERROR, r.exit());
    assertTrue(r.err().contains("no method hexagan; the file has mean, knn"), r.err());

    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(a.toFile());
    ((ObjectNode) tree.get("results").get(0)).remove("perFold");
    Path old = dir.resolve("old.json");
    Files.write(old, json.writeValueAsBytes(tree));
    r = CliRunner.run("compare", old.toString(), "--method", "knn", "--against", "mean");
    assertEquals(Main.DATA_ERROR, r.exit());
    assertTrue(r.err().contains(old.toString()) && r.err().contains("no per-fold values"), r.err());

    Path text = dir.resolve("not.json");
    Files.writeString(text, "method,rmse\n");
    r = CliRunner.run("compare", text.toString(), "--against", "mean");
    assertEquals(Main.DATA_ERROR, r.exit());
    assertTrue(r.err().startsWith("hexagan: " + text), r.err());

    r = CliRunner.run("compare", dir.toString(), "--against", "mean");
    assertEquals(Main.DATA_ERROR, r.exit());
    assertTrue(r.err().startsWith("hexagan: " + dir + ": cannot read"), r.err());

    r = CliRunner.run("compare", a.toString());
    assertEquals(Main.USAGE_ERROR, r.exit());
    assertTrue(r.err().contains("--against"), r.err());
  }
}
