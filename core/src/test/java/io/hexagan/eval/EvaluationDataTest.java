package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.CsvOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationDataTest {

  /** 900 rows of class a, 100 of class b; column x is the row number, so order is visible. */
  private static EvaluationData table(Path dir) throws IOException {
    StringBuilder b = new StringBuilder("x,y,label\n");
    for (int r = 0; r < 1000; r++) {
      b.append(r).append(',').append(r % 7).append(',').append(r % 10 == 3 ? "b" : "a").append('\n');
    }
    Path file = dir.resolve("toy.csv");
    Files.writeString(file, b);
    return EvaluationData.read(file, "label", CsvOptions.DEFAULT);
  }

  @Test
  void sampleKeepsClassSharesAndFileOrder(@TempDir Path dir) throws IOException {
    EvaluationData full = table(dir);
    EvaluationData s = full.sample(200, 5);
    assertEquals(200, s.rows());
    int b = s.schema().classes().indexOf("b");
    assertEquals(20, Arrays.stream(s.labels()).filter(l -> l == b).count(), "10% of the sample is class b");
    double[] x = Arrays.stream(s.truth()).mapToDouble(row -> row[0]).toArray();
    for (int i = 1; i < x.length; i++) {
      assertTrue(x[i] > x[i - 1], "rows stay in file order");
    }
    for (int i = 0; i < x.length; i++) {
      boolean isB = ((int) x[i]) % 10 == 3;
      assertEquals(isB, s.labels()[i] == b, "each row keeps its own label");
    }
    EvaluationData.Masked m = s.mask(0.2, 0.2, 1);
    assertEquals(200, m.values().length, "the sample masks like a table of its own");
  }

  @Test
  void sampleIsSeeded(@TempDir Path dir) throws IOException {
    EvaluationData full = table(dir);
    assertEquals(Arrays.deepToString(full.sample(100, 1).truth()), Arrays.deepToString(full.sample(100, 1).truth()));
    assertNotEquals(Arrays.deepToString(full.sample(100, 1).truth()), Arrays.deepToString(full.sample(100, 2).truth()));
    assertSame(full, full.sample(5000, 1), "a sample as large as the table is the table");
  }
}
