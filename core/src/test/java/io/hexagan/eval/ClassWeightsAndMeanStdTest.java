package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassWeightsAndMeanStdTest {

  @Test
  void inverseFrequencyWeightsAverageOnePerLabelledRow() {
    // 6 labelled rows: class 0 ×4, class 1 ×2, class 2 absent; the unlabelled row is ignored.
    int[] labels = {0, 0, 1, 0, -1, 1, 0};
    double[] w = ClassWeights.inverseFrequency(labels, 3);
    assertArrayEquals(new double[] {6.0 / (2 * 4), 6.0 / (2 * 2), 0}, w, 1e-15);
    assertEquals(6, 4 * w[0] + 2 * w[1], 1e-12);
    assertThrows(IllegalArgumentException.class, () -> ClassWeights.inverseFrequency(new int[] {-1}, 2));
    assertThrows(IllegalArgumentException.class, () -> ClassWeights.inverseFrequency(new int[] {2}, 2));
  }

  @Test
  void meanAndSampleStandardDeviation() {
    MeanStd s = MeanStd.of(1, 2, 3, 4);
    assertEquals(2.5, s.mean(), 1e-15);
    assertEquals(Math.sqrt(5.0 / 3), s.std(), 1e-15);
    assertEquals(4, s.count());
    assertEquals("2.5000 ± 1.2910", s.format());
    assertTrue(Double.isNaN(MeanStd.of(0.7).std()));
    assertThrows(IllegalArgumentException.class, MeanStd::of);
    assertThrows(IllegalArgumentException.class, () -> MeanStd.of(1, Double.NaN));
  }
}
