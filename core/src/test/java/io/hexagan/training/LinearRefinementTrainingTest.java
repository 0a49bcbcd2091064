package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chained regressions over a trained model's imputation ({@link HexaGanConfig#refinement()}):
 * fitted after training, so the networks are those of the same run without them; on a table of
 * related and unrelated columns they impute the related ones better and leave the unrelated ones'
 * imputations alone; observed cells leave bit for bit and the SavedModel imputes as the model did.
 */
class LinearRefinementTrainingTest {
  private static final int RELATED = 4;
  private static final int NOISE = 8;
  @TempDir Path tmp;

  @Test
  void refinesTheRelatedColumnsOfTheSameTrainedNetworks() throws IOException {
    // Columns 0–3: two factors and two mixtures of them (noise sd 0.01); 4–11 independent uniforms.
    SyntheticTables.Masked data = SyntheticTables.relatedAmongNoise(600, NOISE, 0.01, 4);
    double[][] values = data.table().values();
    HexaGanConfig on = SyntheticTables.quick(8);
    assertEquals(HexaGanConfig.DEFAULT_REFINEMENT, on.refinement());
    HexaGanConfig off = on.withRefinement(RefinementSettings.OFF);
    double[][] plain;
    try (HexaGanModel model = HexaGan.train(data.table(), off)) {
      plain = model.impute(values, 5);
    }
    try (HexaGanModel model = HexaGan.train(data.table(), on)) {
      double[][] refined = model.impute(values, 5);
      SyntheticTables.assertObservedKept(values, refined);
      double before = SyntheticTables.rmseOver(data, plain, (row, column) -> column < RELATED);
      double after = SyntheticTables.rmseOver(data, refined, (row, column) -> column < RELATED);
      assertTrue(after < 0.8 * before, "related columns' RMSE refined " + after + ", G_MI's " + before);
      // The networks are the same run's: an unrelated column, never replaced, keeps G_MI's cells.
      int same = 0;
      int missing = 0;
      for (int i = 0; i < values.length; i++) {
        for (int c = RELATED; c < RELATED + NOISE; c++) {
          if (Double.isNaN(values[i][c])) {
            missing++;
            same += Double.compare(plain[i][c], refined[i][c]) == 0 ? 1 : 0;
          }
        }
      }
      assertTrue(same >= 0.75 * missing, same + " of " + missing + " unrelated cells as G_MI imputed them");
      ModelMetadata read = SyntheticTables.assertReadsBack(model, tmp.resolve("model"), values, refined, 5);
      assertEquals(5, read.config().refinement().passes());
    }
  }

  /** A model written before the refinement has no such field; read back, it has none. */
  @Test
  void aModelWrittenBeforeReadsBackUnrefined() throws IOException {
    HexaGanConfig refined = HexaGanConfig.defaults().withRefinement(new RefinementSettings(5, 3e-4, 1, 30, 5, false, 0, 0, false, 0, 0, false));
    ModelMetadata written = new ModelMetadata(ModelMetadata.FORMAT_VERSION, List.of("a", "b"), List.of("0", "1"),
        new double[] {0, 0}, new double[] {1, 1}, refined, null, null);
    assertEquals(refined, ModelMetadata.fromJson(written.toJson(), "hexagan.json").config());
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(written.toJson());
    assertTrue(((ObjectNode) tree.get("config")).remove("refinement") != null);
    ModelMetadata read = ModelMetadata.fromJson(json.writeValueAsBytes(tree), "hexagan.json");
    assertEquals(refined.withRefinement(RefinementSettings.OFF), read.config());
  }

  /**
   * A model written before the forests (step 13) has regressions on screened partners only; read
   * back, it has no forests, no component predictors and no forest classifier.
   */
  @Test
  void aModelWrittenBeforeTheForestsReadsBackWithoutThem() throws IOException {
    HexaGanConfig step13 = HexaGanConfig.defaults().withRefinement(new RefinementSettings(5, 3e-4, 2, 0, 5, false, 0, 0, false, 0, 0, false));
    ModelMetadata written = new ModelMetadata(ModelMetadata.FORMAT_VERSION, List.of("a", "b"), List.of("0", "1"),
        new double[] {0, 0}, new double[] {1, 1}, HexaGanConfig.defaults(), null, null);
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(written.toJson());
    ObjectNode refinement = (ObjectNode) tree.get("config").get("refinement");
    assertEquals(100, refinement.remove("forestTrees").asInt());
    assertEquals(5, refinement.remove("forestMinLeaf").asInt());
    assertTrue(refinement.remove("componentPredictors").asBoolean());
    assertEquals(100, refinement.remove("classifierTrees").asInt());
    assertEquals(0.5, refinement.remove("blendShare").asDouble());
    assertTrue(refinement.remove("fittedPooledShare").asBoolean(), "absent reads false: step 17's rule");
    assertEquals(HexaGanConfig.DEFAULT_FOREST_FEATURES, refinement.remove("forestFeatures").asInt(),
        "absent reads 0: missForest's ⌊√d⌋");
    assertEquals(HexaGanConfig.DEFAULT_FOREST_REGROWTHS, refinement.remove("forestRegrowths").asInt(),
        "absent reads 0: one round of forests");
    assertTrue(refinement.remove("forestClassInputs").asBoolean(), "absent reads false: forests that read no class");
    assertEquals(step13, ModelMetadata.fromJson(json.writeValueAsBytes(tree), "hexagan.json").config());
  }
}
