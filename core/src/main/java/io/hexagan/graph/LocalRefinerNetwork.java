package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The convolutional G_MI with a local refiner beside it: at inference its output is {@code σ(g(h)
 * + (1 − e) ⊙ s(x ⊙ m, m))}, where {@code g} is the deconvolutional network over h ({@link
 * DeconvolutionalNetwork}, linear output), {@code x} and {@code m} the image's observed values and
 * mask, {@code e} the mask E read and {@code s} a small convolutional network over the observed
 * neighbourhood of each pixel: a 5×5 stride-1 convolution whose centre tap is held at zero, then a
 * 1×1 convolution of the same width, both with the hidden activation, then a 1×1 convolution to the
 * image's channels. The centre tap is the only path from a pixel to its own position, so no pixel's
 * value reaches its own output: {@code s} predicts a pixel from its observed neighbours, as {@link
 * SkipConnectedNetwork}'s zero diagonal does for a table's cells.
 *
 * <p>Unlike the tables' path, {@code s} stays out of HexaGAN's game: in training every loss sees
 * G_MI as {@code σ(g(h))} ({@link #decoderLogits}), exactly as without the refiner, and {@code s} learns
 * alone, from {@link #refinementLoss}: the squared error of {@code σ(g(h) + s)} on the observed
 * pixels the input dropout hid from E, with g's logits held fixed. Why: inside the game (added to
 * the logits of every pixel E did not see, trained by L_recon and D_MI) it diverged on MNIST (32
 * filters: D_MI's loss −1.2 to −10.1 in four epochs, validation RMSE 0.43 to 0.73, worse than the
 * pixel means' 0.26); trained by L_recon only it stayed ahead of the plain model for four epochs
 * (validation 0.176 against 0.235) and then fell behind (0.177 against 0.142 at epoch 8) while the
 * hidden-space GAN's losses grew a hundredfold: the correction took L_recon's pressure off g at the
 * hidden pixels, and E and G_CG drifted.
 *
 * <p>Why a local path at all: E squeezes the image through d_h values, so g's output over h is a
 * smooth digit (the 512-wide model reproduces even the pixels E saw only to a mean squared error of
 * 0.0069), while a missing pixel's observed neighbours say where the stroke's edge runs. Its last
 * convolution starts at zero, so the refiner starts as the identity.
 *
 * <p>Variables: the deconvolutional network's, then {@code name/local0_w}, {@code name/local0_b}
 * (5×5, {@code [5, 5, 2·channels, filters]}), {@code name/local1_*} (1×1) and {@code
 * name/local2_*} (1×1 to the channels), in that order in {@link DenseNetwork.Weights#tensors()}.
 */
public final class LocalRefinerNetwork<T extends TFloating> implements OutOfGameRefiner<T> {
  private static final int LOCAL_VARIABLES = 6;
  private static final long REFINER_SALT = 0x10CA15C1AL;
  private final DeconvolutionalNetwork<T> deconvolution;
  private final List<ResourceVariable<T>> localVariables;
  private final ImageLayout image;
  private final Activation activation;
  private final int latent;

  private LocalRefinerNetwork(DeconvolutionalNetwork<T> deconvolution, List<ResourceVariable<T>> localVariables,
      ImageLayout image, Activation activation, int latent) {
    this.deconvolution = deconvolution;
    this.localVariables = List.copyOf(localVariables);
    this.image = image;
    this.activation = activation;
    this.latent = latent;
  }

  /**
   * Creates the variables.
   *
   * @param deconvolution G_MI's network over h, with a linear output
   * @param image the layout; {@link ImageLayout#refinerFilters()} is the refiner's width
   * @param hidden activation of the refiner's two hidden convolutions
   */
  public static <T extends TFloating> LocalRefinerNetwork<T> create(Ops tf, DeconvolutionalNetwork<T> deconvolution,
      ImageLayout image, Activation hidden, SeedStream seeds) {
    int f = image.refinerFilters();
    int c = image.channels();
    if (f < 1 || deconvolution.outputWidth() != image.pixels()) {
      throw new IllegalArgumentException(deconvolution.name() + ": expected refinerFilters ≥ 1 and an output of "
          + image.pixels() + " pixels, found " + f + " and " + deconvolution.outputWidth());
    }
    String name = deconvolution.name();
    Class<T> type = deconvolution.type();
    List<ResourceVariable<T>> local = new ArrayList<>();
    int k = ImageLayout.KERNEL;
    // Its own stream, so that a graph with the refiner draws every other number as one without it.
    SeedStream own = seeds.aside(REFINER_SALT);
    local.addAll(ConvolutionLayers.kernel(tf, name + "/local0", type, k, 2 * c, f, f, (k * k - 1) * 2 * c, own));
    local.addAll(ConvolutionLayers.kernel(tf, name + "/local1", type, 1, f, f, f, f, own));
    Ops init = tf.withInitScope();
    local.add(ResourceVariable.create(tf, name + "/local2_w", type, Shape.of(1, 1, f, c),
        init.zeros(init.constant(new long[] {1, 1, f, c}), type)));
    local.add(ResourceVariable.create(tf, name + "/local2_b", type, Shape.of(c),
        init.zeros(init.constant(new long[] {c}), type)));
    return new LocalRefinerNetwork<>(deconvolution, local, image, hidden, deconvolution.inputWidth());
  }

  @Override
  public String name() {
    return deconvolution.name();
  }

  @Override
  public Class<T> type() {
    return deconvolution.type();
  }

  @Override
  public List<ResourceVariable<T>> variables() {
    List<ResourceVariable<T>> all = new ArrayList<>(deconvolution.variables());
    all.addAll(localVariables);
    return all;
  }

  /** {@code [h | x | m | e]}: d_h + 3d. */
  @Override
  public int inputWidth() {
    return latent + 3 * image.pixels();
  }

  @Override
  public int outputWidth() {
    return image.pixels();
  }

  /** {@code g(h)}: the logits of G_MI without the refiner; σ of them is what every training loss sees. */
  @Override
  public Operand<T> decoderLogits(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x,
      Operand<T> m, Operand<T> e) {
    List<Operand<T>> w = weights.tensors();
    return deconvolution.apply(tf, new DenseNetwork.Weights<>(w.subList(0, w.size() - LOCAL_VARIABLES)), h);
  }

  /**
   * {@code s(x ⊙ m, m)} as flat rows: reads every observed pixel, those hidden from E too (in
   * training), as its blind centre keeps a pixel from its own term.
   */
  @Override
  public Operand<T> term(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> h, Operand<T> x, Operand<T> m,
      Operand<T> e) {
    List<Operand<T>> w = weights.tensors();
    int own = w.size() - LOCAL_VARIABLES;
    int height = image.height();
    int width = image.width();
    int c = image.channels();
    Operand<T> observed = ConvolutionLayers.toImages(tf, tf.math.mul(x, m), height, width, c);
    Operand<T> mask = ConvolutionLayers.toImages(tf, m, height, width, c);
    Operand<T> in = tf.concat(List.of(observed, mask), tf.constant(3));
    Operand<T> blind = tf.math.mul(w.get(own), centreMask(tf));
    Operand<T> a = ConvolutionLayers.convolveSame(tf, in, blind, w.get(own + 1), activation);
    Operand<T> b = ConvolutionLayers.convolveSame(tf, a, w.get(own + 2), w.get(own + 3), activation);
    Operand<T> s = ConvolutionLayers.convolveSame(tf, b, w.get(own + 4), w.get(own + 5), Activation.LINEAR);
    return ConvolutionLayers.toRows(tf, s, height, width, c);
  }

  /** The refiner has no L1 weight. */
  @Override
  public Operand<T> l1(Ops tf, DenseNetwork.Weights<T> weights) {
    return null;
  }

  /** {@code [k, k, 1, 1]}: 1 everywhere but the centre tap, broadcast over the kernel's channels. */
  private Operand<T> centreMask(Ops tf) {
    int k = ImageLayout.KERNEL;
    float[][][][] mask = new float[k][k][1][1];
    for (float[][][] row : mask) {
      for (float[][] tap : row) {
        tap[0][0] = 1f;
      }
    }
    mask[k / 2][k / 2][0][0] = 0f;
    return tf.dtypes.cast(tf.constant(mask), deconvolution.type());
  }
}
