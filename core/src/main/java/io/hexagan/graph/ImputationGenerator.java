package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * G_MI in the paper: decodes a hidden vector into {@code x̄ ∈ [0,1]^d} (section 3.1); it also
 * decodes the conditional hidden vectors h_c into generated rows x̂_c (section 3.2). Dense, or
 * deconvolutional into an image ({@link NetworkKind}).
 */
public final class ImputationGenerator<T extends TFloating> {
  /** Name scope of G_MI's variables. */
  public static final String NAME = "imputation_generator";
  private final Network<T> network;

  private ImputationGenerator(Network<T> network) {
    this.network = network;
  }

  /** Creates G_MI for d features; its output layer is a sigmoid, as the data are in [0,1]. */
  public static <T extends TFloating> ImputationGenerator<T> create(
      Ops tf, Class<T> type, int features, Architecture.Resolved arch, SeedStream seeds) {
    if (arch.convolutional()) {
      ImageLayout image = arch.image();
      return new ImputationGenerator<>(DeconvolutionalNetwork.create(tf, NAME, type, arch.latentDim(),
          image.height(), image.width(), image.channels(), image.filters(), arch.activation(), Activation.SIGMOID,
          seeds));
    }
    return new ImputationGenerator<>(DenseNetwork.create(tf, NAME, type,
        arch.widths(arch.latentDim(), features), arch.activation(), Activation.SIGMOID, seeds));
  }

  /** The underlying network. */
  public Network<T> network() {
    return network;
  }

  /** {@code x̄ = G_MI(h)}. */
  public Operand<T> generate(Ops tf, DenseNetwork.Weights<T> w, Operand<T> hidden) {
    return network.apply(tf, w, hidden);
  }
}
