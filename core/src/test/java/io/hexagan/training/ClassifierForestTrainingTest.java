package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forest classifier after training ({@link RefinementSettings#classifierTrees()}): on a label
 * that is an exclusive or of two columns, which a briefly trained C has not learnt, the forest
 * beats C on the validation labels, serves the probabilities, classifies the rows well, and the
 * SavedModel, trees included, classifies as the model did.
 */
class ClassifierForestTrainingTest {
  @TempDir Path tmp;

  @Test
  void aForestServesTheProbabilitiesWhereItBeatsC() throws IOException {
    SyntheticTables.Masked data = SyntheticTables.exclusiveOr(1000, 6, 12);
    double[][] values = data.table().values();
    HexaGanConfig quick = SyntheticTables.quick(3);
    HexaGanConfig config = quick.withRefinement(quick.refinement().withClassifierTrees(100));
    try (HexaGanModel model = HexaGan.train(data.table(), config)) {
      assertTrue(model.metadata().summary().classifierForest(), "the forest beat C");
      double[][] p = model.classify(values, 5);
      int right = 0;
      for (int i = 0; i < values.length; i++) {
        right += (p[i][1] > 0.5 ? 1 : 0) == data.labels()[i] ? 1 : 0;
      }
      assertTrue(right > 0.85 * values.length, right + " of " + values.length + " rows classified right");
      model.save(tmp.resolve("model"), Map.of());
      try (HexaGanModel loaded = HexaGanModel.load(tmp.resolve("model"))) {
        assertTrue(loaded.metadata().summary().classifierForest());
        double[][] again = loaded.classify(values, 5);
        for (int i = 0; i < values.length; i++) {
          assertArrayEquals(p[i], again[i], 0.0, "row " + i);
        }
      }
    }
  }
}
