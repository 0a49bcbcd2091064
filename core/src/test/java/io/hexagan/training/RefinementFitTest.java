package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.ForestRefinement;
import io.hexagan.graph.LinearRefinement;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fitting the refinements: a column that is linear in two others gets their weights back and is
 * chosen for the regressions; a column that steps with another goes to its forest; an unrelated
 * column is not chosen; nothing chosen gives no refinement.
 */
class RefinementFitTest {
  private static final int N = 600;
  private static final int D = 4;

  private enum Relation { LINEAR, STEP, NONE }

  /**
   * c1, c2 and c3 independent uniforms; column 0 = 0.2 + 0.5·c1 + 0.3·c2 (LINEAR, exactly), 0.1 or
   * 0.9 as c1 is below or above 0.5 (STEP), or another uniform (NONE).
   */
  private static float[] table(SplittableRandom r, Relation relation) {
    float[] x = new float[N * D];
    for (int i = 0; i < N; i++) {
      for (int c = 1; c < D; c++) {
        x[i * D + c] = (float) r.nextDouble();
      }
      x[i * D] = switch (relation) {
        case LINEAR -> 0.2f + 0.5f * x[i * D + 1] + 0.3f * x[i * D + 2];
        case STEP -> x[i * D + 1] < 0.5f ? 0.1f : 0.9f;
        case NONE -> (float) r.nextDouble();
      };
    }
    return x;
  }

  private record Fitted(RefinementFit.Chosen chosen, float[] support) {
    LinearRefinement refinement() {
      return chosen.linear();
    }
  }

  /**
   * The "model's imputation" is each column's mean wherever a cell is missing or a validation
   * cell; 20% of cells missing, 5% of the rest validation.
   */
  private static Fitted fit(Relation relation, double minT, int trees) {
    SplittableRandom r = new SplittableRandom(11);
    float[] truth = table(r, relation);
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
    RefinementSettings settings = new RefinementSettings(3, 1e-6, minT, trees, 5, false, 0);
    return new Fitted(RefinementFit.fit(imputed, known, validation, truth, support, D, settings, 7), support);
  }

  @Test
  void aLinearColumnGetsItsWeightsBackAndIsChosen() {
    Fitted f = fit(Relation.LINEAR, 1, 0);
    LinearRefinement refinement = f.refinement();
    assertNull(f.chosen().forests(), "no forests grown");
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
  void aColumnThatStepsGoesToItsForest() {
    Fitted f = fit(Relation.STEP, 2, 30);
    ForestRefinement forests = f.chosen().forests();
    assertNotNull(forests);
    assertTrue(forests.replaced()[0], "the forest imputes the step better than the regression");
    assertTrue(f.refinement() == null || !f.refinement().replaced()[0], "one refinement per column");
    // Its prediction at each side of the step is the step's level.
    float[] missing = {1, 0, 0, 0};
    assertEquals(0.1, forests.apply(new float[] {0.5f, 0.2f, 0.5f, 0.5f}, new float[D], missing)[0], 0.05);
    assertEquals(0.9, forests.apply(new float[] {0.5f, 0.8f, 0.5f, 0.5f}, new float[D], missing)[0], 0.05);
  }

  @Test
  void noColumnGainingGivesNoRefinement() {
    assertNull(fit(Relation.NONE, 1, 30).chosen());
  }
}
