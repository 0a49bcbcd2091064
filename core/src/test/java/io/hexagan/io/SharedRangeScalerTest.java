package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Images share one intensity range: every pixel column scales by the table's smallest and largest cell. */
class SharedRangeScalerTest {
  @Test
  void everyColumnGetsTheTablesRange() {
    double nan = Double.NaN;
    double[][] values = {{0, 0.2, nan}, {0, 0.9, nan}, {0, nan, nan}};
    MinMaxScaler s = MinMaxScaler.fitShared(values, 3);
    assertArrayEquals(new double[] {0, 0, 0}, s.min());
    assertArrayEquals(new double[] {0.9, 0.9, 0.9}, s.span());
    assertEquals(0.5, s.transform(0, 0.45), 1e-15, "an always-dark column keeps the shared scale");
    // Per column, the always-dark column would have span 0 and the second [0.2, 0.9].
    assertEquals(0.0, MinMaxScaler.fit(values, 3).span()[0]);
  }

  @Test
  void pixelsInUnitRangeStayAsTheyAre() {
    double[][] values = {{0, 1, 0.25}, {0.5, 0, 0}};
    MinMaxScaler s = MinMaxScaler.fitShared(values, 3);
    for (int c = 0; c < 3; c++) {
      assertEquals(0.25, s.transform(c, 0.25), 0.0);
      assertEquals(0.25, s.inverse(c, 0.25), 0.0);
    }
  }
}
