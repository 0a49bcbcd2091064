package io.hexagan.graph;

/**
 * Widths and activations of the six networks. A width of 0 means "derived from the number of
 * features d" by {@link #resolve(int)}.
 *
 * <p>The paper leaves these open; the authors' released code uses one hidden ReLU layer of width
 * d/2 in every network and d_h = d/2 ({@link #paper()}).
 *
 * @param hiddenUnits width of the hidden layers of E, G_MI, G_CG and C; -1 = d/2; 0 = 128 (the
 *     default until 256 replaced it: a model written with 0 loads at the width it was trained
 *     with). 256, the default, imputed better than 128 on breast, wine and credit and the same on
 *     madelon; 128 better than clamp(d, 32, 128) (docs/RESULTS.md)
 * @param hiddenLayers hidden layers of E, G_MI, G_CG and C (1 in the authors' code; 2 imputed no
 *     better on breast and wine and cost more)
 * @param latentDim d_h, the dimension of the hidden space of E, G_CG and D_CG; 0 = {@code clamp(d,
 *     16, 64)}, -1 = d/2
 * @param conditionalNoiseDim dimension of z_c, the noise of G_CG; 0 = d_h
 * @param criticUnits width of the hidden layers of the critics D_MI and D_CG; 0 = {@code clamp(d,
 *     32, 128)}, -1 = d/2. The critics stay narrower than the imputer: D_MI's element-wise penalty
 *     runs D_MI on the batch tiled once per output, so its width multiplies the cost of an iteration
 * @param criticLayers hidden layers of the critics
 * @param activation activation of every hidden layer
 * @param latentActivation output activation of E and G_CG (the hidden space): tanh keeps h
 *     bounded so that D_CG compares like with like
 * @param kind dense or convolutional E, G_MI and D_MI; null (a config written before this option)
 *     reads as {@link NetworkKind#DENSE}
 * @param image the image layout and filter counts of the convolutional networks; {@link
 *     ImageLayout#NONE} (or null) for dense ones
 * @param linearSkip whether G_MI has a linear path from the observed cells to its output logits
 *     beside E and its hidden layers ({@link SkipConnectedNetwork}); dense networks only, always
 *     false for convolutional ones; false, as in the paper, in a config written before this option
 * @param chainedSkip whether the linear skip path runs twice, MICE-style: the first pass predicts
 *     the cells E did not see from the cells E saw, the second from every observed cell with the
 *     missing ones holding the first pass's estimates ({@link SkipConnectedNetwork}); needs {@code
 *     linearSkip}; false in a config written before this option
 * @param members K, the number of copies of the six networks, each initialised from its own seeds,
 *     trained side by side in one graph ({@link Members}); imputations and class probabilities are
 *     the members' mean, {@code generate} draws from member 0. 0 (a config written before this
 *     option) reads as 1, the paper's single model
 * @param refinerUnits width of the two hidden layers of a dense G_MI's refiner out of the game
 *     ({@link TableRefinerNetwork}): a nonlinear model of the cells E did not see from those it saw
 *     and h, trained on the cells the input dropout hid, its term added to G_MI's logits at
 *     inference only; 0 (and a config written before this option): none; always 0 for
 *     convolutional networks, whose refiner is {@link ImageLayout#refinerFilters()}
 * @param skipOutsideSigmoid whether the linear skip path adds to G_MI's output in [0,1], after the
 *     sigmoid, the sum clipped to [0,1] ({@link SkipConnectedNetwork}), instead of to its logits: a
 *     column linear in others stays linear, where inside the sigmoid the path must bend it; needs
 *     {@code linearSkip} and no refiner; false in a config written before this option
 * @param levelIndicators the most distinct observed values a column may take for E to read its
 *     levels as indicators beside (x̃, m) ({@link LevelIndicators}): columns with 3 to this many
 *     values get one input per value; 0 (and a config written before this option): none, as in the
 *     paper; dense networks only
 * @param quantileInputs K: E also reads every column's rank among the training table's observed
 *     cells, through its quantiles at 0, 1/K, …, 1 ({@link QuantileRanks}); 0 (and a config
 *     written before this option): none, as in the paper; dense networks only
 * @param imputerLayerNorm whether the hidden layers of E and G_MI normalise each row's
 *     pre-activations to mean 0 and variance 1 before the activation (layer normalisation without
 *     gain or bias: {@link DenseNetwork#withNormalizedHidden()}); dense networks only; false (and a
 *     config written before this option), as in the paper
 * @param outputMargin a: G_MI's output is {@code clip((1 + 2a) σ(z) − a, 0, 1)} instead of
 *     {@code σ(z)}, so that it reaches a column's least and greatest value (0 and 1 once scaled)
 *     at finite logits, where the plain sigmoid only approaches them with a vanishing gradient;
 *     for columns with many cells at an end of their range (amounts of 0, the lowest status
 *     level). 0 to 0.5; needs {@code linearSkip} (off without it) and no refiner; 0 (and a config
 *     written before this option): the plain sigmoid, as in the paper
 */
public record Architecture(
    int hiddenUnits,
    int hiddenLayers,
    int latentDim,
    int conditionalNoiseDim,
    int criticUnits,
    int criticLayers,
    Activation activation,
    Activation latentActivation,
    NetworkKind kind,
    ImageLayout image,
    boolean linearSkip,
    boolean chainedSkip,
    int members,
    int refinerUnits,
    boolean skipOutsideSigmoid,
    int levelIndicators,
    int quantileInputs,
    boolean imputerLayerNorm,
    double outputMargin) {

  public Architecture {
    kind = kind == null ? NetworkKind.DENSE : kind;
    image = image == null ? ImageLayout.NONE : image;
    if (kind == NetworkKind.CONVOLUTIONAL && image.empty()) {
      throw new IllegalArgumentException("image: expected an image layout for convolutional networks, found none");
    }
    // A convolutional G_MI has no skip path: a config laid over the (dense) defaults turns it off.
    linearSkip = linearSkip && kind != NetworkKind.CONVOLUTIONAL;
    chainedSkip = chainedSkip && linearSkip;
    skipOutsideSigmoid = skipOutsideSigmoid && linearSkip;
    if (!(outputMargin >= 0 && outputMargin <= MAX_OUTPUT_MARGIN)) {
      throw new IllegalArgumentException("outputMargin: expected 0 to " + MAX_OUTPUT_MARGIN + ", found " + outputMargin);
    }
    outputMargin = linearSkip ? outputMargin : 0;
    members = members == 0 ? 1 : members;
    levelIndicators = kind == NetworkKind.CONVOLUTIONAL ? 0 : levelIndicators;
    quantileInputs = kind == NetworkKind.CONVOLUTIONAL ? 0 : quantileInputs;
    imputerLayerNorm = imputerLayerNorm && kind != NetworkKind.CONVOLUTIONAL;
    if (quantileInputs < 0 || quantileInputs > MAX_QUANTILE_SEGMENTS) {
      throw new IllegalArgumentException(
          "quantileInputs: expected 0 to " + MAX_QUANTILE_SEGMENTS + ", found " + quantileInputs);
    }
    if (levelIndicators < 0 || levelIndicators > MAX_LEVEL_INDICATORS) {
      throw new IllegalArgumentException(
          "levelIndicators: expected 0 to " + MAX_LEVEL_INDICATORS + ", found " + levelIndicators);
    }
    refinerUnits = kind == NetworkKind.CONVOLUTIONAL ? 0 : refinerUnits;
    if (refinerUnits < 0 || refinerUnits > 4096) {
      throw new IllegalArgumentException("refinerUnits: expected 0 to 4096, found " + refinerUnits);
    }
    if (outputMargin > 0 && refinerUnits > 0) {
      throw new IllegalArgumentException(
          "outputMargin: the refiner adds to G_MI's logits and is read through the plain sigmoid; found refinerUnits " + refinerUnits);
    }
    if (skipOutsideSigmoid && refinerUnits > 0) {
      throw new IllegalArgumentException(
          "skipOutsideSigmoid: the refiner adds to G_MI's logits, so it needs the skip path inside the sigmoid; found refinerUnits " + refinerUnits);
    }
    if (members < 1 || members > MAX_MEMBERS) {
      throw new IllegalArgumentException("members: expected 1 to " + MAX_MEMBERS + ", found " + members);
    }
    requireNonNegative("hiddenUnits", hiddenUnits);
    if (hiddenLayers < 1 || hiddenLayers > 8) {
      throw new IllegalArgumentException("hiddenLayers: expected 1 to 8, found " + hiddenLayers);
    }
    requireNonNegative("latentDim", latentDim);
    requireNonNegative("conditionalNoiseDim", conditionalNoiseDim);
    requireNonNegative("criticUnits", criticUnits);
    if (criticLayers < 1 || criticLayers > 8) {
      throw new IllegalArgumentException("criticLayers: expected 1 to 8, found " + criticLayers);
    }
    if (activation == null || latentActivation == null) {
      throw new IllegalArgumentException("activation: expected a value, found null");
    }
  }

  /**
   * hexagan's default widths: E, G_MI, G_CG and C {@value #DEFAULT_HIDDEN_UNITS} wide, the rest
   * derived from d; no skip path (hexagan's defaults switch it on in {@code HexaGanConfig.defaults()}).
   */
  public static Architecture defaults() {
    return new Architecture(DEFAULT_HIDDEN_UNITS, 1, 0, 0, 0, 1, Activation.RELU, Activation.TANH, NetworkKind.DENSE,
        ImageLayout.NONE, false, false, 1, 0, false, 0, 0);
  }

  /** Width of the hidden layers of E, G_MI, G_CG and C in {@link #defaults()}. */
  public static final int DEFAULT_HIDDEN_UNITS = 256;

  /** The authors' released code: one hidden ReLU layer of width d/2, d_h = d/2. */
  public static Architecture paper() {
    return new Architecture(HALF_OF_FEATURES, 1, HALF_OF_FEATURES, 0, HALF_OF_FEATURES, 1, Activation.RELU,
        Activation.TANH, NetworkKind.DENSE, ImageLayout.NONE, false, false, 1, 0, false, 0, 0);
  }

  /** Width marker meaning "d/2", the authors' choice. */
  public static final int HALF_OF_FEATURES = -1;

  /** Width marker meaning "derived from d by hexagan's rule". */
  public static final int AUTO = 0;

  /** This architecture with {@code hiddenUnits} replaced. */
  public Architecture withHiddenUnits(int units) {
    return new Architecture(units, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers, activation,
        latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits, skipOutsideSigmoid,
        levelIndicators, quantileInputs, imputerLayerNorm, outputMargin);
  }

  /** This architecture with {@code latentDim} replaced. */
  public Architecture withLatentDim(int dim) {
    return new Architecture(hiddenUnits, hiddenLayers, dim, conditionalNoiseDim, criticUnits, criticLayers, activation,
        latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits, skipOutsideSigmoid,
        levelIndicators, quantileInputs, imputerLayerNorm, outputMargin);
  }

  /** This architecture with the hidden activation replaced. */
  public Architecture withActivation(Activation act) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers, act,
        latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits, skipOutsideSigmoid,
        levelIndicators, quantileInputs, imputerLayerNorm, outputMargin);
  }

  /** This architecture with convolutional E, G_MI and D_MI over images laid out as {@code layout}. */
  public Architecture withImage(ImageLayout layout) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
        activation, latentActivation, NetworkKind.CONVOLUTIONAL, layout, false, false, members, 0, false, 0, 0, false,
        0);
  }

  /** This architecture with the critics' hidden width replaced. */
  public Architecture withCriticUnits(int units) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, units, criticLayers,
        activation, latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits, skipOutsideSigmoid,
        levelIndicators, quantileInputs, imputerLayerNorm, outputMargin);
  }

  /** This architecture with G_MI's linear skip path on or off. */
  public Architecture withLinearSkip(boolean on) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
        activation, latentActivation, kind, image, on, chainedSkip, members, refinerUnits, skipOutsideSigmoid,
        levelIndicators, quantileInputs, imputerLayerNorm, outputMargin);
  }

  /** This architecture with G_MI's linear skip path run twice ({@link #chainedSkip()}) or once. */
  public Architecture withChainedSkip(boolean on) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
        activation, latentActivation, kind, image, linearSkip, on, members, refinerUnits, skipOutsideSigmoid,
        levelIndicators, quantileInputs, imputerLayerNorm, outputMargin);
  }

  /** This architecture with the skip path added after G_MI's sigmoid ({@link #skipOutsideSigmoid()}) or inside it. */
  public Architecture withSkipOutsideSigmoid(boolean on) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
        activation, latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits, on,
        levelIndicators, quantileInputs, imputerLayerNorm, outputMargin);
  }

  /** This architecture with {@code k} ensemble members. */
  public Architecture withMembers(int k) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
        activation, latentActivation, kind, image, linearSkip, chainedSkip, k, refinerUnits, skipOutsideSigmoid,
        levelIndicators, quantileInputs, imputerLayerNorm, outputMargin);
  }

  /** This architecture with a table refiner of {@code units} units beside G_MI ({@link #refinerUnits()}; 0: none). */
  public Architecture withRefinerUnits(int units) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
        activation, latentActivation, kind, image, linearSkip, chainedSkip, members, units, skipOutsideSigmoid,
        levelIndicators, quantileInputs, imputerLayerNorm, outputMargin);
  }

  /** This architecture with level indicators for columns of 3 to {@code maxLevels} values ({@link #levelIndicators()}; 0: none). */
  public Architecture withLevelIndicators(int maxLevels) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
        activation, latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits, skipOutsideSigmoid,
        maxLevels, quantileInputs, imputerLayerNorm, outputMargin);
  }

  /** This architecture with E reading every column's quantile rank over {@code segments} segments ({@link #quantileInputs()}; 0: none). */
  public Architecture withQuantileInputs(int segments) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
        activation, latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits, skipOutsideSigmoid,
        levelIndicators, segments, imputerLayerNorm, outputMargin);
  }

  /** This architecture with E's and G_MI's hidden layers normalised ({@link #imputerLayerNorm()}) or not. */
  public Architecture withImputerLayerNorm(boolean on) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
        activation, latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits, skipOutsideSigmoid,
        levelIndicators, quantileInputs, on, outputMargin);
  }

  /** This architecture with G_MI's output stretched by the margin {@code a} ({@link #outputMargin()}; 0: the plain sigmoid). */
  public Architecture withOutputMargin(double a) {
    return new Architecture(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
        activation, latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits, skipOutsideSigmoid,
        levelIndicators, quantileInputs, imputerLayerNorm, a);
  }

  /**
   * The architecture of the first seventeen fields, E's and G_MI's hidden layers not normalised,
   * G_MI's output the plain sigmoid.
   */
  public Architecture(int hiddenUnits, int hiddenLayers, int latentDim, int conditionalNoiseDim, int criticUnits,
      int criticLayers, Activation activation, Activation latentActivation, NetworkKind kind, ImageLayout image,
      boolean linearSkip, boolean chainedSkip, int members, int refinerUnits, boolean skipOutsideSigmoid,
      int levelIndicators, int quantileInputs) {
    this(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers, activation,
        latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits, skipOutsideSigmoid,
        levelIndicators, quantileInputs, false, 0);
  }

  /** The most segments {@link #quantileInputs()} accepts. */
  public static final int MAX_QUANTILE_SEGMENTS = 1024;

  /** The most levels {@link #levelIndicators()} accepts. */
  public static final int MAX_LEVEL_INDICATORS = 256;

  /** The largest {@link #outputMargin()} accepts. */
  public static final double MAX_OUTPUT_MARGIN = 0.5;

  /** The largest ensemble {@link #members()} accepts. */
  public static final int MAX_MEMBERS = 16;

  /** Concrete widths for a table of {@code features} columns. */
  public Resolved resolve(int features) {
    if (kind == NetworkKind.CONVOLUTIONAL && image.pixels() != features) {
      throw new IllegalArgumentException("image: a " + image.height() + "×" + image.width() + "×" + image.channels()
          + " image has " + image.pixels() + " values, but the table has " + features + " feature columns");
    }
    int half = Math.max(1, features / 2);
    int units =
        hiddenUnits == HALF_OF_FEATURES ? half : hiddenUnits > 0 ? hiddenUnits : 128;
    int latent =
        latentDim == HALF_OF_FEATURES ? half : latentDim > 0 ? latentDim : clamp(features, 16, 64);
    int noise = conditionalNoiseDim > 0 ? conditionalNoiseDim : latent;
    int critic =
        criticUnits == HALF_OF_FEATURES ? half : criticUnits > 0 ? criticUnits : clamp(features, 32, 128);
    return new Resolved(units, hiddenLayers, latent, noise, critic, criticLayers, activation, latentActivation,
        kind, image, linearSkip, chainedSkip, members, refinerUnits, skipOutsideSigmoid, imputerLayerNorm, outputMargin,
        false);
  }

  /** Widths with every "auto" replaced by a number. */
  public record Resolved(
      int hiddenUnits, int hiddenLayers, int latentDim, int conditionalNoiseDim, int criticUnits,
      int criticLayers, Activation activation, Activation latentActivation, NetworkKind kind, ImageLayout image,
      boolean linearSkip, boolean chainedSkip, int members, int refinerUnits, boolean skipOutsideSigmoid,
      boolean imputerLayerNorm, double outputMargin, boolean fusedRelu) {

    /**
     * These widths, the dense networks' float32 ReLU layers built as one fused op each ({@link
     * DenseNetwork#withFusedRelu}): for graphs that differentiate them. Not a setting of the model:
     * {@link #resolve} leaves it off, and the serving graph keeps plain ops.
     */
    public Resolved withFusedRelu() {
      return new Resolved(hiddenUnits, hiddenLayers, latentDim, conditionalNoiseDim, criticUnits, criticLayers,
          activation, latentActivation, kind, image, linearSkip, chainedSkip, members, refinerUnits,
          skipOutsideSigmoid, imputerLayerNorm, outputMargin, true);
    }

    /** Whether E, G_MI and D_MI are convolutional. */
    public boolean convolutional() {
      return kind == NetworkKind.CONVOLUTIONAL;
    }

    /** Layer widths {@code [in, hidden × hiddenLayers, out]} of E, G_MI, G_CG and C. */
    public int[] widths(int in, int out) {
      return widths(in, hiddenUnits, hiddenLayers, out);
    }

    /** Layer widths {@code [in, criticUnits × criticLayers, out]} of D_MI and D_CG. */
    public int[] criticWidths(int in, int out) {
      return widths(in, criticUnits, criticLayers, out);
    }

    private static int[] widths(int in, int units, int layers, int out) {
      int[] w = new int[layers + 2];
      w[0] = in;
      for (int k = 1; k <= layers; k++) {
        w[k] = units;
      }
      w[layers + 1] = out;
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
