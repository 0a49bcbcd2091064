package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * D_CG in the paper: the critic of pairs {@code (h, y)} in the hidden space, real {@code (h_l, y_l)}
 * against generated {@code (h_c, y_c)} (section 3.2). One raw score per row.
 */
public final class ConditionalCritic<T extends TFloating> {
  /** Name scope of D_CG's variables. */
  public static final String NAME = "conditional_critic";
  private final DenseNetwork<T> network;

  private ConditionalCritic(DenseNetwork<T> network) {
    this.network = network;
  }

  /** Creates D_CG, its variables named {@code prefix + NAME + "/…"} ({@link Members}). */
  public static <T extends TFloating> ConditionalCritic<T> create(
      Ops tf, String prefix, Class<T> type, int classes, Architecture.Resolved arch, SeedStream seeds) {
    return new ConditionalCritic<>(DenseNetwork.create(tf, prefix + NAME, type,
        arch.criticWidths(arch.latentDim() + classes, 1), arch.activation(), Activation.LINEAR, seeds)
        .withFusedRelu(arch.fusedRelu()));
  }

  /** The underlying network. */
  public DenseNetwork<T> network() {
    return network;
  }

  /** {@code D_CG(h, y)}: [rows, 1]. */
  public Operand<T> score(Ops tf, DenseNetwork.Weights<T> w, Operand<T> hidden, Operand<T> labels) {
    return network.apply(tf, w, tf.concat(List.of(hidden, labels), tf.constant(1)));
  }
}
