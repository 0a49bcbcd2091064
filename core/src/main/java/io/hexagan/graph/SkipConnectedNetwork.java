package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * G_MI's dense network with a linear path beside it: the output is {@code σ(a W + b + (1 − e) ⊙
 * ((x − c) ⊙ m) S)}, where {@code a W + b} is the dense network's output layer over h, {@code x}
 * and {@code m} are the row's observed values and mask, {@code e} the mask E read (m, or less under
 * input dropout), {@code c} a centre per column (initialised at the observed column means, then
 * trained) and {@code S} a d × d matrix whose diagonal is held at zero, so that no cell's own value
 * reaches its own output. A missing cell contributes nothing, as if it held its column's centre.
 *
 * <p>The path adds only to the cells E did not see: the missing ones, which are what imputation
 * fills, and in training those the input dropout hid. On a cell E saw, G_MI can reproduce the value
 * through h; were the path added there too, it would be pulled towards zero by every such cell and
 * E would have to learn to cancel it.
 *
 * <p>Why: a column that is a near-linear function of a few others (madelon's 20 related columns)
 * is learnt poorly through E's bottleneck when many unrelated columns compete for it, while a
 * sparse regression on the other columns finds it (docs/RESULTS.md, Madelon). S starts at zero, so
 * training starts as plain HexaGAN; {@link LossWeights#skipSparsity()} puts an L1 weight on S.
 *
 * <p>Chained ({@link Architecture#chainedSkip()}), the path runs twice, as chained-equation
 * imputers (MICE) do: the first pass {@code p = σ(a W + b + (1 − e) ⊙ ((x − c) ⊙ e) S)} reads only
 * the cells E saw, the second fills the missing cells with {@code p}: {@code σ(a W + b + (1 − e) ⊙
 * (m ⊙ x + (1 − m) ⊙ p − c) S)}. A cell the input dropout hid reaches the second pass only as an
 * input, never through a first-pass estimate, so it does not reach its own output; a third pass
 * would break that. Why: with the missing inputs at their centres a regression's other inputs must
 * stand in for them; a linear model of breast's and wine's masked tables fitted on the observed
 * covariance imputed 0.0699 and 0.1567 in one pass and 0.0587 and 0.1511 in two (docs/RESULTS.md).
 *
 * <p>Outside the sigmoid ({@link Architecture#skipOutsideSigmoid()}) the path adds to the output in
 * [0,1] instead: {@code clip(σ(a W + b) + (1 − e) ⊙ ((x − c) ⊙ m) S)}, clipped to [0,1], chained the
 * same way with p the first pass's clipped output. Why: a column that is linear in others in [0,1]
 * is linear in S there, while inside the sigmoid S must bend it, worst for a column whose values
 * crowd one end of its range (credit's bill and payment amounts: docs/RESULTS.md).
 *
 * <p>With an output margin a ({@link Architecture#outputMargin()}) every σ above, the first pass's
 * included, is {@code clip((1 + 2a) σ(·) − a, 0, 1)}: the ends of the scaled range, where columns
 * such as amounts of 0 keep many cells, are reached at finite logits instead of only approached.
 *
 * <p>S is stored divided by {@value #SCALE}: RMSprop moves every weight by about its learning
 * rate per step whatever the gradient's size, so at 10⁻³ a weight stored as is would need
 * thousands of steps to reach the values a regression needs (in logits, about four times the
 * slope in [0,1]); stored scaled, the path learns {@value #SCALE} times faster than the dense
 * layers. Σ|S| and every formula here are of the effective S.
 *
 * <p>Variables: the dense network's, then {@code S} ({@code name/skip}) and {@code c} ({@code
 * name/skip_centre}), in that order in {@link DenseNetwork.Weights#tensors()}.
 */
public final class SkipConnectedNetwork<T extends TFloating> implements ObservedSkipNetwork<T> {
  /** The effective skip matrix is this times the stored one. */
  public static final int SCALE = 10;

  private final DenseNetwork<T> dense;
  private final ResourceVariable<T> skip;
  private final ResourceVariable<T> centre;
  private final int features;
  private final int latent;
  private final boolean chained;
  private final boolean outsideSigmoid;
  private final double margin;
  private final float[] support;

  private SkipConnectedNetwork(DenseNetwork<T> dense, ResourceVariable<T> skip, ResourceVariable<T> centre,
      int features, int latent, boolean chained, boolean outsideSigmoid, double margin, float[] support) {
    this.dense = dense;
    this.skip = skip;
    this.centre = centre;
    this.features = features;
    this.latent = latent;
    this.chained = chained;
    this.outsideSigmoid = outsideSigmoid;
    this.margin = margin;
    this.support = support;
  }

  /**
   * Creates the variables.
   *
   * @param dense the dense network over h, with a linear output layer of {@code features} units
   * @param centre the initial centre of each column (scaled), e.g. its observed mean
   * @param chained whether the path runs twice ({@link Architecture#chainedSkip()})
   */
  public static <T extends TFloating> SkipConnectedNetwork<T> create(Ops tf, DenseNetwork<T> dense, float[] centre,
      boolean chained) {
    return create(tf, dense, centre, chained, false, null);
  }

  /**
   * Creates the variables, with S's entries outside {@code support} held at zero: S is read as
   * {@code S ⊙ support}, so they get no gradient and, starting at zero, stay there (a graph built
   * without the support, such as the serving graph, then computes the same outputs from the saved S).
   *
   * @param outsideSigmoid whether the path adds to the output after the sigmoid ({@link
   *     Architecture#skipOutsideSigmoid()}) instead of to the logits
   * @param support row-major d × d, 1 where column k may predict column j (entry {@code k * d + j});
   *     its diagonal is ignored (always 0); null: every off-diagonal entry
   */
  public static <T extends TFloating> SkipConnectedNetwork<T> create(Ops tf, DenseNetwork<T> dense, float[] centre,
      boolean chained, boolean outsideSigmoid, float[] support) {
    return create(tf, dense, centre, chained, outsideSigmoid, 0, support);
  }

  /**
   * {@link #create(Ops, DenseNetwork, float[], boolean, boolean, float[])} with G_MI's sigmoid
   * stretched by the margin {@code margin} ({@link Architecture#outputMargin()}; 0: the plain sigmoid).
   */
  public static <T extends TFloating> SkipConnectedNetwork<T> create(Ops tf, DenseNetwork<T> dense, float[] centre,
      boolean chained, boolean outsideSigmoid, double margin, float[] support) {
    if (!(margin >= 0 && margin <= Architecture.MAX_OUTPUT_MARGIN)) {
      throw new IllegalArgumentException("margin: expected 0 to " + Architecture.MAX_OUTPUT_MARGIN + ", found " + margin);
    }
    int d = dense.outputWidth();
    if (support != null && support.length != d * d) {
      throw new IllegalArgumentException("support: expected " + d * d + " values, found " + support.length);
    }
    if (centre.length != d) {
      throw new IllegalArgumentException("centre: expected " + d + " values, found " + centre.length);
    }
    Ops init = tf.withInitScope();
    Class<T> type = dense.type();
    ResourceVariable<T> s = ResourceVariable.create(tf, dense.name() + "/skip", type, Shape.of(d, d),
        init.zeros(init.constant(new long[] {d, d}), type));
    ResourceVariable<T> c = ResourceVariable.create(tf, dense.name() + "/skip_centre", type, Shape.of(d),
        init.dtypes.cast(init.constant(centre), type));
    float[] offDiagonalSupport = null;
    if (support != null) {
      offDiagonalSupport = support.clone();
      for (int j = 0; j < d; j++) {
        offDiagonalSupport[j * d + j] = 0f;
      }
    }
    return new SkipConnectedNetwork<>(dense, s, c, d, dense.inputWidth(), chained, outsideSigmoid, margin,
        offDiagonalSupport);
  }

  @Override
  public String name() {
    return dense.name();
  }

  @Override
  public Class<T> type() {
    return dense.type();
  }

  @Override
  public List<ResourceVariable<T>> variables() {
    List<ResourceVariable<T>> vars = new ArrayList<>(dense.variables());
    vars.add(skip);
    vars.add(centre);
    return vars;
  }

  /** {@code [h | x | m | e]}: d_h + 3d. */
  @Override
  public int inputWidth() {
    return latent + 3 * features;
  }

  @Override
  public int outputWidth() {
    return features;
  }

  /**
   * {@code σ(a W + b + (1 − e) ⊙ ((x − c) ⊙ m) S)}, or outside the sigmoid {@code clip(σ(a W + b) +
   * (1 − e) ⊙ ((x − c) ⊙ m) S)} (chained: two passes, class comment); with {@code x}, {@code m}
   * and {@code e} null (rows decoded from G_CG's h_c, which have no observed cells) the skip path
   * contributes nothing.
   */
  @Override
  public Operand<T> apply(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x, Operand<T> m,
      Operand<T> e) {
    if (!outsideSigmoid) {
      return squash(tf, logits(tf, weights, h, x, m, e));
    }
    Operand<T> base = squash(tf, denseLogits(tf, weights, h));
    return x == null ? base : unitInterval(tf, plusPath(tf, weights, base, x, m, e, v -> unitInterval(tf, v)));
  }

  /**
   * The logits of {@link #apply(Ops, DenseNetwork.Weights, Operand, Operand, Operand, Operand)} with
   * the path inside the sigmoid (not {@link Architecture#skipOutsideSigmoid()}).
   */
  public Operand<T> logits(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x, Operand<T> m,
      Operand<T> e) {
    if (outsideSigmoid) {
      throw new IllegalStateException(name() + ": the skip path adds after the sigmoid, so the output has no logits");
    }
    Operand<T> logits = denseLogits(tf, weights, h);
    return x == null ? logits : plusPath(tf, weights, logits, x, m, e, v -> squash(tf, v));
  }

  /**
   * {@code base + (1 − e) ⊙ ((x − c) ⊙ m) S}; chained, the first pass's {@code close(base + (1 − e)
   * ⊙ ((x − c) ⊙ e) S)} fills the missing cells of the second pass's input.
   *
   * @param close what turns a first pass's sum into estimates in [0,1]: σ inside the sigmoid, the
   *     clip outside
   */
  private Operand<T> plusPath(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> base, Operand<T> x, Operand<T> m,
      Operand<T> e, UnaryOperator<Operand<T>> close) {
    Operand<T> c = centre(weights);
    Operand<T> s = offDiagonal(tf, weights);
    Operand<T> unseen = tf.math.sub(tf.onesLike(e), e);
    if (!chained) {
      Operand<T> centred = tf.math.mul(tf.math.sub(x, c), m);
      return tf.math.add(base, tf.math.mul(unseen, tf.linalg.matMul(centred, s)));
    }
    // First pass from the cells E saw only, so that no estimate carries a hidden cell's value.
    Operand<T> first = close.apply(tf.math.add(base,
        tf.math.mul(unseen, tf.linalg.matMul(tf.math.mul(tf.math.sub(x, c), e), s))));
    // Second pass from every observed cell, the others holding the first pass's estimates.
    Operand<T> filled = tf.math.add(tf.math.mul(x, m), tf.math.mul(tf.math.sub(tf.onesLike(m), m), first));
    return tf.math.add(base, tf.math.mul(unseen, tf.linalg.matMul(tf.math.sub(filled, c), s)));
  }

  /** σ(v), or with a margin a {@code clip((1 + 2a) σ(v) − a, 0, 1)}. */
  private Operand<T> squash(Ops tf, Operand<T> v) {
    Operand<T> sigmoid = Activation.SIGMOID.apply(tf, v);
    if (margin == 0) {
      return sigmoid;
    }
    Class<T> type = dense.type();
    return unitInterval(tf, tf.math.sub(
        tf.math.mul(sigmoid, tf.dtypes.cast(tf.constant(1 + 2 * margin), type)),
        tf.dtypes.cast(tf.constant(margin), type)));
  }

  /** {@code min(max(v, 0), 1)}: the gradient is v's inside [0,1] and zero outside. */
  private Operand<T> unitInterval(Ops tf, Operand<T> v) {
    Class<T> type = dense.type();
    return tf.math.minimum(tf.math.maximum(v, tf.dtypes.cast(tf.constant(0f), type)),
        tf.dtypes.cast(tf.constant(1f), type));
  }

  private Operand<T> denseLogits(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h) {
    return tf.math.add(tf.linalg.matMul(dense.hidden(tf, weights, h), dense.outputMatrix(weights)),
        dense.outputBias(weights));
  }

  /** {@code Σ|S|} over the off-diagonal entries. */
  @Override
  public Operand<T> l1(Ops tf, DenseNetwork.Weights<T> weights) {
    return tf.reduceSum(tf.math.abs(offDiagonal(tf, weights)), tf.constant(new int[] {0, 1}));
  }

  private Operand<T> offDiagonal(Ops tf, DenseNetwork.Weights<T> weights) {
    if (support != null) {
      Operand<T> allowed = tf.dtypes.cast(
          tf.constant(Shape.of(features, features), DataBuffers.of(support)),
          dense.type());
      return tf.math.mul(weights.tensors().get(weights.tensors().size() - 2),
          tf.math.mul(allowed, tf.dtypes.cast(tf.constant((float) SCALE), dense.type())));
    }
    Operand<TInt32> index = tf.range(tf.constant(0), tf.constant(features), tf.constant(1));
    Operand<T> mask = tf.dtypes.cast(tf.math.notEqual(
        tf.reshape(index, tf.constant(new int[] {features, 1})),
        tf.reshape(index, tf.constant(new int[] {1, features}))), dense.type());
    return tf.math.mul(weights.tensors().get(weights.tensors().size() - 2),
        tf.math.mul(mask, tf.dtypes.cast(tf.constant((float) SCALE), dense.type())));
  }

  private Operand<T> centre(DenseNetwork.Weights<T> weights) {
    return weights.tensors().get(weights.tensors().size() - 1);
  }
}
