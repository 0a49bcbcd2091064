package io.hexagan.eval;

/**
 * A way of filling missing cells: learns from a training matrix, then imputes any matrix with the
 * same columns.
 *
 * <p>Inputs are min-max scaled to [0,1] with {@code NaN} for a missing cell. Implementations never
 * alter an observed cell and never modify their arguments.
 */
public interface Imputer {

  /** A short name for reports, e.g. {@code "knn"}. */
  String name();

  /**
   * Learns what this imputer needs from {@code train}.
   *
   * @param train rows × columns, {@code NaN} for a missing cell; at least one row and one column
   * @return a fitted imputer that fills a row from what was learned here and the row's own
   *     observed cells only
   */
  FittedImputer fit(double[][] train);

  /**
   * Imputes the matrix it learns from (the transductive protocol of the paper's experiments). The
   * default is {@code fit(train).impute(train)}; methods that are transductive by nature
   * (soft-impute, missForest) return the imputation their fit produced.
   */
  default double[][] fitImpute(double[][] train) {
    return fit(train).impute(train);
  }
}
