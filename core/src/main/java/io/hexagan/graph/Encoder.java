package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** E in the paper: maps {@code (x̃, m)} to the hidden vector {@code h ∈ R^{d_h}} (section 3.1). */
public final class Encoder<T extends TFloating> {
  /** Name scope of E's variables. */
  public static final String NAME = "encoder";
  private final DenseNetwork<T> network;

  private Encoder(DenseNetwork<T> network) {
    this.network = network;
  }

  /** Creates E for d features. */
  public static <T extends TFloating> Encoder<T> create(
      Ops tf, Class<T> type, int features, Architecture.Resolved arch, SeedStream seeds) {
    return new Encoder<>(DenseNetwork.create(tf, NAME, type, arch.widths(2 * features, arch.latentDim()),
        arch.activation(), arch.latentActivation(), seeds));
  }

  /** The underlying network. */
  public DenseNetwork<T> network() {
    return network;
  }

  /** {@code h = E([x̃, m])}. */
  public Operand<T> encode(Ops tf, DenseNetwork.Weights<T> w, Operand<T> noisy, Operand<T> mask) {
    return network.apply(tf, w, tf.concat(List.of(noisy, mask), tf.constant(1)));
  }
}
