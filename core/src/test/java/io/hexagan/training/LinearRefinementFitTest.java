package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.LinearRefinement;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fitting the chained regressions: a column that is linear in two others gets their weights back
 * and is chosen; an unrelated column is not; nothing chosen gives no refinement.
 */
class LinearRefinementFitTest {
  private static final int N = 600;
  private static final int D = 4;

  /** Column 0 = 0.2 + 0.5·c1 + 0.3·c2 (exactly); c1, c2 and c3 independent uniforms. */
  private static float[] table(SplittableRandom r, boolean related) {
    float[] x = new float[N * D];
    for (int i = 0; i < N; i++) {
      for (int c = 1; c < D; c++) {
        x[i * D + c] = (float) r.nextDouble();
      }
      x[i * D] = related ? 0.2f + 0.5f * x[i * D + 1] + 0.3f * x[i * D + 2] : (float) r.nextDouble();
    }
    return x;
  }

  private record Fitted(LinearRefinement refinement, float[] support) {}

  /**
   * The "model's imputation" is each column's mean wherever a cell is missing or a validation
   * cell; 20% of cells missing, 5% of the rest validation.
   */
  private static Fitted fit(boolean related, double minT) {
    SplittableRandom r = new SplittableRandom(11);
    float[] truth = table(r, related);
    float[] known = new float[N * D];
    float[] validation = new float[N * D];
    float[] imputed = new float[N * D];
    double[] mean = new double[D];
    for (int i = 0; i < N * D; i++) {
      double u = r.nextDouble();
      if (u >= 0.2) {
        (u < 0.25 ? validation : known)[i] = 1;
      }
      mean[i % D] += truth[i] / N;
    }
    for (int i = 0; i < N * D; i++) {
      imputed[i] = known[i] > 0 ? truth[i] : (float) mean[i % D];
    }
    float[] support = PairScreening.support(imputed, known, D, 0.01);
    return new Fitted(LinearRefinementFit.fit(imputed, known, validation, truth, support, D, 3, 1e-6, minT), support);
  }

  @Test
  void aLinearColumnGetsItsWeightsBackAndIsChosen() {
    Fitted f = fit(true, 1);
    LinearRefinement refinement = f.refinement();
    float[] w = refinement.weights();
    // Mean-filled predictors attenuate the fit a little; the weights are the relation's within 0.05.
    assertEquals(0.5, w[1 * D + 0], 0.05);
    assertEquals(0.3, w[2 * D + 0], 0.05);
    assertEquals(0.2, refinement.intercepts()[0], 0.05);
    assertEquals(0, w[3 * D + 0], 0.0, "c3 is not among c0's screened predictors");
    assertTrue(refinement.replaced()[0], "column 0 imputes better refined");
    assertFalse(refinement.replaced()[3], "column 3 is related to nothing");
    assertEquals(0f, f.support()[3 * D + 0]);
    for (int c = 0; c < D; c++) {
      assertEquals(0f, w[c * D + c], "no column predicts itself");
    }
  }

  @Test
  void noColumnGainingGivesNoRefinement() {
    assertNull(fit(false, 1).refinement());
  }
}
