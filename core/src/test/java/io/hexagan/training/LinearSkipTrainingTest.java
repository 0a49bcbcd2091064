package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G_MI's linear skip path end to end: on a table where a few columns are linear in each other and
 * the rest are noise (madelon's shape, small), it imputes the related columns better than G_MI
 * without it; a model with it keeps observed cells and reads back from its SavedModel unchanged.
 */
class LinearSkipTrainingTest {
  private static final int RELATED = 4;
  private static final int NOISE = 36;
  @TempDir Path tmp;

  /** Columns 0–3: two factors and two mixtures of them (noise sd 0.02); 4–39 independent uniforms. */
  private static SyntheticTables.Masked relatedAmongNoise(int rows, long seed) {
    return SyntheticTables.relatedAmongNoise(rows, NOISE, 0.02, seed);
  }

  private static HexaGanConfig withSkip(HexaGanConfig c, boolean on) {
    return c.withArchitecture(c.architecture().withLinearSkip(on));
  }

  /** RMSE over the missing cells of the related columns only. */
  private static double relatedRmse(SyntheticTables.Masked data, double[][] imputed) {
    return SyntheticTables.rmseOver(data, imputed, (row, column) -> column < RELATED);
  }

  @Test
  void findsColumnsThatAreLinearInEachOtherAmongNoiseColumns() {
    SyntheticTables.Masked data = relatedAmongNoise(800, 1);
    // The refinement would fit the related columns with or without the path: this is about the path.
    HexaGanConfig quick = SyntheticTables.quick(100).withRefinement(RefinementSettings.OFF);
    double with = SyntheticTables.imputationScore(data, withSkip(quick, true), imputed -> relatedRmse(data, imputed));
    double without = SyntheticTables.imputationScore(data, withSkip(quick, false), imputed -> relatedRmse(data, imputed));
    assertTrue(with < 0.85 * without, "related columns' RMSE with the skip path " + with + ", without " + without);
  }

  @Test
  void keepsObservedCellsAndReadsBackFromItsSavedModel() throws IOException {
    ModelMetadata read = trainKeepReadBack(withSkip(SyntheticTables.quick(3), true), "model").metadata();
    assertTrue(read.config().architecture().linearSkip());
    assertFalse(read.config().architecture().skipOutsideSigmoid());
  }

  @Test
  void outsideTheSigmoidTrainsAnotherModelThatKeepsObservedCellsAndReadsBack() throws IOException {
    HexaGanConfig inside = withSkip(SyntheticTables.quick(3), true);
    HexaGanConfig outside = inside.withArchitecture(inside.architecture().withSkipOutsideSigmoid(true));
    Trained a = trainKeepReadBack(inside, "inside");
    Trained b = trainKeepReadBack(outside, "outside");
    assertTrue(b.metadata().config().architecture().skipOutsideSigmoid());
    boolean differs = false;
    for (int i = 0; i < a.imputed().length; i++) {
      differs |= !Arrays.equals(a.imputed()[i], b.imputed()[i]);
    }
    assertTrue(differs, "the option reaches the trained graph");
  }

  private record Trained(double[][] imputed, ModelMetadata metadata) {}

  /**
   * Trains on a small related-among-noise table, checks that observed cells leave bit for bit and
   * that the SavedModel written to {@code name} imputes exactly as the model in memory did.
   */
  private Trained trainKeepReadBack(HexaGanConfig config, String name) throws IOException {
    SyntheticTables.Masked data = relatedAmongNoise(120, 2);
    double[][] values = data.table().values();
    try (HexaGanModel model = HexaGan.train(data.table(), config)) {
      double[][] imputed = model.impute(values, 5);
      SyntheticTables.assertObservedKept(values, imputed);
      return new Trained(imputed, SyntheticTables.assertReadsBack(model, tmp.resolve(name), values, imputed, 5));
    }
  }

  @Test
  void aScreenedPathTrainsAnotherModelThatReadsBackFromItsSavedModelUnchanged() throws IOException {
    SyntheticTables.Masked data = relatedAmongNoise(120, 2);
    double[][] values = data.table().values();
    HexaGanConfig plain = withSkip(SyntheticTables.quick(3), true);
    HexaGanConfig screened = plain.withLosses(plain.losses().withSkipScreening(1));
    double[][] unscreened;
    try (HexaGanModel model = HexaGan.train(data.table(), plain)) {
      unscreened = model.impute(values, 5);
    }
    try (HexaGanModel model = HexaGan.train(data.table(), screened)) {
      double[][] imputed = model.impute(values, 5);
      boolean differs = false;
      for (int i = 0; i < values.length; i++) {
        differs |= !Arrays.equals(imputed[i], unscreened[i]);
      }
      assertTrue(differs, "screening reaches the trained graph");
      Path dir = tmp.resolve("screened");
      model.save(dir, Map.of());
      // The serving graph is built without the support: S's screened-out entries, never moved
      // from zero, must make it compute the same imputations.
      try (HexaGanModel loaded = HexaGanModel.load(dir)) {
        assertEquals(1, loaded.metadata().config().losses().skipScreening());
        double[][] again = loaded.impute(values, 5);
        for (int i = 0; i < values.length; i++) {
          assertArrayEquals(imputed[i], again[i], 0.0, "row " + i);
        }
      }
    }
  }
}
