package io.hexagan.eval;

import io.hexagan.io.MinMaxScaler;

/**
 * A plain imputer under the protocol: fitted on the training rows (scaled to [0,1] with the
 * training rows' observed min and max), then imputing the test rows from what it learned and each
 * row's own observed cells.
 */
public record ImputerMethod(Imputer imputer) implements EvaluationMethod {

  @Override
  public String name() {
    return imputer.name();
  }

  @Override
  public MethodOutput run(FoldData fold) {
    int d = fold.columns().size();
    FoldImputers.Fit fit = fold.imputers().fit(imputer, fold);
    MinMaxScaler scaler = fit.scaler();
    double[][] imputed = fit.fitted().impute(scale(fold.testValues(), scaler));
    for (double[] row : imputed) {
      for (int c = 0; c < d; c++) {
        row[c] = scaler.inverse(c, row[c]);
      }
    }
    // Observed test cells leave as they came in (the round trip through the scale is not exact).
    for (int r = 0; r < imputed.length; r++) {
      for (int c = 0; c < d; c++) {
        if (!Double.isNaN(fold.testValues()[r][c])) {
          imputed[r][c] = fold.testValues()[r][c];
        }
      }
    }
    return new MethodOutput(imputed, null, null);
  }

  static double[][] scale(double[][] values, MinMaxScaler scaler) {
    double[][] out = new double[values.length][];
    for (int r = 0; r < values.length; r++) {
      out[r] = new double[values[r].length];
      for (int c = 0; c < values[r].length; c++) {
        double v = values[r][c];
        out[r][c] = Double.isNaN(v) ? Double.NaN : scaler.transform(c, v);
      }
    }
    return out;
  }
}
