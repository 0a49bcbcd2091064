package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.savedmodel.ModelDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forests over a trained model's imputation ({@link RefinementSettings#forestTrees()}): on a
 * column that steps with another they impute better than the regressions alone from the same
 * trained networks; observed cells leave bit for bit and the SavedModel, which carries the trees
 * in its checkpoint rather than its graph, imputes as the model did.
 */
class ForestRefinementTrainingTest {
  @TempDir Path tmp;

  @Test
  void aSteppingColumnIsImputedByItsForest() throws IOException {
    SyntheticTables.Masked data = SyntheticTables.stepAmongNoise(600, 5, 9);
    double[][] values = data.table().values();
    HexaGanConfig on = SyntheticTables.quick(8);
    assertTrue(on.refinement().forests(), "forests are grown by default");
    HexaGanConfig regressionsOnly = on.withRefinement(on.refinement().withForestTrees(0));
    double regressed;
    try (HexaGanModel model = HexaGan.train(data.table(), regressionsOnly)) {
      regressed = SyntheticTables.rmseOver(data, model.impute(values, 5), (row, column) -> column == 0);
    }
    try (HexaGanModel model = HexaGan.train(data.table(), on)) {
      double[][] imputed = model.impute(values, 5);
      SyntheticTables.assertObservedKept(values, imputed);
      double forest = SyntheticTables.rmseOver(data, imputed, (row, column) -> column == 0);
      // A step between 0.1 and 0.9 fitted by a line leaves an RMSE near 0.2; by trees, near the noise.
      assertTrue(forest < 0.6 * regressed, "column 0's RMSE with its forest " + forest + ", regressions only " + regressed);
      assertTrue(model.metadata().summary().refinedColumns().contains("c0"));
      ModelMetadata read = SyntheticTables.assertReadsBack(model, tmp.resolve("model"), values, imputed, 5);
      assertEquals(on.refinement(), read.config().refinement());
      // The trees' nodes are variables, so that loading the graph does not copy them around.
      int largest = 0;
      try (InputStream in = Files.newInputStream(tmp.resolve("model").resolve(ModelDirectory.SAVED_MODEL))) {
        for (NodeDef node : SavedModel.parseFrom(in).getMetaGraphs(0).getGraphDef().getNodeList()) {
          if (node.getOp().equals("Const")) {
            largest = Math.max(largest, node.getAttrOrThrow("value").getTensor().getSerializedSize());
          }
        }
      }
      assertTrue(largest < 16_384, "the graph's largest constant: " + largest + " bytes");
      String index = Files.readString(tmp.resolve("model").resolve(ModelDirectory.VARIABLES)
          .resolve("variables.index"), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(index.contains("arrays/forest_0/nodes"), "the checkpoint holds the first round's nodes");
    }
  }

  /**
   * With {@link RefinementSettings#forestClassInputs()} the forests also read the row's class, and
   * the serving graph weighs each class's mean by C's probabilities from the same draws: on two
   * Gaussian classes the forests impute some columns, observed cells leave bit for bit, and the
   * SavedModel imputes as the model did.
   */
  @Test
  void forestsReadingTheClassServeAsTrained() throws IOException {
    SyntheticTables.Masked data = SyntheticTables.twoClasses(600, 4, 0.12, 0.5, 0.2, 0.8, 17);
    double[][] values = data.table().values();
    HexaGanConfig quick = SyntheticTables.quick(6);
    HexaGanConfig on = quick.withRefinement(quick.refinement().withForestClassInputs(true).withClassifierTrees(0));
    try (HexaGanModel model = HexaGan.train(data.table(), on)) {
      double[][] imputed = model.impute(values, 5);
      SyntheticTables.assertObservedKept(values, imputed);
      ModelMetadata read = SyntheticTables.assertReadsBack(model, tmp.resolve("inputs"), values, imputed, 5);
      assertTrue(read.config().refinement().forestClassInputs());
      String index = Files.readString(tmp.resolve("inputs").resolve(ModelDirectory.VARIABLES)
          .resolve("variables.index"), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(index.contains("arrays/forest_0/nodes"), "forests serve");
    }
  }
}
