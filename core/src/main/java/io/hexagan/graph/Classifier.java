package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * C in the paper: the classifier of imputed rows x̂, and the label generator of unlabelled rows
 * (section 3.3). It outputs logits; the softmax is applied where probabilities are needed, and the
 * cross-entropy takes the logits.
 */
public final class Classifier<T extends TFloating> {
  /** Name scope of C's variables. */
  public static final String NAME = "classifier";
  private final DenseNetwork<T> network;

  private Classifier(DenseNetwork<T> network) {
    this.network = network;
  }

  /** Creates C for d features and n_c classes, its variables named {@code prefix + NAME + "/…"} ({@link Members}). */
  public static <T extends TFloating> Classifier<T> create(
      Ops tf, String prefix, Class<T> type, int features, int classes, Architecture.Resolved arch, SeedStream seeds) {
    return new Classifier<>(DenseNetwork.create(tf, prefix + NAME, type, arch.widths(features, classes),
        arch.activation(), Activation.LINEAR, seeds).withFusedRelu(arch.fusedRelu()));
  }

  /** The underlying network. */
  public DenseNetwork<T> network() {
    return network;
  }

  /** The logits of {@code C(x̂)}: [rows, n_c]. */
  public Operand<T> logits(Ops tf, DenseNetwork.Weights<T> w, Operand<T> x) {
    return network.apply(tf, w, x);
  }
}
