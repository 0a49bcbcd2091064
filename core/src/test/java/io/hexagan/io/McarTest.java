package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class McarTest {

  private static MaskedTable full(int rows, int columns) {
    double[][] values = new double[rows][columns];
    int[] labels = new int[rows];
    List<String> names = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      names.add("f" + c);
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        values[r][c] = r + c;
      }
      labels[r] = r % 2;
    }
    return new MaskedTable(values, labels, names, List.of("a", "b"));
  }

  private static int missingCells(MaskedTable t) {
    int n = 0;
    for (int r = 0; r < t.rows(); r++) {
      for (int c = 0; c < t.features(); c++) {
        n += t.observed(r, c) ? 0 : 1;
      }
    }
    return n;
  }

  @Test
  void blanksAboutTheRequestedShareOfCellsAndLabels() {
    MaskedTable masked = Mcar.mask(full(5000, 4), 0.2, 0.2, 42);

    assertEquals(0.2, missingCells(masked) / 20_000.0, 0.015);
    assertEquals(0.2, (5000 - masked.labeledRows()) / 5000.0, 0.02);
  }

  @Test
  void sameSeedSameMaskOtherSeedOtherMask() {
    MaskedTable table = full(200, 3);

    MaskedTable a = Mcar.mask(table, 0.2, 0.2, 7);
    MaskedTable b = Mcar.mask(table, 0.2, 0.2, 7);
    MaskedTable c = Mcar.mask(table, 0.2, 0.2, 8);

    for (int r = 0; r < 200; r++) {
      assertArrayEquals(a.values()[r], b.values()[r]);
    }
    assertArrayEquals(a.labels(), b.labels());
    boolean differs = false;
    for (int r = 0; r < 200 && !differs; r++) {
      differs = !java.util.Arrays.equals(a.values()[r], c.values()[r]);
    }
    assertTrue(differs);
  }

  @Test
  void keepsObservedValuesAndTheInputUntouched() {
    MaskedTable table = full(100, 3);

    MaskedTable masked = Mcar.mask(table, 0.5, 0, 1);

    assertEquals(0, missingCells(table));
    assertEquals(100, masked.labeledRows());
    for (int r = 0; r < 100; r++) {
      for (int c = 0; c < 3; c++) {
        assertTrue(!masked.observed(r, c) || masked.values()[r][c] == r + c);
      }
    }
  }

  @Test
  void masksCsvTextWithLabelAtItsOwnRate() {
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < 1000; r++) {
      rows.add(List.of(String.valueOf(r), "red", r % 2 == 0 ? "yes" : "no"));
    }
    CsvTable table = CsvTable.of("t.csv", List.of("n", "color", "y"), rows);

    CsvTable masked = Mcar.mask(table, "y", 0.0, 0.3, 3);
    CsvTable again = Mcar.mask(table, "y", 0.0, 0.3, 3);

    assertEquals(masked, again);
    long blankLabels = masked.rows().stream().filter(r -> r.cell(2).isEmpty()).count();
    assertEquals(0.3, blankLabels / 1000.0, 0.05);
    assertFalse(masked.rows().stream().anyMatch(r -> r.cell(0).isEmpty() || r.cell(1).isEmpty()));
    assertEquals(table.rows().get(5).row(), masked.rows().get(5).row());
  }

  @Test
  void rejectsRatesOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> Mcar.mask(full(2, 2), 1.5, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Mcar.mask(full(2, 2), Double.NaN, 0, 1));
  }
}
