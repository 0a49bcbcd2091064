package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hexagan.io.MaskedTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

  /** Columns 0–3: two factors and two mixtures of them (noise sd 0.01); 4–11 independent uniforms. */
  private static SyntheticTables.Masked table(int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] full = new double[rows][RELATED + NOISE];
    for (int i = 0; i < rows; i++) {
      double a = r.nextDouble();
      double b = r.nextDouble();
      double[] related = {a, b, 0.6 * a + 0.4 * b, 0.3 * a - 0.7 * b};
      for (int c = 0; c < RELATED; c++) {
        full[i][c] = related[c] + 0.01 * r.nextGaussian();
      }
      for (int c = RELATED; c < RELATED + NOISE; c++) {
        full[i][c] = r.nextDouble();
      }
    }
    double[][] masked = SyntheticTables.mcar(full, 0.2, r);
    List<String> names = new ArrayList<>();
    for (int c = 0; c < RELATED + NOISE; c++) {
      names.add("c" + c);
    }
    return new SyntheticTables.Masked(full, null, MaskedTable.unlabeled(masked, names));
  }

  @Test
  void refinesTheRelatedColumnsOfTheSameTrainedNetworks() throws IOException {
    SyntheticTables.Masked data = table(600, 4);
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
    HexaGanConfig refined = HexaGanConfig.defaults().withRefinement(new RefinementSettings(5, 3e-4, 1));
    ModelMetadata written = new ModelMetadata(ModelMetadata.FORMAT_VERSION, List.of("a", "b"), List.of("0", "1"),
        new double[] {0, 0}, new double[] {1, 1}, refined, null, null);
    assertEquals(refined, ModelMetadata.fromJson(written.toJson(), "hexagan.json").config());
    ObjectMapper json = new ObjectMapper();
    ObjectNode tree = (ObjectNode) json.readTree(written.toJson());
    assertTrue(((ObjectNode) tree.get("config")).remove("refinement") != null);
    ModelMetadata read = ModelMetadata.fromJson(json.writeValueAsBytes(tree), "hexagan.json");
    assertEquals(refined.withRefinement(RefinementSettings.OFF), read.config());
  }
}
