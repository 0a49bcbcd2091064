package io.hexagan.graph;

/**
 * Widths and activations of the six networks. A width of 0 means "derived from the number of
 * features d" by {@link #resolve(int)}.
 *
 * <p>The paper leaves these open; the authors' released code uses one hidden ReLU layer of width
 * d/2 in every network and d_h = d/2 ({@link #paper()}).
 *
 * @param hiddenUnits width of every hidden layer; 0 = 128, -1 = d/2. 128 measured better than d and
 *     than 256 on breast, wine and credit (docs/RESULTS.md), and keeps the element-wise penalty,
 *     whose cost grows as d² × width, affordable at d = 500
 * @param hiddenLayers hidden layers per network (1 in the authors' code; 2 measured better for the
 *     imputer on breast, wine and credit)
 * @param latentDim d_h, the dimension of the hidden space of E, G_CG and D_CG; 0 = {@code clamp(d,
 *     16, 64)}, -1 = d/2
 * @param conditionalNoiseDim dimension of z_c, the noise of G_CG; 0 = d_h
 * @param activation activation of every hidden layer
 * @param latentActivation output activation of E and G_CG (the hidden space): tanh keeps h
 *     bounded so that D_CG compares like with like
 */
public record Architecture(
    int hiddenUnits,
    int hiddenLayers,
    int latentDim,
    int conditionalNoiseDim,
    Activation activation,
    Activation latentActivation) {

  public Architecture {
    requireNonNegative("hiddenUnits", hiddenUnits);
    if (hiddenLayers < 1 || hiddenLayers > 8) {
      throw new IllegalArgumentException("hiddenLayers: expected 1 to 8, found " + hiddenLayers);
    }
    requireNonNegative("latentDim", latentDim);
    requireNonNegative("conditionalNoiseDim", conditionalNoiseDim);
    if (activation == null || latentActivation == null) {
      throw new IllegalArgumentException("activation: expected a value, found null");
    }
  }

  /** hexagan's defaults. */
  public static Architecture defaults() {
    return new Architecture(0, 2, 0, 0, Activation.RELU, Activation.TANH);
  }

  /** The authors' released code: one hidden ReLU layer of width d/2, d_h = d/2. */
  public static Architecture paper() {
    return new Architecture(HALF_OF_FEATURES, 1, HALF_OF_FEATURES, 0, Activation.RELU, Activation.TANH);
  }

  /** Width marker meaning "d/2", the authors' choice. */
  public static final int HALF_OF_FEATURES = -1;

  /** Width marker meaning "derived from d by hexagan's rule". */
  public static final int AUTO = 0;

  /** This architecture with {@code hiddenUnits} replaced. */
  public Architecture withHiddenUnits(int units) {
    return new Architecture(units, hiddenLayers, latentDim, conditionalNoiseDim, activation, latentActivation);
  }

  /** This architecture with {@code latentDim} replaced. */
  public Architecture withLatentDim(int dim) {
    return new Architecture(hiddenUnits, hiddenLayers, dim, conditionalNoiseDim, activation, latentActivation);
  }

  /** This architecture with the hidden activation replaced. */
  public Architecture withActivation(Activation act) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, act, latentActivation);
  }

  /** Concrete widths for a table of {@code features} columns. */
  public Resolved resolve(int features) {
    int half = Math.max(1, features / 2);
    int units =
        hiddenUnits == HALF_OF_FEATURES ? half : hiddenUnits > 0 ? hiddenUnits : 128;
    int latent =
        latentDim == HALF_OF_FEATURES ? half : latentDim > 0 ? latentDim : clamp(features, 16, 64);
    int noise = conditionalNoiseDim > 0 ? conditionalNoiseDim : latent;
    return new Resolved(units, hiddenLayers, latent, noise, activation, latentActivation);
  }

  /** Widths with every "auto" replaced by a number. */
  public record Resolved(
      int hiddenUnits, int hiddenLayers, int latentDim, int conditionalNoiseDim,
      Activation activation, Activation latentActivation) {

    /** Layer widths {@code [in, hidden × hiddenLayers, out]}. */
    public int[] widths(int in, int out) {
      int[] w = new int[hiddenLayers + 2];
      w[0] = in;
      for (int k = 1; k <= hiddenLayers; k++) {
        w[k] = hiddenUnits;
      }
      w[hiddenLayers + 1] = out;
      return w;
    }
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static void requireNonNegative(String name, int v) {
    if (v < HALF_OF_FEATURES) {
      throw new IllegalArgumentException(
          name + ": expected a positive width, 0 (auto) or -1 (d/2), found " + v);
    }
  }
}
