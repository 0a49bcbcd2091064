package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A convolutional network with a dense head: the first {@code channels · height · width} columns
 * of a row are an image (channel planes, see {@link ImageLayout}); two 5×5 stride-2 convolutions
 * of {@code filters} and {@code 2·filters} reduce it to a quarter of its height and width; the
 * flattened features, with the row's remaining columns (such as a label) appended, feed a {@link
 * DenseNetwork} head. E and D_MI of the convolutional architecture are such networks.
 *
 * <p>Its variables are the two kernels and biases ({@code name/conv0_w}, …) followed by the head's
 * ({@code name/w0}, …), in the order of {@link #variables()}.
 */
public final class ConvolutionalNetwork<T extends TFloating> implements LinearOutputNetwork<T> {
  private final String name;
  private final Class<T> type;
  private final int height;
  private final int width;
  private final int channels;
  private final int extraColumns;
  private final Activation activation;
  private final List<ResourceVariable<T>> convolutionVariables;
  private final DenseNetwork<T> head;

  private ConvolutionalNetwork(String name, Class<T> type, int height, int width, int channels, int extraColumns,
      Activation activation, List<ResourceVariable<T>> convolutionVariables, DenseNetwork<T> head) {
    this.name = name;
    this.type = type;
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.extraColumns = extraColumns;
    this.activation = activation;
    this.convolutionVariables = List.copyOf(convolutionVariables);
    this.head = head;
  }

  /**
   * Creates the variables.
   *
   * @param channels planes of the input image
   * @param filters filters of the first convolution (the second has twice as many)
   * @param extraColumns columns after the image, appended to the convolution features
   * @param headWidths the head's hidden widths and its output width (its input width is derived)
   * @param hidden activation of the convolutions and the head's hidden layers
   * @param output activation of the head's output layer
   */
  public static <T extends TFloating> ConvolutionalNetwork<T> create(
      Ops tf, String name, Class<T> type, int height, int width, int channels, int filters, int extraColumns,
      int[] headWidths, Activation hidden, Activation output, SeedStream seeds) {
    if (height % 4 != 0 || width % 4 != 0 || channels < 1 || filters < 1 || extraColumns < 0 || headWidths.length < 1) {
      throw new IllegalArgumentException(name + ": expected height and width multiples of 4, channels and filters "
          + "≥ 1, found " + height + "×" + width + "×" + channels + ", " + filters + " filters");
    }
    List<ResourceVariable<T>> conv = new ArrayList<>();
    conv.addAll(ConvolutionLayers.kernel(tf, name + "/conv0", type, channels, filters, filters,
        25 * channels, seeds));
    conv.addAll(ConvolutionLayers.kernel(tf, name + "/conv1", type, filters, 2 * filters, 2 * filters,
        25 * filters, seeds));
    int[] widths = new int[headWidths.length + 1];
    widths[0] = (height / 4) * (width / 4) * 2 * filters + extraColumns;
    System.arraycopy(headWidths, 0, widths, 1, headWidths.length);
    DenseNetwork<T> head = DenseNetwork.create(tf, name, type, widths, hidden, output, seeds);
    return new ConvolutionalNetwork<>(name, type, height, width, channels, extraColumns, hidden, conv, head);
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
    List<ResourceVariable<T>> all = new ArrayList<>(convolutionVariables);
    all.addAll(head.variables());
    return all;
  }

  @Override
  public int inputWidth() {
    return channels * height * width + extraColumns;
  }

  @Override
  public int outputWidth() {
    return head.outputWidth();
  }

  @Override
  public int hiddenWidth() {
    return head.hiddenWidth();
  }

  /** The dense head after the convolutions. */
  public DenseNetwork<T> head() {
    return head;
  }

  @Override
  public Operand<T> apply(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> input) {
    return head.apply(tf, headWeights(weights), features(tf, weights, input));
  }

  @Override
  public Operand<T> hidden(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> input) {
    return head.hidden(tf, headWeights(weights), features(tf, weights, input));
  }

  @Override
  public Operand<T> outputMatrix(DenseNetwork.Weights<T> weights) {
    return head.outputMatrix(headWeights(weights));
  }

  @Override
  public Operand<T> outputBias(DenseNetwork.Weights<T> weights) {
    return head.outputBias(headWeights(weights));
  }

  /** The head's input: the flattened convolution features, then the extra columns. */
  private Operand<T> features(Ops tf, DenseNetwork.Weights<T> weights, Operand<T> input) {
    int pixels = channels * height * width;
    Operand<T> flat = extraColumns == 0 ? input
        : tf.slice(input, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, pixels}));
    Operand<T> image = ConvolutionLayers.toImages(tf, flat, height, width, channels);
    List<Operand<T>> w = weights.tensors();
    Operand<T> a = ConvolutionLayers.convolve(tf, image, w.get(0), w.get(1), activation);
    a = ConvolutionLayers.convolve(tf, a, w.get(2), w.get(3), activation);
    int featureWidth = head.inputWidth() - extraColumns;
    Operand<T> features = tf.reshape(a, tf.constant(new int[] {-1, featureWidth}));
    if (extraColumns == 0) {
      return features;
    }
    Operand<T> extra = tf.slice(input, tf.constant(new int[] {0, pixels}), tf.constant(new int[] {-1, extraColumns}));
    return tf.concat(List.of(features, extra), tf.constant(1));
  }

  private DenseNetwork.Weights<T> headWeights(DenseNetwork.Weights<T> weights) {
    List<Operand<T>> all = weights.tensors();
    return new DenseNetwork.Weights<>(all.subList(convolutionVariables.size(), all.size()));
  }
}
