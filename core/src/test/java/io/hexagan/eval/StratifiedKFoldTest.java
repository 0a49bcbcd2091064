package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedKFoldTest {

  /** 212 of class 0 and 357 of class 1, as breast; and 59/71/48 as wine. */
  private static int[] labels(int... counts) {
    return IntStream.range(0, counts.length).flatMap(k -> IntStream.range(0, counts[k]).map(i -> k)).toArray();
  }

  @Test
  void foldsPartitionTheRows() {
    int[] y = labels(212, 357);
    List<Fold> folds = new StratifiedKFold(5, 0).split(y);
    assertEquals(5, folds.size());
    int[] seen = new int[y.length];
    for (Fold f : folds) {
      for (int r : f.test()) {
        seen[r]++;
      }
      assertEquals(y.length, f.train().length + f.test().length);
      assertTrue(IntStream.of(f.train()).noneMatch(r -> IntStream.of(f.test()).anyMatch(t -> t == r)));
      assertTrue(f.test().length == 113 || f.test().length == 114, "fold size " + f.test().length);
    }
    assertTrue(IntStream.of(seen).allMatch(s -> s == 1));
  }

  @Test
  void foldsPreserveClassProportions() {
    int[] y = labels(59, 71, 48);
    for (Fold f : new StratifiedKFold(5, 3).split(y)) {
      int[] counts = new int[3];
      for (int r : f.test()) {
        counts[y[r]]++;
      }
      assertTrue(Math.abs(counts[0] - 59 / 5.0) < 1, "class 0: " + counts[0]);
      assertTrue(Math.abs(counts[1] - 71 / 5.0) < 1, "class 1: " + counts[1]);
      assertTrue(Math.abs(counts[2] - 48 / 5.0) < 1, "class 2: " + counts[2]);
    }
  }

  @Test
  void theSeedMakesTheFoldsRepeatable() {
    int[] y = labels(40, 60);
    List<Fold> a = new StratifiedKFold(5, 7).split(y);
    List<Fold> b = new StratifiedKFold(5, 7).split(y);
    List<Fold> c = new StratifiedKFold(5, 8).split(y);
    for (int f = 0; f < 5; f++) {
      assertArrayEquals(a.get(f).test(), b.get(f).test());
    }
    assertFalse(IntStream.range(0, 5).allMatch(f -> java.util.Arrays.equals(a.get(f).test(), c.get(f).test())));
  }

  @Test
  void rejectsTooFewFoldsOrRows() {
    assertThrows(IllegalArgumentException.class, () -> new StratifiedKFold(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new StratifiedKFold(5, 0).split(new int[4]));
  }
}
