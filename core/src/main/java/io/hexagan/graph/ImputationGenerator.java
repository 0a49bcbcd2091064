package io.hexagan.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * G_MI in the paper: decodes a hidden vector into {@code x̄ ∈ [0,1]^d} (section 3.1); it also
 * decodes the conditional hidden vectors h_c into generated rows x̂_c (section 3.2). Dense, or
 * deconvolutional into an image ({@link NetworkKind}); a dense G_MI may have a linear skip path
 * from the observed cells ({@link Architecture#linearSkip()}, {@link SkipConnectedNetwork}), a
 * deconvolutional one a local path from each pixel's observed neighbours ({@link
 * ImageLayout#refinerFilters()}, {@link LocalRefinerNetwork}); either may have a refiner out of
 * HexaGAN's game ({@link OutOfGameRefiner}: the local one, or {@link TableRefinerNetwork} for a
 * dense G_MI, {@link Architecture#refinerUnits()}).
 */
public final class ImputationGenerator<T extends TFloating> {
  /** Name scope of G_MI's variables. */
  public static final String NAME = "imputation_generator";
  private final Network<T> network;
  private final ObservedSkipNetwork<T> skipConnected;

  private ImputationGenerator(Network<T> network) {
    this.network = network;
    this.skipConnected = network instanceof ObservedSkipNetwork<T> s ? s : null;
  }

  /**
   * Creates G_MI for d features; its output layer is a sigmoid, as the data are in [0,1].
   *
   * @param prefix prefix of the variables' names ({@link Members}): "" or an ensemble member's
   * @param centre with a linear skip path, the initial centre of each column (scaled), e.g. its
   *     observed mean; null: 0.5, the middle of the scaled range (a graph whose weights are then
   *     loaded)
   */
  public static <T extends TFloating> ImputationGenerator<T> create(
      Ops tf, String prefix, Class<T> type, int features, Architecture.Resolved arch, SeedStream seeds, double[] centre) {
    return create(tf, prefix, type, features, arch, seeds, centre, null);
  }

  /**
   * {@link #create(Ops, String, Class, int, Architecture.Resolved, SeedStream, double[])} with the
   * entries of the skip matrix that training may move ({@link GraphSpec#skipSupport()}; null: all).
   */
  public static <T extends TFloating> ImputationGenerator<T> create(
      Ops tf, String prefix, Class<T> type, int features, Architecture.Resolved arch, SeedStream seeds, double[] centre,
      float[] skipSupport) {
    if (arch.convolutional()) {
      ImageLayout image = arch.image();
      boolean local = image.refinerFilters() > 0;
      DeconvolutionalNetwork<T> deconvolution = DeconvolutionalNetwork.create(tf, prefix + NAME, type,
          arch.latentDim(), image.height(), image.width(), image.channels(), image.filters(), arch.activation(),
          local ? Activation.LINEAR : Activation.SIGMOID, seeds);
      return new ImputationGenerator<>(local
          ? LocalRefinerNetwork.create(tf, deconvolution, image, arch.activation(), seeds) : deconvolution);
    }
    boolean refined = arch.refinerUnits() > 0;
    Network<T> dense;
    if (arch.linearSkip()) {
      float[] c = new float[features];
      for (int j = 0; j < features; j++) {
        c[j] = centre == null ? 0.5f : (float) centre[j];
      }
      dense = SkipConnectedNetwork.create(tf, DenseNetwork.create(tf, prefix + NAME, type,
          arch.widths(arch.latentDim(), features), arch.activation(), Activation.LINEAR, seeds).asImputer(arch), c, arch.chainedSkip(), arch.skipOutsideSigmoid(), arch.outputMargin(), skipSupport);
    } else {
      dense = DenseNetwork.create(tf, prefix + NAME, type, arch.widths(arch.latentDim(), features),
          arch.activation(), refined ? Activation.LINEAR : Activation.SIGMOID, seeds).asImputer(arch);
    }
    return new ImputationGenerator<>(refined
        ? TableRefinerNetwork.create(tf, dense, arch.latentDim(), arch.refinerUnits(), arch.activation(), seeds)
        : dense);
  }

  /** The underlying network. */
  public Network<T> network() {
    return network;
  }

  /**
   * {@code x̄ = G_MI(h)}, with the skip path over the row's observed cells {@code x ⊙ m} into the
   * cells E did not see ({@code encoderMask} = 0) if G_MI has one. The three are null for rows
   * without observed cells (decoded from G_CG's h_c).
   */
  public Operand<T> generate(Ops tf, DenseNetwork.Weights<T> w, Operand<T> hidden, Operand<T> observed,
      Operand<T> mask, Operand<T> encoderMask) {
    return skipConnected == null ? network.apply(tf, w, hidden)
        : skipConnected.apply(tf, w, hidden, observed, mask, encoderMask);
  }

  /**
   * x̄ as HexaGAN's training losses see it and, for a G_MI with a refiner out of the game ({@link
   * OutOfGameRefiner}), the logits x̄ is σ of and the hidden vectors they came from, which the
   * refiner's loss starts from; both null without a refiner.
   */
  public record TrainingOutput<T extends TFloating>(Operand<T> xBar, Operand<T> decoderLogits, Operand<T> hidden) {}

  /** {@link #generate}, but without the term of a refiner out of the game ({@link OutOfGameRefiner}). */
  public TrainingOutput<T> generateForTraining(Ops tf, DenseNetwork.Weights<T> w, Operand<T> hidden,
      Operand<T> observed, Operand<T> mask, Operand<T> encoderMask) {
    if (network instanceof OutOfGameRefiner<T> refiner) {
      Operand<T> logits = refiner.decoderLogits(tf, w, hidden, observed, mask, encoderMask);
      return new TrainingOutput<>(Activation.SIGMOID.apply(tf, logits), logits, hidden);
    }
    return new TrainingOutput<>(generate(tf, w, hidden, observed, mask, encoderMask), null, null);
  }

  /**
   * The refiner's loss over the {@code hiddenCells} (observed, hidden from E) from {@code
   * generateForTraining}'s logits, or null for a G_MI without one ({@link
   * OutOfGameRefiner#refinementLoss}).
   */
  public Operand<T> refinementLoss(Ops tf, DenseNetwork.Weights<T> w, TrainingOutput<T> generated,
      Operand<T> observed, Operand<T> mask, Operand<T> hiddenCells) {
    return network instanceof OutOfGameRefiner<T> refiner && generated.decoderLogits() != null
        ? refiner.refinementLoss(tf, w, generated.hidden(), generated.decoderLogits(), observed, mask, hiddenCells)
        : null;
  }

  /** {@code Σ|S|} of a linear skip path, or null without one. */
  public Operand<T> skipL1(Ops tf, DenseNetwork.Weights<T> w) {
    return skipConnected == null ? null : skipConnected.l1(tf, w);
  }
}
