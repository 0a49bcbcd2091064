package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.ForestRefinement;
import io.hexagan.graph.LinearRefinement;
import io.hexagan.io.MaskedTable;
import java.util.List;
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

  /** Marks 75% of the cells known and 5% validation cells; the other 20% stay missing. */
  private static void hide(SplittableRandom r, float[] known, float[] validation) {
    for (int i = 0; i < known.length; i++) {
      double u = r.nextDouble();
      if (u >= 0.2) {
        (u < 0.25 ? validation : known)[i] = 1;
      }
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
    hide(r, known, validation);
    double[] mean = new double[D];
    for (int i = 0; i < N * D; i++) {
      mean[i % D] += truth[i] / N;
    }
    for (int i = 0; i < N * D; i++) {
      imputed[i] = known[i] > 0 ? truth[i] : (float) mean[i % D];
    }
    float[] support = PairScreening.support(imputed, known, D, 0.01);
    RefinementSettings settings = new RefinementSettings(3, 1e-6, minT, trees, 5, false, 0, 0, false, 0, 0, false);
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

  /**
   * Column 0 steps with column 1 (0.2 or 0.8) plus noise ε; the "model's imputation" of its
   * validation cells errs by its own noise η of the same spread, so G_MI and the forest err
   * equally often and independently: their half-and-half blend errs by (η − ε) / 2, half the
   * squared error of either. Offered, the blend is chosen; not offered, neither the forest (no
   * gain) nor the regression (a line through a step) replaces G_MI.
   */
  @Test
  void independentErrorsOfEqualSizeChooseTheBlend() {
    int n = 2000;
    int d = 2;
    SplittableRandom r = new SplittableRandom(3);
    float[] truth = new float[n * d];
    float[] imputed = new float[n * d];
    float[] known = new float[n * d];
    float[] validation = new float[n * d];
    for (int i = 0; i < n; i++) {
      float c1 = (float) r.nextDouble();
      truth[i * d + 1] = c1;
      imputed[i * d + 1] = c1;
      known[i * d + 1] = 1;
      truth[i * d] = (c1 < 0.5f ? 0.2f : 0.8f) + (float) (0.05 * r.nextGaussian());
      boolean held = r.nextDouble() < 0.25;
      (held ? validation : known)[i * d] = 1;
      imputed[i * d] = held ? truth[i * d] + (float) (0.05 * r.nextGaussian()) : truth[i * d];
    }
    float[] support = {0, 0, 1, 0}; // column 1 predicts column 0
    RefinementSettings settings = new RefinementSettings(1, 1e-6, 2, 30, 5, false, 0, 0.5, false, 0, 0, false);
    RefinementFit.Chosen blended = RefinementFit.fit(imputed, known, validation, truth, support, d, settings, 7);
    assertNotNull(blended);
    assertTrue(blended.forests().blended()[0], "column 0 takes the blend");
    assertEquals(0.5f, blended.forests().share()[0]);
    assertTrue(blended.linear() == null || !blended.linear().replaced()[0], "one refinement per column");
    // Applied: G_MI's 0.6 and the forest's 0.8 (c1 above the step) blend to 0.7.
    float[] served = blended.forests().apply(new float[] {0.6f, 0.9f}, new float[] {0.6f, 0.9f}, new float[] {1, 0});
    assertEquals(0.7, served[0], 0.02);
    assertNull(RefinementFit.fit(imputed, known, validation, truth, support, d, settings.withBlendShare(0), 7),
        "without the blend G_MI keeps the column");
  }

  /**
   * 200 rows of eight columns stepping with column 8 (0.2 or 0.8) plus noise of spread 0.05, about
   * 6% of their cells validation cells, where the "model's imputation" errs by noise of spread
   * {@code imputationNoise}; every other cell known and imputed exactly.
   */
  private record StepColumns(float[] truth, float[] imputed, float[] known, float[] validation) {
    static final int TARGETS = 8;
    static final int D = TARGETS + 1;

    static StepColumns draw(double imputationNoise) {
      int n = 200;
      SplittableRandom r = new SplittableRandom(5);
      StepColumns t = new StepColumns(new float[n * D], new float[n * D], new float[n * D], new float[n * D]);
      for (int i = 0; i < n; i++) {
        float c = (float) r.nextDouble();
        t.truth[i * D + TARGETS] = c;
        t.imputed[i * D + TARGETS] = c;
        t.known[i * D + TARGETS] = 1;
        for (int j = 0; j < TARGETS; j++) {
          int k = i * D + j;
          t.truth[k] = (c < 0.5f ? 0.2f : 0.8f) + (float) (0.05 * r.nextGaussian());
          boolean held = r.nextDouble() < 0.06;
          (held ? t.validation : t.known)[k] = 1;
          t.imputed[k] = held ? t.truth[k] + (float) (imputationNoise * r.nextGaussian()) : t.truth[k];
        }
      }
      return t;
    }

    /** The refinement fitted with column 8 a screened predictor of each of the eight. */
    RefinementFit.Chosen fit(RefinementSettings settings) {
      float[] all = new float[D * D];
      for (int j = 0; j < TARGETS; j++) {
        all[TARGETS * D + j] = 1;
      }
      return RefinementFit.fit(imputed, known, validation, truth, all, D, settings, 7);
    }
  }

  /**
   * Eight columns as in {@link #independentErrorsOfEqualSizeChooseTheBlend}, each stepping with
   * column 8, but with about a dozen validation cells each: too few for column 0 alone (with no
   * other column given a predictor, it keeps G_MI's cells), enough pooled over the eight, which
   * then all take the blend.
   */
  @Test
  void columnsWithTooFewCellsBlendWhenTheirCellsPooledGained() {
    StepColumns t = StepColumns.draw(0.05);
    int d = StepColumns.D;
    float[] first = new float[d * d];
    first[StepColumns.TARGETS * d] = 1;
    RefinementSettings settings = new RefinementSettings(1, 1e-6, 2, 30, 5, false, 0, 0.5, false, 0, 0, false);
    assertNull(RefinementFit.fit(t.imputed, t.known, t.validation, t.truth, first, d, settings, 7),
        "column 0 alone: too few cells");
    RefinementFit.Chosen pooled = t.fit(settings);
    assertNotNull(pooled);
    for (int j = 0; j < StepColumns.TARGETS; j++) {
      assertTrue(pooled.forests().blended()[j], "column " + j + " blended");
    }
    assertFalse(pooled.forests().replaced()[StepColumns.TARGETS], "the predictor column has no forest");
  }

  /** The least-squares share by hand, clipped to [0, cap], over the chosen columns' validation cells alone. */
  @Test
  void theFittedShareIsTheLeastSquaresStepTowardsTheForests() {
    // Two columns; column 1's cells must not count. Column 0: G_MI 0, forest 1, truth 0.2 and 0.4
    // on its two validation cells (the third cell is not one): s = (0.2 + 0.4) / (1 + 1) = 0.3.
    float[] imputed = {0, 0, 0, 0, 0, 0};
    float[] byForests = {1, 1, 1, 1, 1, 1};
    float[] validation = {1, 1, 1, 1, 0, 1};
    float[] truth = {0.2f, 1, 0.4f, 1, 0.9f, 1};
    boolean[] first = {true, false};
    assertEquals(0.3f, RefinementFit.fittedShare(imputed, byForests, validation, truth, first, 0.5f), 1e-6);
    assertEquals(0.25f, RefinementFit.fittedShare(imputed, byForests, validation, truth, first, 0.25f), "capped");
    assertEquals(0.5f, RefinementFit.fittedShare(imputed, byForests, validation, truth, new boolean[] {true, true}, 0.5f),
        "column 1's truth is the forest's: (0.6 + 3) / 5 = 0.72, capped at 0.5");
    float[] below = {-0.2f, 1, -0.4f, 1, 0, 1};
    assertEquals(0f, RefinementFit.fittedShare(imputed, byForests, validation, below, first, 0.5f),
        "the forest on the wrong side of G_MI: no share");
    assertEquals(0f, RefinementFit.fittedShare(imputed, imputed, validation, truth, first, 0.5f),
        "forests equal to G_MI: no share");
  }

  /**
   * The eight columns of {@link StepColumns}, but G_MI
   * errs by half the forests' spread (0.025 against 0.05): the squared error of G + s·(F − G) is
   * least at s = 0.025² / (0.025² + 0.05²) = 0.2, which the fitted share finds on the ~100 pooled
   * validation cells, the same for all eight; the step-17 rule would blend them at 0.5 or not at all.
   */
  @Test
  void theColumnsThatChoseNothingBlendAtTheShareTheirPooledCellsFit() {
    RefinementSettings settings = new RefinementSettings(1, 1e-6, 2, 30, 5, false, 0, 0.5, true, 0, 0, false);
    RefinementFit.Chosen fitted = StepColumns.draw(0.025).fit(settings);
    assertNotNull(fitted);
    float[] share = fitted.forests().share();
    for (int j = 0; j < StepColumns.TARGETS; j++) {
      assertTrue(fitted.forests().blended()[j], "column " + j + " blended");
      assertEquals(share[0], share[j], "one share for the pooled columns");
    }
    assertEquals(0.2, share[0], 0.1);
  }

  @Test
  void noColumnGainingGivesNoRefinement() {
    assertNull(fit(Relation.NONE, 1, 30).chosen());
  }

  /** mtry: missForest's ⌊√d⌋ at 0, else the count asked for; at least 1, at most the d − 1 other columns. */
  @Test
  void featuresPerSplitAreTheCountAskedForUpToTheOtherColumns() {
    RefinementSettings sqrt = HexaGanConfig.DEFAULT_REFINEMENT.withForestFeatures(0);
    assertEquals(3, sqrt.featuresPerSplit(13));
    assertEquals(22, sqrt.featuresPerSplit(500));
    assertEquals(1, sqrt.featuresPerSplit(2));
    RefinementSettings defaults = HexaGanConfig.DEFAULT_REFINEMENT;
    assertEquals(12, defaults.featuresPerSplit(13), "every other column");
    assertEquals(29, defaults.featuresPerSplit(30), "every other column");
    assertEquals(32, defaults.featuresPerSplit(33), "every other column");
    assertEquals(32, defaults.featuresPerSplit(500), "the cap");
    assertEquals(1, defaults.featuresPerSplit(2));
  }

  /**
   * Column 0 steps with column 1 (0.1 or 0.9) among eight columns of noise (d = 10). Trying every
   * other column at each split (9), every tree cuts column 1 first and the forest returns the
   * step's levels; trying missForest's ⌊√10⌋ = 3, a split that did not draw column 1 cuts noise and
   * the levels blur towards each other.
   */
  @Test
  void everyColumnTriedAtEachSplitFindsTheStepAmongNoise() {
    int n = 600;
    int d = 10;
    SplittableRandom r = new SplittableRandom(5);
    float[] truth = new float[n * d];
    float[] known = new float[n * d];
    float[] validation = new float[n * d];
    float[] imputed = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int c = 1; c < d; c++) {
        truth[i * d + c] = (float) r.nextDouble();
      }
      truth[i * d] = truth[i * d + 1] < 0.5f ? 0.1f : 0.9f;
    }
    hide(r, known, validation);
    for (int i = 0; i < n * d; i++) {
      imputed[i] = known[i] > 0 ? truth[i] : 0.5f;
    }
    float[] support = PairScreening.support(imputed, known, d, 0.01);
    double[] error = new double[2];
    int[] features = {0, 9};
    for (int k = 0; k < 2; k++) {
      RefinementSettings settings = new RefinementSettings(1, 1e-6, 2, 30, 5, false, 0, 0, false, features[k], 0, false);
      ForestRefinement forests = RefinementFit.fit(imputed, known, validation, truth, support, d, settings, 7).forests();
      assertNotNull(forests);
      assertTrue(forests.replaced()[0], features[k] + " features per split: the forest imputes column 0");
      float[] missing = new float[d];
      missing[0] = 1;
      SplittableRandom probe = new SplittableRandom(9);
      for (int t = 0; t < 200; t++) {
        float[] row = new float[d];
        for (int c = 1; c < d; c++) {
          row[c] = (float) probe.nextDouble();
        }
        float level = row[1] < 0.5f ? 0.1f : 0.9f;
        error[k] += Math.abs(forests.apply(row, new float[d], missing)[0] - level) / 200;
      }
    }
    assertTrue(error[1] < 0.02, "every column per split: mean error " + error[1]);
    assertTrue(error[1] < error[0] / 2, "⌊√d⌋ per split: " + error[0] + ", every column: " + error[1]);
  }

  /**
   * Column 0 steps with column 1 (0.1 or 0.9), and column 2 is a copy of column 1; a missing cell
   * starts at a uniform draw (a "model's imputation" that knows nothing). Where column 0 and one of
   * its two predictors are missing, the first round's trees that split on the missing one read the
   * draw and half of them are wrong; regrown, they read that predictor as the round before imputed
   * it from its copy. The chain has a round per regrowth over the same columns, and its error on
   * those cells falls.
   */
  @Test
  void regrownForestsReadThePreviousRoundAndImputeBetter() {
    int n = 800;
    int d = 3;
    SplittableRandom r = new SplittableRandom(13);
    float[] truth = new float[n * d];
    float[] known = new float[n * d];
    float[] validation = new float[n * d];
    float[] imputed = new float[n * d];
    for (int i = 0; i < n; i++) {
      truth[i * d + 1] = (float) r.nextDouble();
      truth[i * d + 2] = truth[i * d + 1];
      truth[i * d] = truth[i * d + 1] < 0.5f ? 0.1f : 0.9f;
    }
    hide(r, known, validation);
    float[] missing = new float[n * d];
    for (int i = 0; i < n * d; i++) {
      imputed[i] = known[i] > 0 ? truth[i] : (float) r.nextDouble();
      missing[i] = known[i] > 0 ? 0 : 1;
    }
    float[] support = PairScreening.support(imputed, known, d, 0.01);
    double[] error = new double[2];
    int[] regrowths = {0, 2};
    for (int k = 0; k < 2; k++) {
      RefinementSettings settings = new RefinementSettings(1, 1e-6, 2, 30, 5, false, 0, 0, false, 1, regrowths[k], false);
      ForestRefinement forests = RefinementFit.fit(imputed, known, validation, truth, support, d, settings, 7).forests();
      assertNotNull(forests);
      assertEquals(1 + regrowths[k], forests.rounds());
      for (ForestRefinement round = forests; round != null; round = round.regrown()) {
        assertTrue(round.replaced()[0] && round.replaced()[1] && round.replaced()[2], "every round imputes every column");
      }
      float[] out = forests.apply(imputed, imputed, missing);
      double sum = 0;
      int cells = 0;
      for (int i = 0; i < n; i++) {
        boolean predictorMissing = missing[i * d + 1] > 0 ^ missing[i * d + 2] > 0;
        if (missing[i * d] > 0 && predictorMissing) {
          sum += square(out[i * d] - truth[i * d]);
          cells++;
        }
      }
      assertTrue(cells > 30, "cells: " + cells);
      error[k] = Math.sqrt(sum / cells);
    }
    assertTrue(error[1] < error[0] * 0.6, "one round: RMSE " + error[0] + ", regrown twice: " + error[1]);
  }

  /**
   * Column 0 is its row's class level (0.1 or 0.9); column 1 the class's level 0.3 or 0.7 plus
   * uniform noise of ±0.3, the only other trace of the class among the columns; column 2 noise. The
   * forests grown on the class as two one-hot columns, and imputing with a C that knows the class
   * (probability 0.99), impute column 0 far better than forests reading the columns alone, and the
   * refinement reads the class in every round.
   */
  @Test
  void forestsReadingTheClassImputeAClassColumn() {
    int n = 600;
    int d = 3;
    SplittableRandom r = new SplittableRandom(21);
    float[] truth = new float[n * d];
    float[] known = new float[n * d];
    float[] validation = new float[n * d];
    float[] imputed = new float[n * d];
    float[] probabilities = new float[n * 2];
    float[] oneHot = new float[n * 2];
    for (int i = 0; i < n; i++) {
      int y = r.nextInt(2);
      truth[i * d] = y == 0 ? 0.1f : 0.9f;
      truth[i * d + 1] = (float) ((y == 0 ? 0.3 : 0.7) + 0.6 * (r.nextDouble() - 0.5));
      truth[i * d + 2] = (float) r.nextDouble();
      probabilities[i * 2 + y] = 0.99f;
      probabilities[i * 2 + 1 - y] = 0.01f;
      oneHot[i * 2 + y] = 1;
    }
    hide(r, known, validation);
    float[] missing = new float[n * d];
    for (int i = 0; i < n * d; i++) {
      imputed[i] = known[i] > 0 ? truth[i] : 0.5f;
      missing[i] = known[i] > 0 ? 0 : 1;
    }
    float[] support = PairScreening.support(imputed, known, d, 0.01);
    RefinementSettings settings = new RefinementSettings(1, 1e-6, 2, 30, 5, false, 0, 0, false, 0, 1, false);
    ForestRefinement alone = RefinementFit.fit(imputed, known, validation, truth, support, d, settings, 7).forests();
    ForestRefinement reading = RefinementFit.fit(imputed, known, validation, truth, support, d,
        settings.withForestClassInputs(true), 7, new RefinementFit.ClassInputs(oneHot, probabilities, 2)).forests();
    assertNotNull(alone);
    assertNotNull(reading);
    assertEquals(0, alone.inputs());
    for (ForestRefinement round = reading; round != null; round = round.regrown()) {
      assertEquals(2, round.inputs(), "every round reads the class probabilities");
    }
    assertTrue(reading.replaced()[0], "column 0 is imputed by its forest");
    double[] error = new double[2];
    float[] byAlone = alone.apply(imputed, imputed, missing);
    float[] byReading = reading.apply(imputed, imputed, missing, imputed, probabilities);
    int cells = 0;
    for (int i = 0; i < n; i++) {
      if (missing[i * d] > 0) {
        error[0] += square(byAlone[i * d] - truth[i * d]);
        error[1] += square(byReading[i * d] - truth[i * d]);
        cells++;
      }
    }
    assertTrue(cells > 80, "cells: " + cells);
    error[0] = Math.sqrt(error[0] / cells);
    error[1] = Math.sqrt(error[1] / cells);
    assertTrue(error[1] < 0.05, "reading the class: RMSE " + error[1]);
    assertTrue(error[1] < error[0] / 3, "the columns alone: RMSE " + error[0] + ", reading the class: " + error[1]);
  }

  /** The classes the forests grow on: the label where training knew it, else C's most probable class. */
  @Test
  void classInputsAreTheKnownLabelsElseCsMostProbableClass() {
    double[][] values = {{0.1}, {0.2}, {0.3}, {0.4}};
    MaskedTable table = new MaskedTable(values, new int[] {2, MaskedTable.UNLABELED, 0, 1}, List.of("a"),
        List.of("x", "y", "z"));
    // Row 3's label is hidden for validation: training did not know it.
    ValidationSplit split = new ValidationSplit(new boolean[4][1], new boolean[4], new int[] {3}, 0);
    float[] p = {0.1f, 0.2f, 0.7f, 0.2f, 0.5f, 0.3f, 0.6f, 0.3f, 0.1f, 0.7f, 0.2f, 0.1f};
    RefinementFit.ClassInputs inputs = RefinementFit.ClassInputs.of(table, split, p);
    assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0}, inputs.oneHot());
    assertArrayEquals(p, inputs.probabilities());
    assertEquals(3, inputs.count());
  }

  private static double square(double x) {
    return x * x;
  }
}
