package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A dense G_MI with a refiner of the row beside it, out of HexaGAN's game ({@link
 * OutOfGameRefiner}): at inference its output is {@code σ(g + (1 − e) ⊙ s(x ⊙ e, e, h))}, where
 * {@code g} are G_MI's logits without it (the dense network over h, plus the linear skip path if
 * there is one, {@link SkipConnectedNetwork}), {@code x} the row's observed values, {@code e} the
 * mask E read, {@code h} E's hidden vector and {@code s} a dense network of two hidden layers whose
 * linear output layer starts at zero, so that the refiner starts as the identity.
 *
 * <p>s reads only the cells E saw, never those the input dropout hid, so a hidden cell's value
 * cannot reach its own output (with the skip path's logits in its input it could: they carry every
 * observed cell); at inference E sees every observed cell and so does s. In training every loss
 * of the game sees {@code σ(g)}; s learns from the squared error of {@code σ(g + s)} on the hidden
 * cells, with g and h held fixed.
 *
 * <p>Why: the images' local refiner, trained so, imputed MNIST better at every epoch of the same run
 * while leaving the game unchanged (README, Images); this is its counterpart for a table, where a
 * row has no neighbourhood and s reads the whole row: a nonlinear model of the cells E did not see
 * given those it saw and E's summary of them.
 *
 * <p>Variables: G_MI's, then {@code name/refiner/w0, b0, w1, b1} (the hidden layers, {@code [2d +
 * d_h, u]} and {@code [u, u]}) and {@code name/refiner_out_w, name/refiner_out_b} ({@code [u, d]},
 * {@code [d]}), in that order in {@link DenseNetwork.Weights#tensors()}.
 */
public final class TableRefinerNetwork<T extends TFloating> implements OutOfGameRefiner<T> {
  private static final int REFINER_VARIABLES = 6;
  private static final long REFINER_SALT = 0x7AB1E5L;
  private final Network<T> base;
  private final DenseNetwork<T> hiddenLayers;
  private final ResourceVariable<T> outputWeights;
  private final ResourceVariable<T> outputBias;
  private final int features;
  private final int latent;

  private TableRefinerNetwork(Network<T> base, DenseNetwork<T> hiddenLayers, ResourceVariable<T> outputWeights,
      ResourceVariable<T> outputBias, int features, int latent) {
    this.base = base;
    this.hiddenLayers = hiddenLayers;
    this.outputWeights = outputWeights;
    this.outputBias = outputBias;
    this.features = features;
    this.latent = latent;
  }

  /**
   * Creates the refiner's variables.
   *
   * @param base G_MI without the refiner: a dense network over h with a linear output, or one with
   *     the linear skip path ({@link SkipConnectedNetwork})
   * @param latent d_h, the width of h
   * @param units u, the width of the refiner's two hidden layers
   * @param activation their activation
   */
  public static <T extends TFloating> TableRefinerNetwork<T> create(Ops tf, Network<T> base, int latent, int units,
      Activation activation, SeedStream seeds) {
    int d = base.outputWidth();
    if (units < 1 || !(base instanceof SkipConnectedNetwork<T> || base instanceof DenseNetwork<T>)) {
      throw new IllegalArgumentException(base.name() + ": expected a dense G_MI and refiner units ≥ 1, found "
          + base.getClass().getSimpleName() + " and " + units);
    }
    // Its own stream, so that a graph with the refiner draws every other number as one without it.
    SeedStream own = seeds.aside(REFINER_SALT);
    String name = base.name();
    Class<T> type = base.type();
    DenseNetwork<T> hidden = DenseNetwork.create(tf, name + "/refiner", type, new int[] {2 * d + latent, units, units},
        activation, activation, own);
    Ops init = tf.withInitScope();
    ResourceVariable<T> w = ResourceVariable.create(tf, name + "/refiner_out_w", type, Shape.of(units, d),
        init.zeros(init.constant(new long[] {units, d}), type));
    ResourceVariable<T> b = ResourceVariable.create(tf, name + "/refiner_out_b", type, Shape.of(d),
        init.zeros(init.constant(new long[] {d}), type));
    return new TableRefinerNetwork<>(base, hidden, w, b, d, latent);
  }

  @Override
  public String name() {
    return base.name();
  }

  @Override
  public Class<T> type() {
    return base.type();
  }

  @Override
  public List<ResourceVariable<T>> variables() {
    List<ResourceVariable<T>> all = new ArrayList<>(base.variables());
    all.addAll(hiddenLayers.variables());
    all.add(outputWeights);
    all.add(outputBias);
    return all;
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

  @Override
  public Operand<T> decoderLogits(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x, Operand<T> m,
      Operand<T> e) {
    DenseNetwork.Weights<T> own = baseWeights(weights);
    return base instanceof SkipConnectedNetwork<T> skip ? skip.logits(tf, own, h, x, m, e) : base.apply(tf, own, h);
  }

  /** The skip path's L1 norm, or null without one. */
  @Override
  public Operand<T> l1(Ops tf, DenseNetwork.Weights<T> weights) {
    return base instanceof SkipConnectedNetwork<T> skip ? skip.l1(tf, baseWeights(weights)) : null;
  }

  /** {@code s(x ⊙ e, e, h)}: reads only the cells E saw. */
  @Override
  public Operand<T> term(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x, Operand<T> m,
      Operand<T> e) {
    List<Operand<T>> w = weights.tensors();
    int from = w.size() - REFINER_VARIABLES;
    Operand<T> in = tf.concat(List.of(tf.math.mul(x, e), e, h), tf.constant(1));
    Operand<T> a = hiddenLayers.apply(tf, new DenseNetwork.Weights<>(w.subList(from, w.size() - 2)), in);
    return tf.math.add(tf.linalg.matMul(a, w.get(w.size() - 2)), w.get(w.size() - 1));
  }

  private DenseNetwork.Weights<T> baseWeights(DenseNetwork.Weights<T> weights) {
    List<Operand<T>> w = weights.tensors();
    return new DenseNetwork.Weights<>(w.subList(0, w.size() - REFINER_VARIABLES));
  }
}
