package io.hexagan.eval;

/** Fills every missing cell with 0, the paper's "zeros" baseline (the minimum of a [0,1] column). */
public final class ZeroImputer implements Imputer {

  @Override
  public String name() {
    return "zero";
  }

  @Override
  public FittedImputer fit(double[][] train) {
    return new ConstantFill(new double[Cells.columnsOf(train, "train")]);
  }
}
