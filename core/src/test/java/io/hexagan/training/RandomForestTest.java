package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomForestTest {

  @Test
  void binsAreExactForFewDistinctValuesAndQuantilesOtherwise() {
    FeatureBins few = FeatureBins.of(new double[] {0.3, 0.1, 0.3, 0.7});
    assertEquals(3, few.bins());
    assertEquals(0.2, few.edge(0), 1e-15);
    assertEquals(0.5, few.edge(1), 1e-15);
    assertEquals(0, few.bin(0.1));
    assertEquals(1, few.bin(0.3));
    assertEquals(2, few.bin(0.7));

    double[] many = IntStream.range(0, 10_000).mapToDouble(i -> i / 10_000.0).toArray();
    FeatureBins q = FeatureBins.of(many);
    assertEquals(FeatureBins.MAX_BINS, q.bins());
    int[] perBin = new int[q.bins()];
    for (double v : many) {
      perBin[q.bin(v)]++;
    }
    for (int count : perBin) {
      assertTrue(Math.abs(count - 10_000 / 256.0) <= 1, "bin size " + count);
    }
  }

  @Test
  void aBinIsAtMostBExactlyWhenTheValueIsAtMostTheEdge() {
    SplittableRandom rng = new SplittableRandom(9);
    double[] values = IntStream.range(0, 2_000).mapToDouble(i -> Math.floor(rng.nextDouble() * 900) / 900).toArray();
    FeatureBins bins = FeatureBins.of(values);
    for (int t = 0; t < 2_000; t++) {
      double v = rng.nextDouble();
      int b = rng.nextInt(bins.bins() - 1);
      assertEquals(v <= bins.edge(b), bins.bin(v) <= b);
    }
    assertEquals(bins.bins() - 1, bins.bin(Math.nextUp(1.0)));
  }

  @Test
  void aTreeFitsAStepFunctionExactly() {
    int n = 200;
    double[][] columns = new double[2][n];
    for (int r = 0; r < n; r++) {
      columns[0][r] = r / (double) n;
      columns[1][r] = columns[0][r] < 0.37 ? 0.25 : 0.75;
    }
    FeatureBins[] bins = {FeatureBins.of(columns[0]), null};
    byte[][] codes = {bins[0].codes(columns[0]), null};
    int[] sample = IntStream.range(0, n).toArray();
    RegressionTree tree = new TreeGrower(codes, bins, columns[1], new int[] {0}, 1, 5).grow(sample, new SplittableRandom(1));
    assertEquals(3, tree.nodes());
    for (int r = 0; r < n; r++) {
      assertEquals(columns[1][r], tree.predict(columns, r), 0);
    }
  }

  @Test
  void leavesHoldAtLeastMinLeafRows() {
    int n = 60;
    double[][] columns = new double[2][n];
    SplittableRandom rng = new SplittableRandom(4);
    for (int r = 0; r < n; r++) {
      columns[0][r] = rng.nextDouble();
      columns[1][r] = rng.nextDouble();
    }
    FeatureBins[] bins = {FeatureBins.of(columns[0]), null};
    byte[][] codes = {bins[0].codes(columns[0]), null};
    RegressionTree tree = new TreeGrower(codes, bins, columns[1], new int[] {0}, 1, 7)
        .grow(IntStream.range(0, n).toArray(), new SplittableRandom(2));
    java.util.Map<Double, Long> perLeaf = IntStream.range(0, n).mapToObj(r -> tree.predict(columns, r))
        .collect(java.util.stream.Collectors.groupingBy(v -> v, java.util.stream.Collectors.counting()));
    assertTrue(perLeaf.size() > 1);
    perLeaf.values().forEach(count -> assertTrue(count >= 7, "leaf of " + count + " rows"));
  }

  @Test
  void aForestIsTheSameWhateverTheThreads() {
    double[][] rows = SyntheticTables.relatedAmongNoise(300, 0, 0.02, 8).complete();
    double[][] columns = new double[4][300];
    for (int r = 0; r < 300; r++) {
      for (int c = 0; c < 4; c++) {
        columns[c][r] = rows[r][c];
      }
    }
    FeatureBins[] bins = new FeatureBins[4];
    byte[][] codes = new byte[4][];
    for (int c = 0; c < 4; c++) {
      bins[c] = FeatureBins.of(columns[c]);
      codes[c] = bins[c].codes(columns[c]);
    }
    int[] rowsUsed = IntStream.range(0, 300).toArray();
    ForestSettings settings = new ForestSettings(30, 2, 5, 200);
    RegressionForest a = RegressionForest.grow(columns, codes, bins, 3, rowsUsed, settings, 42);
    RegressionForest b = RegressionForest.grow(columns, codes, bins, 3, rowsUsed, settings, 42);
    double error = 0;
    double spread = 0;
    double mean = java.util.Arrays.stream(columns[3]).average().orElseThrow();
    for (int r = 0; r < 300; r++) {
      assertEquals(a.predict(columns, r), b.predict(columns, r), 0);
      error += Math.pow(a.predict(columns, r) - columns[3][r], 2);
      spread += Math.pow(mean - columns[3][r], 2);
    }
    assertTrue(error < 0.2 * spread, "in-sample R² below 0.8: " + (1 - error / spread));
  }
}
