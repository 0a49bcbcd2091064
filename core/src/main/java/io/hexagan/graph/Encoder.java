package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * E in the paper: maps {@code (x̃, m)} to the hidden vector {@code h ∈ R^{d_h}} (section 3.1).
 * Dense, or convolutional over the image whose planes are x̃ and m ({@link NetworkKind}).
 */
public final class Encoder<T extends TFloating> {
  /** Name scope of E's variables. */
  public static final String NAME = "encoder";
  private final Network<T> network;
  private final EncoderInputs inputs;

  private Encoder(Network<T> network, EncoderInputs inputs) {
    this.network = network;
    this.inputs = inputs;
  }

  /**
   * Creates E for d features, its variables named {@code prefix + NAME + "/…"} ({@link Members});
   * a dense E also reads {@code inputs} beyond (x̃, m) (a convolutional one none).
   */
  public static <T extends TFloating> Encoder<T> create(
      Ops tf, String prefix, Class<T> type, int features, Architecture.Resolved arch, EncoderInputs inputs,
      SeedStream seeds) {
    if (arch.convolutional()) {
      ImageLayout image = arch.image();
      // The convolutions, then E's dense layers (hiddenLayers × hiddenUnits, then d_h) as in the dense E.
      int[] dense = arch.widths(0, arch.latentDim());
      return new Encoder<>(ConvolutionalNetwork.create(tf, prefix + NAME, type, image.height(), image.width(),
          2 * image.channels(), image.filters(), 0, java.util.Arrays.copyOfRange(dense, 1, dense.length),
          arch.activation(), arch.latentActivation(), seeds), EncoderInputs.NONE);
    }
    DenseNetwork<T> dense = DenseNetwork.create(tf, prefix + NAME, type,
        arch.widths(2 * features + inputs.count(), arch.latentDim()), arch.activation(), arch.latentActivation(),
        seeds);
    return new Encoder<>(dense.asImputer(arch), inputs);
  }

  /** The underlying network. */
  public Network<T> network() {
    return network;
  }

  /** {@code h = E([x̃, m])}, with the {@link EncoderInputs} of x̃'s observed cells appended when there are any. */
  public Operand<T> encode(Ops tf, DenseNetwork.Weights<T> w, Operand<T> noisy, Operand<T> mask) {
    List<Operand<T>> parts = new ArrayList<>(List.of(noisy, mask));
    parts.addAll(inputs.apply(tf, noisy, mask, network.type()));
    return network.apply(tf, w, tf.concat(parts, tf.constant(1)));
  }

  /**
   * {@link #encode(Ops, DenseNetwork.Weights, Operand, Operand)} with the extra inputs computed
   * beforehand over the observed cells ({@link EncoderInputs#ofObserved}, null when there are
   * none) and narrowed here to the cells {@code mask} shows E: the same h, bit for bit.
   */
  public Operand<T> encode(Ops tf, DenseNetwork.Weights<T> w, Operand<T> noisy, Operand<T> mask,
      Operand<T> observedInputs) {
    if (observedInputs == null || inputs.count() == 0) {
      return encode(tf, w, noisy, mask);
    }
    return network.apply(tf, w,
        tf.concat(List.of(noisy, mask, inputs.keepSeen(tf, observedInputs, mask)), tf.constant(1)));
  }
}
