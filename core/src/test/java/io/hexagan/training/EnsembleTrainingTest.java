package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ensemble of members ({@code architecture.members}) end to end: member 0 trains exactly as the
 * one-member model, observed cells leave unchanged, and the SavedModel reads back with the same
 * outputs. (That the members' mean is what inference returns is {@code graph.EnsembleGraphTest}'s.)
 */
class EnsembleTrainingTest {
  @TempDir Path tmp;

  @Test
  void memberZeroIsTheSingleModelAndTheEnsembleReadsBackUnchanged() throws IOException {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(100, 6, 0.15, 0.3, 0.2, 0.8, 4);
    double[][] values = data.table().values();
    // No validation: both keep their last epoch, so member 0 trains exactly as the single model does.
    HexaGanConfig single = SyntheticTables.quick(3);
    single = single.withSchedule(single.schedule().withoutValidation())
        .withArchitecture(single.architecture().withHiddenUnits(32));
    HexaGanConfig two = single.withArchitecture(single.architecture().withMembers(2));
    try (HexaGanModel one = HexaGan.train(data.table(), single);
        HexaGanModel ensemble = HexaGan.train(data.table(), two)) {
      // generate() decodes member 0's G_CG through member 0's G_MI: bit for bit the single model's.
      assertArrayEquals(flatten(one.generate(1, 9, 5)), flatten(ensemble.generate(1, 9, 5)), 0.0);
      double[][] imputed = ensemble.impute(values, 5);
      assertFalse(java.util.Arrays.deepEquals(one.impute(values, 5), imputed), "the ensemble's mean is not member 0's");
      for (int i = 0; i < values.length; i++) {
        for (int c = 0; c < values[i].length; c++) {
          if (!Double.isNaN(values[i][c])) {
            assertEquals(Double.doubleToRawLongBits(values[i][c]), Double.doubleToRawLongBits(imputed[i][c]));
          }
        }
      }
      double[][] probabilities = ensemble.classify(values, 5);
      Path dir = tmp.resolve("model");
      ensemble.save(dir, Map.of());
      try (HexaGanModel loaded = HexaGanModel.load(dir)) {
        assertEquals(2, loaded.metadata().config().architecture().members());
        assertArrayEquals(flatten(imputed), flatten(loaded.impute(values, 5)), 0.0);
        assertArrayEquals(flatten(probabilities), flatten(loaded.classify(values, 5)), 0.0);
      }
    }
  }

  /** The ensemble preset's combination: every member averages its own draws, and the SavedModel does the same. */
  @Test
  void membersWithSeveralDrawsKeepObservedCellsAndReadBackUnchanged() throws IOException {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(100, 6, 0.15, 0.3, 0.2, 0.8, 5);
    double[][] values = data.table().values();
    HexaGanConfig quick = SyntheticTables.quick(2);
    HexaGanConfig config = quick.withArchitecture(quick.architecture().withHiddenUnits(32).withMembers(2))
        .withImputationDraws(4);
    try (HexaGanModel ensemble = HexaGan.train(data.table(), config)) {
      double[][] imputed = ensemble.impute(values, 5);
      for (int i = 0; i < values.length; i++) {
        for (int c = 0; c < values[i].length; c++) {
          if (Double.isNaN(values[i][c])) {
            assertFalse(Double.isNaN(imputed[i][c]), "row " + i + ", column " + c);
          } else {
            assertEquals(Double.doubleToRawLongBits(values[i][c]), Double.doubleToRawLongBits(imputed[i][c]));
          }
        }
      }
      double[][] probabilities = ensemble.classify(values, 5);
      Path dir = tmp.resolve("draws");
      ensemble.save(dir, Map.of());
      try (HexaGanModel loaded = HexaGanModel.load(dir)) {
        assertEquals(4, loaded.metadata().config().imputationDraws());
        assertArrayEquals(flatten(imputed), flatten(loaded.impute(values, 5)), 0.0);
        assertArrayEquals(flatten(probabilities), flatten(loaded.classify(values, 5)), 0.0);
      }
    }
  }

  private static double[] flatten(double[][] a) {
    return java.util.Arrays.stream(a).flatMapToDouble(java.util.Arrays::stream).toArray();
  }
}
