package io.hexagan.eval;

/**
 * Fills each missing cell with its column's mean over the observed training cells (0 for a column
 * with no observed training cell).
 */
public final class MeanImputer implements Imputer {

  @Override
  public String name() {
    return "mean";
  }

  @Override
  public FittedImputer fit(double[][] train) {
    int d = Cells.columnsOf(train, "train");
    return new ConstantFill(Cells.observedMeans(train, d));
  }
}
