package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * D_MI in the paper: the element-wise critic of {@code (x̂, y)} (section 3.1, 3.3). Outputs 1..d
 * judge each element real (observed) or imputed; output d+1, when present, judges the label real
 * or pseudo. Raw scores (WGAN). Dense, or convolutional over the image x̂ with y joining its dense
 * head ({@link NetworkKind}). With a hint ({@link LossWeights#hintRate()}, dense only) a dense D_MI
 * reads {@code [x̂, H, y]}: the hint H is passed with the labels as one "side" input, which the
 * gradient penalty holds fixed as it does y.
 */
public final class ImputationCritic<T extends TFloating> {
  /** Name scope of D_MI's variables. */
  public static final String NAME = "imputation_critic";
  private final LinearOutputNetwork<T> network;
  private final int features;
  private final boolean takesLabels;
  private final boolean hasLabelOutput;
  private final boolean takesHints;

  private ImputationCritic(LinearOutputNetwork<T> network, int features, boolean takesLabels, boolean hasLabelOutput,
      boolean takesHints) {
    this.network = network;
    this.features = features;
    this.takesLabels = takesLabels;
    this.hasLabelOutput = hasLabelOutput;
    this.takesHints = takesHints;
  }

  /** D_MI without a hint input. */
  public static <T extends TFloating> ImputationCritic<T> create(
      Ops tf, String prefix, Class<T> type, int features, int classes, boolean elementOutputs, boolean labelOutput,
      Architecture.Resolved arch, SeedStream seeds) {
    return create(tf, prefix, type, features, classes, elementOutputs, labelOutput, false, arch, seeds);
  }

  /**
   * Creates D_MI.
   *
   * @param prefix prefix of the variables' names ({@link Members}): "" or an ensemble member's
   * @param classes n_c, or 0 when the table has no label (then D_MI takes x̂ only)
   * @param elementOutputs whether outputs 1..d exist (not without G_MI)
   * @param labelOutput whether output d+1 exists
   * @param hints whether D_MI reads a hint of d values beside x̂ (dense only)
   */
  public static <T extends TFloating> ImputationCritic<T> create(
      Ops tf, String prefix, Class<T> type, int features, int classes, boolean elementOutputs, boolean labelOutput,
      boolean hints, Architecture.Resolved arch, SeedStream seeds) {
    int outputs = (elementOutputs ? features : 0) + (labelOutput ? 1 : 0);
    if (outputs == 0) {
      throw new IllegalArgumentException("D_MI needs element outputs or a label output");
    }
    LinearOutputNetwork<T> network;
    if (hints && (arch.convolutional() || !elementOutputs)) {
      throw new IllegalArgumentException("hintRate: a hint needs a dense D_MI with element outputs");
    }
    if (arch.convolutional()) {
      ImageLayout image = arch.image();
      int[] all = arch.criticWidths(0, outputs);
      network = ConvolutionalNetwork.create(tf, prefix + NAME, type, image.height(), image.width(), image.channels(),
          image.criticFilters(), classes, java.util.Arrays.copyOfRange(all, 1, all.length), arch.activation(),
          Activation.LINEAR, seeds);
    } else {
      network = DenseNetwork.create(tf, prefix + NAME, type,
          arch.criticWidths(features + (hints ? features : 0) + classes, outputs), arch.activation(), Activation.LINEAR,
          seeds).withFusedRelu(arch.fusedRelu());
    }
    return new ImputationCritic<>(network, features, classes > 0, labelOutput, hints);
  }

  /** The underlying network. */
  public LinearOutputNetwork<T> network() {
    return network;
  }

  /** Whether the critic takes y beside x̂. */
  public boolean takesLabels() {
    return takesLabels;
  }

  /** Whether output d+1 (the label critic) exists. */
  public boolean hasLabelOutput() {
    return hasLabelOutput;
  }

  /** Number of element outputs (d, or 0 without G_MI). */
  public int elementOutputs() {
    return network.outputWidth() - (hasLabelOutput ? 1 : 0);
  }

  /** d. */
  public int features() {
    return features;
  }

  /** Whether D_MI reads a hint beside x̂. */
  public boolean takesHints() {
    return takesHints;
  }

  /**
   * The side input D_MI reads beside x̂: {@code [H, y]}, H or y alone, or null; {@code hint} and
   * {@code labels} are ignored when D_MI does not take them.
   */
  public Operand<T> side(Ops tf, Operand<T> hint, Operand<T> labels) {
    Operand<T> h = takesHints ? hint : null;
    Operand<T> y = takesLabels ? labels : null;
    if (h == null || y == null) {
      return h == null ? y : h;
    }
    return tf.concat(List.of(h, y), tf.constant(1));
  }

  /** {@code D_MI(x̂, side)}: [rows, outputs]; side from {@link #side} ([H, y], H, y or null). */
  public Operand<T> score(Ops tf, DenseNetwork.Weights<T> w, Operand<T> x, Operand<T> side) {
    return network.apply(tf, w, input(tf, x, side));
  }

  /** The input vector {@code [x̂, side]} (or x̂). */
  public Operand<T> input(Ops tf, Operand<T> x, Operand<T> side) {
    return side != null ? tf.concat(List.of(x, side), tf.constant(1)) : x;
  }
}
