package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** G_CG in the paper: maps {@code (z_c, y_c)} to a class-conditional hidden vector h_c (section 3.2). */
public final class ConditionalGenerator<T extends TFloating> {
  /** Name scope of G_CG's variables. */
  public static final String NAME = "conditional_generator";
  private final DenseNetwork<T> network;
  private final int noiseDim;

  private ConditionalGenerator(DenseNetwork<T> network, int noiseDim) {
    this.network = network;
    this.noiseDim = noiseDim;
  }

  /** Creates G_CG, its variables named {@code prefix + NAME + "/…"} ({@link Members}). */
  public static <T extends TFloating> ConditionalGenerator<T> create(
      Ops tf, String prefix, Class<T> type, int classes, Architecture.Resolved arch, SeedStream seeds) {
    return new ConditionalGenerator<>(DenseNetwork.create(tf, prefix + NAME, type,
        arch.widths(arch.conditionalNoiseDim() + classes, arch.latentDim()), arch.activation(),
        arch.latentActivation(), seeds).withFusedRelu(arch.fusedRelu()), arch.conditionalNoiseDim());
  }

  /** The underlying network. */
  public DenseNetwork<T> network() {
    return network;
  }

  /** Dimension of z_c. */
  public int noiseDim() {
    return noiseDim;
  }

  /** {@code h_c = G_CG([z_c, y_c])}. */
  public Operand<T> generate(Ops tf, DenseNetwork.Weights<T> w, Operand<T> noise, Operand<T> labels) {
    return network.apply(tf, w, tf.concat(List.of(noise, labels), tf.constant(1)));
  }
}
