package io.hexagan.training;

/**
 * Chained linear regressions over G_MI's imputation ({@link io.hexagan.graph.LinearRefinement}),
 * fitted after training on the model's imputation of its own training rows, and kept per column
 * where they imputed the validation cells better.
 *
 * @param passes how many times the regressions run, each from the previous pass's table; 0 = off
 * @param ridge ridge weight per fitted row on the regression weights (the intercept is free)
 * @param minGainT the least t statistic of a column's mean gain in squared error on its validation
 *     cells for the refined cells to replace G_MI's (0: any gain)
 */
public record RefinementSettings(int passes, double ridge, double minGainT) {

  /** No refinement: G_MI's imputation is the output, as in the paper. */
  public static final RefinementSettings OFF = new RefinementSettings(0, 3e-4, 2);

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
  }

  /** Whether a refinement is fitted. */
  public boolean on() {
    return passes > 0;
  }

  /** This with {@link #passes()} replaced. */
  public RefinementSettings withPasses(int p) {
    return new RefinementSettings(p, ridge, minGainT);
  }
}
