package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.io.MaskedTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * E's level indicators end to end: on a table where two columns are zigzag functions of a coded
 * column, they impute those columns better than E reading the code as one number; a model with
 * them keeps observed cells and reads back from its SavedModel unchanged.
 */
class LevelIndicatorsTrainingTest {
  private static final double[] FIRST = {0.1, 0.9, 0.2, 0.8, 0.3, 0.7};
  private static final double[] SECOND = {0.5, 0.1, 0.9, 0.1, 0.5, 0.9};
  @TempDir Path tmp;

  /** Column 0: a code 0–5 (scaled by 1/5); 1 and 2: zigzag lookups of it (noise sd 0.02); 3–4: uniform noise. */
  private static SyntheticTables.Masked coded(int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] full = new double[rows][5];
    for (int i = 0; i < rows; i++) {
      int code = r.nextInt(FIRST.length);
      full[i] = new double[] {code / 5.0, FIRST[code] + 0.02 * r.nextGaussian(),
          SECOND[code] + 0.02 * r.nextGaussian(), r.nextDouble(), r.nextDouble()};
    }
    double[][] masked = SyntheticTables.mcar(full, 0.2, r);
    return new SyntheticTables.Masked(full, null, MaskedTable.unlabeled(masked, List.of("code", "a", "b", "u", "v")));
  }

  private static HexaGanConfig withLevels(HexaGanConfig c, int maxLevels) {
    return c.withArchitecture(c.architecture().withLevelIndicators(maxLevels));
  }

  /** RMSE over the missing cells of columns 1 and 2 in rows whose code is observed. */
  private static double lookupRmse(SyntheticTables.Masked data, double[][] imputed) {
    double[][] masked = data.table().values();
    return SyntheticTables.rmseOver(data, imputed, (row, column) -> column >= 1 && column <= 2
        && !Double.isNaN(masked[row][0]));
  }

  @Test
  void imputesColumnsThatAreZigzagFunctionsOfACodeBetter() {
    SyntheticTables.Masked data = coded(600, 1);
    HexaGanConfig quick = SyntheticTables.quick(40);
    double with = SyntheticTables.imputationScore(data, withLevels(quick, 16), imputed -> lookupRmse(data, imputed));
    double without = SyntheticTables.imputationScore(data, withLevels(quick, 0), imputed -> lookupRmse(data, imputed));
    assertTrue(with < 0.8 * without, "lookup columns' RMSE with level indicators " + with + ", without " + without);
  }

  @Test
  void keepsObservedCellsAndReadsBackFromItsSavedModel() throws IOException {
    SyntheticTables.Masked data = coded(120, 2);
    double[][] values = data.table().values();
    try (HexaGanModel model = HexaGan.train(data.table(), withLevels(SyntheticTables.quick(3), 16))) {
      assertEquals(16, model.metadata().config().architecture().levelIndicators());
      double[][] imputed = model.impute(values, 5);
      SyntheticTables.assertObservedKept(values, imputed);
      ModelMetadata read = SyntheticTables.assertReadsBack(model, tmp.resolve("model"), values, imputed, 5);
      assertEquals(16, read.config().architecture().levelIndicators());
    }
  }
}
