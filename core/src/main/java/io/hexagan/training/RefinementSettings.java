package io.hexagan.training;

/**
 * Refinements of G_MI's imputation fitted after training on the model's imputation of its own
 * training rows, kept per column where they imputed the validation cells better: chained linear
 * regressions ({@link io.hexagan.graph.LinearRefinement}) and random forests ({@link
 * io.hexagan.graph.ForestRefinement}). A column whose regression and forest both pass takes the
 * one that gained more.
 *
 * @param passes how many times the regressions run, each from the previous pass's table; 0 turns
 *     every refinement off, the forests included
 * @param ridge ridge weight per fitted row on the regression weights (the intercept is free)
 * @param minGainT the least t statistic of a column's mean gain in squared error on its validation
 *     cells for the refined cells to replace G_MI's (0: any gain)
 * @param forestTrees trees per column's forest; 0: no forests
 * @param forestMinLeaf least rows in a forest's leaf
 * @param componentPredictors whether a column's regression reads every column of its connected
 *     component of screened pairs ({@link PairScreening#components}) instead of its screened
 *     partners alone
 * @param classifierTrees trees per class of a random forest classifier over the served imputation,
 *     reading the columns in components of screened pairs, that serves the class probabilities
 *     instead of C where it beat C on the validation labels (Brier score, t ≥ {@code minGainT},
 *     and no class's F1 below C's); 0: C always
 * @param blendShare a third candidate beside a column's regression and forest: G_MI's cells and the
 *     forest's mixed, the forest weighted by this share (0: not offered; needs forests)
 * @param fittedPooledShare how the forest columns whose own validation cells chose nothing blend
 *     together: true, at the share that minimises the squared error of their validation cells pooled
 *     (least squares, at most {@code blendShare}; not at all when it is 0); false, at {@code
 *     blendShare} when their pooled cells gained with t ≥ {@code minGainT} (step 17)
 * @param forestFeatures how many of the d − 1 other columns each split of a column's forest draws
 *     and searches ({@link #featuresPerSplit mtry}): k ≥ 1 tries min(k, d − 1), every other column
 *     of a table of up to k + 1 columns (bagged trees); 0 tries missForest's ⌊√d⌋ (step 18 and
 *     before)
 * @param forestRegrowths how many more times, after the choice, the chosen columns' forests are
 *     grown again on the table the previous round imputed and impute it again, reading it (as
 *     missForest iterates); 0: one round (step 19 and before)
 * @param forestClassInputs whether the forests also read the row's class, as one-hot columns after
 *     the d imputed ones: grown on the labels training knew (C's most probable class elsewhere),
 *     and imputing a row as every class's forest mean weighted by C's probability of the class
 *     (tables with a label; step 20 and before: false)
 */
public record RefinementSettings(int passes, double ridge, double minGainT, int forestTrees, int forestMinLeaf,
    boolean componentPredictors, int classifierTrees, double blendShare, boolean fittedPooledShare,
    int forestFeatures, int forestRegrowths, boolean forestClassInputs) {

  /** No refinement: G_MI's imputation is the output, as in the paper. */
  public static final RefinementSettings OFF = new RefinementSettings(0, 3e-4, 2, 0, 5, false, 0, 0, false, 0, 0, false);

  public RefinementSettings {
    if (passes < 0 || passes > 100) {
      throw new IllegalArgumentException("refinement.passes: expected 0 (off) to 100, found " + passes);
    }
    if (!(ridge > 0) || Double.isInfinite(ridge)) {
      throw new IllegalArgumentException("refinement.ridge: expected a finite number > 0, found " + ridge);
    }
    if (!(minGainT >= 0) || Double.isInfinite(minGainT)) {
      throw new IllegalArgumentException("refinement.minGainT: expected a finite number ≥ 0, found " + minGainT);
    }
    if (forestTrees < 0 || forestTrees > 1000) {
      throw new IllegalArgumentException("refinement.forestTrees: expected 0 (no forests) to 1000, found " + forestTrees);
    }
    if (classifierTrees < 0 || classifierTrees > 1000) {
      throw new IllegalArgumentException("refinement.classifierTrees: expected 0 (C alone) to 1000, found " + classifierTrees);
    }
    if (!(blendShare >= 0 && blendShare < 1)) {
      throw new IllegalArgumentException("refinement.blendShare: expected 0 (no blend) or a share below 1, found "
          + blendShare);
    }
    if (forestMinLeaf < 1) {
      throw new IllegalArgumentException("refinement.forestMinLeaf: expected ≥ 1, found " + forestMinLeaf);
    }
    if (forestFeatures < 0) {
      throw new IllegalArgumentException("refinement.forestFeatures: expected 0 (⌊√d⌋) or a count ≥ 1, found "
          + forestFeatures);
    }
    if (forestRegrowths < 0 || forestRegrowths > MAX_FOREST_REGROWTHS) {
      throw new IllegalArgumentException("refinement.forestRegrowths: expected 0 (one round) to " + MAX_FOREST_REGROWTHS
          + ", found " + forestRegrowths);
    }
  }

  /** The most times the forests may be grown again ({@link #forestRegrowths()}). */
  public static final int MAX_FOREST_REGROWTHS = 20;

  /**
   * The columns each split of a refinement forest of a table of {@code d} columns draws and
   * searches (mtry): {@link #forestFeatures()}, or missForest's ⌊√d⌋ when that is 0; at least 1,
   * at most the d − 1 columns besides the forest's own.
   */
  public int featuresPerSplit(int d) {
    int mtry = forestFeatures > 0 ? forestFeatures : (int) Math.floor(Math.sqrt(d));
    return Math.max(1, Math.min(mtry, d - 1));
  }

  /** Whether a refinement is fitted. */
  public boolean on() {
    return passes > 0;
  }

  /** Whether a forest classifier is grown and offered against C. */
  public boolean classifier() {
    return on() && classifierTrees > 0;
  }

  /** This with {@link #classifierTrees()} replaced. */
  public RefinementSettings withClassifierTrees(int trees) {
    return new RefinementSettings(passes, ridge, minGainT, forestTrees, forestMinLeaf, componentPredictors, trees,
        blendShare, fittedPooledShare, forestFeatures, forestRegrowths, forestClassInputs);
  }

  /** Whether forests are grown beside the regressions. */
  public boolean forests() {
    return on() && forestTrees > 0;
  }

  /** This with {@link #passes()} replaced. */
  public RefinementSettings withPasses(int p) {
    return new RefinementSettings(p, ridge, minGainT, forestTrees, forestMinLeaf, componentPredictors, classifierTrees,
        blendShare, fittedPooledShare, forestFeatures, forestRegrowths, forestClassInputs);
  }

  /** This with {@link #forestTrees()} replaced. */
  public RefinementSettings withForestTrees(int trees) {
    return new RefinementSettings(passes, ridge, minGainT, trees, forestMinLeaf, componentPredictors, classifierTrees,
        blendShare, fittedPooledShare, forestFeatures, forestRegrowths, forestClassInputs);
  }

  /** Whether a column may take G_MI's cells and its forest's mixed ({@link #blendShare()}). */
  public boolean blends() {
    return forests() && blendShare > 0;
  }

  /** This with {@link #blendShare()} replaced. */
  public RefinementSettings withBlendShare(double share) {
    return new RefinementSettings(passes, ridge, minGainT, forestTrees, forestMinLeaf, componentPredictors,
        classifierTrees, share, fittedPooledShare, forestFeatures, forestRegrowths, forestClassInputs);
  }

  /** This with {@link #fittedPooledShare()} replaced. */
  public RefinementSettings withFittedPooledShare(boolean fitted) {
    return new RefinementSettings(passes, ridge, minGainT, forestTrees, forestMinLeaf, componentPredictors,
        classifierTrees, blendShare, fitted, forestFeatures, forestRegrowths, forestClassInputs);
  }

  /** This with {@link #componentPredictors()} replaced. */
  public RefinementSettings withComponentPredictors(boolean on) {
    return new RefinementSettings(passes, ridge, minGainT, forestTrees, forestMinLeaf, on, classifierTrees,
        blendShare, fittedPooledShare, forestFeatures, forestRegrowths, forestClassInputs);
  }

  /** This with {@link #forestFeatures()} replaced. */
  public RefinementSettings withForestFeatures(int features) {
    return new RefinementSettings(passes, ridge, minGainT, forestTrees, forestMinLeaf, componentPredictors,
        classifierTrees, blendShare, fittedPooledShare, features, forestRegrowths, forestClassInputs);
  }

  /** This with {@link #forestRegrowths()} replaced. */
  public RefinementSettings withForestRegrowths(int regrowths) {
    return new RefinementSettings(passes, ridge, minGainT, forestTrees, forestMinLeaf, componentPredictors,
        classifierTrees, blendShare, fittedPooledShare, forestFeatures, regrowths, forestClassInputs);
  }

  /** This with {@link #forestClassInputs()} replaced. */
  public RefinementSettings withForestClassInputs(boolean on) {
    return new RefinementSettings(passes, ridge, minGainT, forestTrees, forestMinLeaf, componentPredictors,
        classifierTrees, blendShare, fittedPooledShare, forestFeatures, forestRegrowths, on);
  }
}
