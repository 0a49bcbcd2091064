package io.hexagan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every imputer promises: observed cells untouched, every missing cell filled, inputs kept. */
class ImputerContractTest {

  static Stream<Imputer> imputers() {
    return Stream.of(new ZeroImputer(), new MeanImputer(), new KnnImputer(), new MiceImputer(),
        new SoftImputeImputer(), new MissForestImputer(20, 5, 5_000, 10, 3L),
        new GainImputer(GainSettings.reference().withIterations(100)),
        new DenoisingAutoencoderImputer(DenoisingAutoencoderSettings.defaults().withIterations(100)));
  }

  private static double[][] table() {
    double[][] truth = SyntheticTables.twoFactor(120, 6, 0.1, 7);
    double[][] x = new McarMasker(0.25, 0, 7).mask(120, 6).apply(truth);
    // A row with every cell missing, and awkward observed values: -0.0 and a tiny subnormal.
    Arrays.fill(x[0], Double.NaN);
    x[1][0] = -0.0;
    x[2][1] = Double.MIN_VALUE;
    return x;
  }

  private static double[][] deepCopy(double[][] x) {
    return Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
  }

  private static void assertObservedKeptAndMissingFilled(double[][] input, double[][] output) {
    assertEquals(input.length, output.length);
    for (int r = 0; r < input.length; r++) {
      assertEquals(input[r].length, output[r].length);
      for (int c = 0; c < input[r].length; c++) {
        if (Double.isNaN(input[r][c])) {
          assertFalse(Double.isNaN(output[r][c]) || Double.isInfinite(output[r][c]), "cell " + r + "," + c);
        } else {
          assertEquals(Double.doubleToRawLongBits(input[r][c]), Double.doubleToRawLongBits(output[r][c]),
              "observed cell " + r + "," + c + " altered");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imputers")
  void fitImputeKeepsObservedCellsBitIdentical(Imputer imputer) {
    double[][] x = table();
    double[][] before = deepCopy(x);
    double[][] out = imputer.fitImpute(x);
    assertObservedKeptAndMissingFilled(x, out);
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < x[r].length; c++) {
        assertEquals(Double.doubleToRawLongBits(before[r][c]), Double.doubleToRawLongBits(x[r][c]), "input modified");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imputers")
  void imputesOtherRowsFromTheFit(Imputer imputer) {
    double[][] x = table();
    double[][] train = Arrays.copyOfRange(x, 0, 90);
    double[][] test = Arrays.copyOfRange(x, 90, 120);
    FittedImputer fitted = imputer.fit(train);
    assertEquals(6, fitted.columns());
    double[][] out = fitted.impute(test);
    assertObservedKeptAndMissingFilled(test, out);
    // 1e-6: GAIN and the autoencoder compute in float32, and TensorFlow's matrix product may round a
    // batch of one row differently from a batch of 30 (seen once: 6e-8 apart on a loaded machine).
    assertArrayEquals(out[0], fitted.impute(new double[][] {test[0]})[0], 1e-6, "a row's imputation depends on other rows");
    assertEquals(0, fitted.impute(new double[0][]).length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imputers")
  void rejectsMalformedInput(Imputer imputer) {
    assertThrows(IllegalArgumentException.class, () -> imputer.fit(new double[0][]));
    assertThrows(IllegalArgumentException.class, () -> imputer.fit(new double[][] {{0.1, 0.2}, {0.3}}));
    assertThrows(IllegalArgumentException.class, () -> imputer.fit(new double[][] {{0.1, Double.POSITIVE_INFINITY}}));
    FittedImputer fitted = imputer.fit(table());
    assertThrows(IllegalArgumentException.class, () -> fitted.impute(new double[][] {{0.1, 0.2}}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imputers")
  void handlesAColumnWithoutObservedTrainingCells(Imputer imputer) {
    double[][] x = table();
    for (double[] row : x) {
      row[3] = Double.NaN;
    }
    double[][] out = imputer.fitImpute(x);
    assertObservedKeptAndMissingFilled(x, out);
  }
}
