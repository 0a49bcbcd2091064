package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.MaskedTable;
import org.junit.jupiter.api.Test;

class McarMaskerTest {

  @Test
  void masksAtTheRequestedRates() {
    // 200 × 50 cells: the masked share has standard deviation 0.004 at p = 0.2; allow 4 of them.
    McarMask m = new McarMasker(0.2, 0.3, 0).mask(200, 50);
    assertEquals(0.2, m.maskedCells() / 10_000.0, 0.016);
    long labels = 0;
    for (boolean b : m.labels()) {
      labels += b ? 1 : 0;
    }
    // 200 labels at q = 0.3: standard deviation 0.032; allow 4.
    assertEquals(0.3, labels / 200.0, 0.13);
  }

  @Test
  void theSeedMakesTheMasksRepeatable() {
    McarMask a = new McarMasker(0.2, 0.2, 5).mask(30, 7);
    McarMask b = new McarMasker(0.2, 0.2, 5).mask(30, 7);
    McarMask c = new McarMasker(0.2, 0.2, 6).mask(30, 7);
    for (int r = 0; r < 30; r++) {
      assertArrayEquals(a.cells()[r], b.cells()[r]);
    }
    assertArrayEquals(a.labels(), b.labels());
    assertFalse(java.util.Arrays.deepEquals(a.cells(), c.cells()));
  }

  @Test
  void theLabelMaskDoesNotDependOnTheCellRate() {
    assertArrayEquals(new McarMasker(0.1, 0.2, 5).mask(40, 3).labels(), new McarMasker(0.5, 0.2, 5).mask(40, 3).labels());
  }

  @Test
  void applyHidesTheMaskedCellsAndLabelsInCopies() {
    McarMask m = new McarMask(new boolean[][] {{true, false}, {false, false}}, new boolean[] {false, true});
    double[][] values = {{1, 2}, {3, 4}};
    double[][] out = m.apply(values);
    assertTrue(Double.isNaN(out[0][0]));
    assertEquals(2, out[0][1]);
    assertEquals(1, values[0][0]);
    assertArrayEquals(new int[] {1, MaskedTable.UNLABELED}, m.applyToLabels(new int[] {1, 0}));
    assertArrayEquals(new boolean[] {true}, m.rows(new int[] {1}).labels());
  }

  @Test
  void rejectsRatesOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> new McarMasker(1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new McarMasker(0.2, -0.1, 0));
    assertThrows(IllegalArgumentException.class, () -> new McarMasker(Double.NaN, 0, 0));
  }
}
