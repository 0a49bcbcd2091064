package io.hexagan.eval;

/** Fills each missing cell with a fixed value per column. */
record ConstantFill(double[] fill) implements FittedImputer {

  ConstantFill {
    fill = fill.clone();
  }

  @Override
  public int columns() {
    return fill.length;
  }

  @Override
  public double[][] impute(double[][] values) {
    Cells.check(values, fill.length, "values");
    return Cells.filled(values, fill);
  }
}
