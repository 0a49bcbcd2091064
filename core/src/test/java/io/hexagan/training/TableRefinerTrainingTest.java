package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G_MI's refiner for tables end to end ({@code architecture.refinerUnits}): every loss of the game
 * is the same to the last bit with and without it, while the imputations of the missing cells
 * change and the observed cells do not; a model with it reads back from its SavedModel unchanged.
 */
class TableRefinerTrainingTest {
  @TempDir Path tmp;

  private static HexaGanConfig refined(HexaGanConfig c, int units) {
    return c.withArchitecture(c.architecture().withRefinerUnits(units));
  }

  @Test
  void staysOutOfTheGameAndChangesOnlyTheMissingCells() {
    SyntheticTables.Masked data = SyntheticTables.correlated(200, 0.2, 4);
    double[][] values = data.table().values();
    HexaGanConfig plain = SyntheticTables.quick(3);
    List<EpochReport> without;
    List<EpochReport> with;
    double[][] plainImputed;
    double[][] refinedImputed;
    try (HexaGanModel m = HexaGan.train(data.table(), plain)) {
      without = m.summary().history();
      plainImputed = m.impute(values);
    }
    try (HexaGanModel m = HexaGan.train(data.table(), refined(plain, 16))) {
      with = m.summary().history();
      refinedImputed = m.impute(values);
    }
    assertEquals(without.size(), with.size());
    for (int k = 0; k < with.size(); k++) {
      assertEquals(without.get(k).meanLosses(), with.get(k).meanLosses(), "epoch report " + k);
    }
    int changed = 0;
    for (int i = 0; i < values.length; i++) {
      for (int c = 0; c < values[i].length; c++) {
        if (Double.isNaN(values[i][c])) {
          changed += plainImputed[i][c] != refinedImputed[i][c] ? 1 : 0;
        } else {
          assertEquals(Double.doubleToRawLongBits(values[i][c]), Double.doubleToRawLongBits(refinedImputed[i][c]));
        }
      }
    }
    assertTrue(changed > 0, "the refiner changed no imputation");
  }

  @Test
  void readsBackFromItsSavedModel() throws IOException {
    SyntheticTables.Masked data = SyntheticTables.correlated(120, 0.2, 5);
    double[][] values = data.table().values();
    try (HexaGanModel model = HexaGan.train(data.table(), refined(SyntheticTables.quick(2), 8))) {
      double[][] imputed = model.impute(values, 3);
      ModelMetadata read = SyntheticTables.assertReadsBack(model, tmp.resolve("model"), values, imputed, 3);
      assertEquals(8, read.config().architecture().refinerUnits());
    }
  }
}
