package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * A fully connected network: {@code a_{k+1} = act_k(a_k W_k + b_k)}. Weights start Glorot-uniform
 * (±√(6 / (fan_in + fan_out))) from the graph's seed stream, biases at zero.
 *
 * <p>The network owns its variables. A training stage reads them once with {@link #read(Ops)}
 * under that stage's control dependencies, applies the network as often as it needs with those
 * reads, and differentiates its loss with respect to {@link Weights#tensors()}.
 */
public final class DenseNetwork<T extends TFloating> implements LinearOutputNetwork<T> {

  /** One layer: its weight matrix, bias and activation. */
  public record Layer<T extends TFloating>(
      ResourceVariable<T> weights, ResourceVariable<T> bias, int inputs, int outputs,
      Activation activation) {}

  /**
   * The values of a network's variables as read by one stage, in layer order (weights, bias).
   *
   * @param tensors the reads, two per layer
   */
  public record Weights<T extends TFloating>(List<Operand<T>> tensors) {
    /** The weight matrix of layer {@code k}. */
    public Operand<T> matrix(int k) {
      return tensors.get(2 * k);
    }

    /** The bias of layer {@code k}. */
    public Operand<T> bias(int k) {
      return tensors.get(2 * k + 1);
    }
  }

  /** Added to each row's variance before the normalisation's square root. */
  static final float NORMALIZATION_EPSILON = 1e-5f;

  private final String name;
  private final Class<T> type;
  private final List<Layer<T>> layers;
  private final boolean normalizedHidden;
  private final boolean fusedRelu;

  private DenseNetwork(String name, Class<T> type, List<Layer<T>> layers, boolean normalizedHidden,
      boolean fusedRelu) {
    this.name = name;
    this.type = type;
    this.layers = List.copyOf(layers);
    this.normalizedHidden = normalizedHidden;
    this.fusedRelu = fusedRelu;
  }

  /**
   * This network, its hidden layers normalised: each row's pre-activations z become (z − μ) / √(σ²
   * + ε) before the activation, μ and σ² their mean and variance over the layer's units (layer
   * normalisation without its gain and bias, which the next layer's weights can absorb). The same
   * variables; the output layer is not normalised.
   */
  public DenseNetwork<T> withNormalizedHidden() {
    return new DenseNetwork<>(name, type, layers, true, fusedRelu);
  }

  /**
   * This network, its float32 ReLU layers built as one fused op each when {@code on} ({@link
   * FusedReluLayer}): the same values and gradients with fewer ops, for graphs that differentiate
   * the network. Layers of another type or activation, and normalised hidden layers, stay as they
   * are. The same variables.
   */
  public DenseNetwork<T> withFusedRelu(boolean on) {
    return on == fusedRelu ? this : new DenseNetwork<>(name, type, layers, normalizedHidden, on);
  }

  /**
   * This network as E and G_MI build it: hidden layers normalised with {@link
   * Architecture#imputerLayerNorm()}, ReLU layers fused with {@link Architecture.Resolved#fusedRelu()}.
   */
  public DenseNetwork<T> asImputer(Architecture.Resolved arch) {
    DenseNetwork<T> n = withFusedRelu(arch.fusedRelu());
    return arch.imputerLayerNorm() ? n.withNormalizedHidden() : n;
  }

  /** Whether the hidden layers are normalised ({@link #withNormalizedHidden()}). */
  public boolean normalizedHidden() {
    return normalizedHidden;
  }

  /**
   * Creates the variables of a network.
   *
   * @param name the network's name, unique in the graph; its variables are {@code name/w0}, …
   * @param widths the layer widths from input to output: {@code [in, hidden…, out]}
   * @param hidden the activation of every hidden layer
   * @param output the activation of the output layer
   */
  public static <T extends TFloating> DenseNetwork<T> create(
      Ops tf, String name, Class<T> type, int[] widths, Activation hidden, Activation output,
      SeedStream seeds) {
    if (widths.length < 2) {
      throw new IllegalArgumentException("expected at least input and output widths, found " + widths.length);
    }
    Ops init = tf.withInitScope();
    List<Layer<T>> layers = new ArrayList<>();
    for (int k = 0; k + 1 < widths.length; k++) {
      int in = widths[k];
      int out = widths[k + 1];
      if (in <= 0 || out <= 0) {
        throw new IllegalArgumentException("expected positive layer widths, found " + in + " → " + out);
      }
      double limit = Math.sqrt(6.0 / (in + out));
      Operand<T> unit =
          init.random.randomUniform(init.constant(new long[] {in, out}), type, seeds.uniform());
      Operand<T> glorot =
          init.math.mul(
              init.math.sub(unit, init.dtypes.cast(init.constant(0.5f), type)),
              init.dtypes.cast(init.constant((float) (2 * limit)), type));
      ResourceVariable<T> w =
          ResourceVariable.create(tf, name + "/w" + k, type, Shape.of(in, out), glorot);
      ResourceVariable<T> b =
          ResourceVariable.create(
              tf, name + "/b" + k, type, Shape.of(out), init.zeros(init.constant(new long[] {out}), type));
      Activation act = k + 2 == widths.length ? output : hidden;
      layers.add(new Layer<>(w, b, in, out, act));
    }
    return new DenseNetwork<>(name, type, layers, false, false);
  }

  /** The network's name (its variables' scope). */
  @Override
  public String name() {
    return name;
  }

  /** The element type. */
  @Override
  public Class<T> type() {
    return type;
  }

  /** The layers, input first. */
  public List<Layer<T>> layers() {
    return layers;
  }

  /** Every variable of this network, in the order of {@link Weights#tensors()}. */
  @Override
  public List<ResourceVariable<T>> variables() {
    List<ResourceVariable<T>> vars = new ArrayList<>();
    for (Layer<T> layer : layers) {
      vars.add(layer.weights());
      vars.add(layer.bias());
    }
    return vars;
  }

  /** Number of trainable scalars. */
  @Override
  public long parameterCount() {
    long n = 0;
    for (Layer<T> layer : layers) {
      n += (long) layer.inputs() * layer.outputs() + layer.outputs();
    }
    return n;
  }

  /** Reads every variable under the control dependencies carried by {@code tf}. */
  @Override
  public Weights<T> read(Ops tf) {
    List<Operand<T>> reads = new ArrayList<>();
    for (ResourceVariable<T> v : variables()) {
      reads.add(v.read(tf));
    }
    return new Weights<>(reads);
  }

  /** The network's output for a batch {@code input} of shape [rows, inputs]. */
  @Override
  public Operand<T> apply(Ops tf, Weights<T> weights, Operand<T> input) {
    Operand<T> a = hidden(tf, weights, input);
    int last = layers.size() - 1;
    return layer(tf, weights, last, a);
  }

  /** The activations of the last hidden layer (the input itself when there is none). */
  @Override
  public Operand<T> hidden(Ops tf, Weights<T> weights, Operand<T> input) {
    Operand<T> a = input;
    for (int k = 0; k + 1 < layers.size(); k++) {
      a = layer(tf, weights, k, a);
    }
    return a;
  }

  @Override
  public int inputWidth() {
    return layers.get(0).inputs();
  }

  @Override
  public int outputWidth() {
    return layers.get(layers.size() - 1).outputs();
  }

  @Override
  public int hiddenWidth() {
    return layers.get(layers.size() - 1).inputs();
  }

  @Override
  public Operand<T> outputMatrix(Weights<T> weights) {
    return weights.matrix(layers.size() - 1);
  }

  @Override
  public Operand<T> outputBias(Weights<T> weights) {
    return weights.bias(layers.size() - 1);
  }

  /** {@inheritDoc} Only for a {@link Activation#LINEAR} output layer. */
  @Override
  public Operand<T> blockSelectedOutput(
      Ops tf, Weights<T> weights, Operand<T> lastHidden, int blocks, int blockRows) {
    requireLinearOutput();
    return LinearOutputNetwork.super.blockSelectedOutput(tf, weights, lastHidden, blocks, blockRows);
  }

  /** {@inheritDoc} Only for a {@link Activation#LINEAR} output layer. */
  @Override
  public Operand<T> gatheredOutput(
      Ops tf, Weights<T> weights, Operand<T> lastHidden, Operand<org.tensorflow.types.TInt32> indices,
      int blocks, int blockRows) {
    requireLinearOutput();
    return LinearOutputNetwork.super.gatheredOutput(tf, weights, lastHidden, indices, blocks, blockRows);
  }

  private void requireLinearOutput() {
    if (layers.get(layers.size() - 1).activation() != Activation.LINEAR) {
      throw new IllegalStateException(name + ": selected outputs need a linear output layer");
    }
  }

  private Operand<T> layer(Ops tf, Weights<T> weights, int k, Operand<T> input) {
    boolean normalized = normalizedHidden && k + 1 < layers.size();
    if (fusedRelu && !normalized && layers.get(k).activation() == Activation.RELU && type == TFloat32.class
        && FusedReluLayer.available()) {
      return fused(tf, input, weights.matrix(k), weights.bias(k));
    }
    Operand<T> z = tf.math.add(tf.linalg.matMul(input, weights.matrix(k)), weights.bias(k));
    if (normalized) {
      z = normalized(tf, z);
    }
    return layers.get(k).activation().apply(tf, z);
  }

  @SuppressWarnings("unchecked")
  private Operand<T> fused(Ops tf, Operand<T> input, Operand<T> matrix, Operand<T> bias) {
    return (Operand<T>) FusedReluLayer.apply(tf, (Operand<TFloat32>) input, (Operand<TFloat32>) matrix,
        (Operand<TFloat32>) bias);
  }

  /** (z − μ) / √(σ² + ε) per row, μ and σ² over the row's entries. */
  private Operand<T> normalized(Ops tf, Operand<T> z) {
    Operand<TInt32> units = tf.constant(new int[] {1});
    Operand<T> centred = tf.math.sub(z, tf.math.mean(z, units, Mean.keepDims(true)));
    Operand<T> variance = tf.math.mean(tf.math.square(centred), units, Mean.keepDims(true));
    return tf.math.mul(centred,
        tf.math.rsqrt(tf.math.add(variance, tf.dtypes.cast(tf.constant(NORMALIZATION_EPSILON), type))));
  }
}
