package io.hexagan.eval;

/**
 * A fitted linear predictor {@code intercept + Σ_j coefficients[j] · x_j}.
 *
 * @param intercept the constant term
 * @param coefficients one weight per input column
 */
public record LinearModel(double intercept, double[] coefficients) {

  public LinearModel {
    if (coefficients == null) {
      throw new IllegalArgumentException("coefficients: expected an array, found null");
    }
    if (!Double.isFinite(intercept)) {
      throw new IllegalArgumentException("intercept: expected a finite number, found " + intercept);
    }
    for (int j = 0; j < coefficients.length; j++) {
      if (!Double.isFinite(coefficients[j])) {
        throw new IllegalArgumentException("coefficient " + j + ": expected a finite number, found " + coefficients[j]);
      }
    }
    coefficients = coefficients.clone();
  }

  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  /** The prediction for {@code x}, which has one value per coefficient. */
  public double predict(double[] x) {
    if (x.length != coefficients.length) {
      throw new IllegalArgumentException("x: expected " + coefficients.length + " values, found " + x.length);
    }
    double s = intercept;
    for (int j = 0; j < coefficients.length; j++) {
      s += coefficients[j] * x[j];
    }
    return s;
  }
}
