package io.hexagan.spark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTable;
import io.hexagan.io.CsvTableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark's table: copies of the source, each with its own mask, labels kept. */
class BenchTableTest {

  private static final Path CREDIT = Path.of("..", "test-data", "credit-2000.csv").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void copiesTheSourceWithAMaskPerCopyUpToTheRows() throws Exception {
    Path out = dir.resolve("big.csv");
    assertEquals(0, run(out, "4500"));
    CsvTable source = new CsvTableReader(CsvOptions.DEFAULT).readAll(CREDIT);
    CsvTable table = new CsvTableReader(CsvOptions.DEFAULT).readAll(out);
    assertEquals(source.header(), table.header());
    assertEquals(4500, table.rows().size());
    int label = table.indexOf("label");
    long blanks = 0;
    long sourceBlanks = 0;
    for (int i = 0; i < table.rows().size(); i++) {
      List<String> original = source.rows().get(i % source.rows().size()).cells();
      List<String> cells = table.rows().get(i).cells();
      assertEquals(original.get(label), cells.get(label), "label of row " + (i + 2));
      for (int c = 0; c < cells.size(); c++) {
        if (!cells.get(c).isEmpty()) {
          assertEquals(original.get(c), cells.get(c), "row " + (i + 2) + ", column " + (c + 1));
        }
        blanks += cells.get(c).isEmpty() ? 1 : 0;
        sourceBlanks += original.get(c).isEmpty() ? 1 : 0;
      }
    }
    double added = (double) (blanks - sourceBlanks) / (4500.0 * (table.header().size() - 1));
    assertTrue(added > 0.1 && added < 0.2, "share of cells newly blanked: " + added);
    assertNotEquals(table.rows().get(0).cells(), table.rows().get(2000).cells(), "each copy has its own mask");
  }

  @Test
  void theSameArgumentsWriteTheSameFile() throws Exception {
    assertEquals(0, run(dir.resolve("a.csv"), "2500"));
    assertEquals(0, run(dir.resolve("b.csv"), "2500"));
    assertEquals(-1, Files.mismatch(dir.resolve("a.csv"), dir.resolve("b.csv")));
  }

  private static int run(Path out, String rows) {
    return new CommandLine(new BenchTable()).execute("--source", CREDIT.toString(), "--label", "label",
        "--rows", rows, "--missing", "0.2", "--output", out.toString());
  }
}
