package io.hexagan.eval;

/** An {@link Imputer} after fitting: fills the missing cells of rows with the fitted columns. */
public interface FittedImputer {

  /** Number of columns a row must have. */
  int columns();

  /**
   * Fills every {@code NaN} cell of {@code values}.
   *
   * @param values rows of {@link #columns()} values, {@code NaN} for a missing cell; not modified
   * @return a new matrix of the same shape without {@code NaN}, whose observed cells are copies of
   *     the input's
   */
  double[][] impute(double[][] values);
}
