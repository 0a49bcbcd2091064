package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTable;
import io.hexagan.io.CsvTableReader;
import io.hexagan.io.RawRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's end-to-end CSV imputation on synthetic tables of a chosen width. */
class CsvImputeBenchmarkTest {

  @Test
  void theSyntheticSourceIsTheLatentFactorTableWithBlankCellsAndLabels(@TempDir Path dir) throws IOException {
    Path file = CsvImputeBenchmark.syntheticSource(dir, 300, 7, 4);
    CsvTable table = new CsvTableReader(CsvOptions.DEFAULT).readAll(file);
    assertEquals(List.of("x0", "x1", "x2", "x3", "x4", "x5", "x6", CsvImputeBenchmark.SYNTHETIC_LABEL), table.header());
    assertEquals(300, table.rows().size());
    io.hexagan.io.MaskedTable expected = TrainingRunBenchmark.table(300, 7, 4);
    int blank = 0;
    int unlabeled = 0;
    for (int r = 0; r < 300; r++) {
      List<String> cells = table.rows().get(r).cells();
      for (int c = 0; c < 7; c++) {
        if (cells.get(c).isEmpty()) {
          blank++;
          assertTrue(!expected.observed(r, c), "row " + r + ", column " + c + " is observed in the table");
        } else {
          double v = Double.parseDouble(cells.get(c));
          assertEquals(expected.values()[r][c], v, 0.5e-4 + 1e-12, "row " + r + ", column " + c);
          assertTrue(cells.get(c).replaceFirst("^-?\\d+\\.?", "").length() <= CsvImputeBenchmark.SYNTHETIC_DECIMALS,
              cells.get(c));
        }
      }
      String label = cells.get(7);
      assertTrue(Set.of("", "0", "1").contains(label), label);
      unlabeled += label.isEmpty() ? 1 : 0;
    }
    // 20% of cells and of labels blanked (TrainingRunBenchmark.table): 420 cells, 60 labels expected.
    assertTrue(blank > 330 && blank < 510, "blank cells: " + blank);
    assertTrue(unlabeled > 35 && unlabeled < 85, "unlabelled rows: " + unlabeled);
  }

  @Test
  void measuresEveryRequestedSizeOfASyntheticTable(@TempDir Path dir) throws IOException {
    Path source = CsvImputeBenchmark.syntheticSource(dir, 200, 6, 2);
    List<CsvImputeBenchmark.Result> results = CsvImputeBenchmark.measure(source,
        CsvImputeBenchmark.SYNTHETIC_LABEL, new long[] {50, 700}, dir, SyntheticTables.quick(1));
    assertEquals(2, results.size());
    assertEquals(50, results.get(0).rows());
    assertEquals(700, results.get(1).rows());
    for (CsvImputeBenchmark.Result r : results) {
      assertEquals(6, r.features());
      assertTrue(r.rowsPerSecond() > 0 && r.peakHeapBytes() > 0 && r.fileBytes() > 0, r.toString());
    }
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("bench-input")), "inputs deleted");
    }
  }
}
