package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A dense layer followed by two 5×5 stride-2 transposed convolutions: a vector becomes a
 * {@code [height/4, width/4, 2·filters]} map, then {@code [height/2, width/2, filters]}, then the
 * image {@code [height, width, channels]}, returned as a flat row of channel planes (see {@link
 * ImageLayout}). G_MI of the convolutional architecture is such a network.
 *
 * <p>Its variables are the dense layer's ({@code name/w0}, {@code name/b0}) followed by the two
 * kernels and biases ({@code name/deconv0_w}, …).
 */
public final class DeconvolutionalNetwork<T extends TFloating> implements Network<T> {
  private final String name;
  private final Class<T> type;
  private final int height;
  private final int width;
  private final int channels;
  private final int filters;
  private final Activation activation;
  private final Activation output;
  private final DenseNetwork<T> projection;
  private final List<ResourceVariable<T>> deconvolutionVariables;

  private DeconvolutionalNetwork(String name, Class<T> type, int height, int width, int channels, int filters,
      Activation activation, Activation output, DenseNetwork<T> projection,
      List<ResourceVariable<T>> deconvolutionVariables) {
    this.name = name;
    this.type = type;
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.filters = filters;
    this.activation = activation;
    this.output = output;
    this.projection = projection;
    this.deconvolutionVariables = List.copyOf(deconvolutionVariables);
  }

  /**
   * Creates the variables.
   *
   * @param inputs width of the input vector
   * @param hidden activation of the dense layer and the first transposed convolution
   * @param output activation of the image
   */
  public static <T extends TFloating> DeconvolutionalNetwork<T> create(
      Ops tf, String name, Class<T> type, int inputs, int height, int width, int channels, int filters,
      Activation hidden, Activation output, SeedStream seeds) {
    if (height % 4 != 0 || width % 4 != 0 || channels < 1 || filters < 1 || inputs < 1) {
      throw new IllegalArgumentException(name + ": expected height and width multiples of 4, channels and filters "
          + "≥ 1, found " + height + "×" + width + "×" + channels + ", " + filters + " filters");
    }
    int seedMap = (height / 4) * (width / 4) * 2 * filters;
    DenseNetwork<T> projection = DenseNetwork.create(tf, name, type, new int[] {inputs, seedMap}, hidden, hidden, seeds);
    List<ResourceVariable<T>> deconv = new ArrayList<>();
    // A transposed convolution's kernel is [k, k, output channels, input channels].
    deconv.addAll(ConvolutionLayers.kernel(tf, name + "/deconv0", type, filters, 2 * filters, filters,
        25 * 2 * filters / 4, seeds));
    deconv.addAll(ConvolutionLayers.kernel(tf, name + "/deconv1", type, channels, filters, channels,
        25 * filters / 4, seeds));
    return new DeconvolutionalNetwork<>(name, type, height, width, channels, filters, hidden, output, projection,
        deconv);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public List<ResourceVariable<T>> variables() {
    List<ResourceVariable<T>> all = new ArrayList<>(projection.variables());
    all.addAll(deconvolutionVariables);
    return all;
  }

  @Override
  public int inputWidth() {
    return projection.inputWidth();
  }

  @Override
  public int outputWidth() {
    return channels * height * width;
  }

  @Override
  public Operand<T> apply(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> input) {
    List<Operand<T>> w = weights.tensors();
    int dense = projection.variables().size();
    Operand<T> seed = projection.apply(tf, new DenseNetwork.Weights<>(w.subList(0, dense)), input);
    Operand<T> map = tf.reshape(seed, tf.constant(new int[] {-1, height / 4, width / 4, 2 * filters}));
    Operand<T> half = ConvolutionLayers.deconvolve(tf, map, w.get(dense), w.get(dense + 1), height / 2, width / 2,
        filters, activation);
    Operand<T> image = ConvolutionLayers.deconvolve(tf, half, w.get(dense + 2), w.get(dense + 3), height, width,
        channels, output);
    return ConvolutionLayers.toRows(tf, image, height, width, channels);
  }
}
