package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The pieces the convolutional networks share: Glorot-uniform kernels, 5×5 stride-2 'SAME'
 * convolutions and transposed convolutions, and the conversion between flat rows (channel planes,
 * each row-major; see {@link ImageLayout}) and NHWC images.
 */
final class ConvolutionLayers {
  private static final List<Long> STRIDE_1 = List.of(1L, 1L, 1L, 1L);
  private static final List<Long> STRIDE_2 = List.of(1L, 2L, 2L, 1L);
  private static final String SAME = "SAME";

  private ConvolutionLayers() {}

  /**
   * A kernel variable of shape {@code [k, k, a, b]}, He-uniform (±√(6 / fanIn)), and a zero bias
   * of {@code biasWidth}. He rather than Glorot: Glorot's fan-out of k²·b makes a convolution's
   * kernels so small that E's hidden vectors hardly vary between images at the start, and the
   * imputer then settles on the per-pixel mean (measured: the variance of h across a batch 0.003
   * with Glorot, against 0.09 for the dense E).
   *
   * @param fanIn inputs that reach one output: k²·a for a convolution, k²·b/4 for a stride-2
   *     transposed one
   */
  static <T extends TFloating> List<ResourceVariable<T>> kernel(
      Ops tf, String name, Class<T> type, int a, int b, int biasWidth, int fanIn, SeedStream seeds) {
    return kernel(tf, name, type, ImageLayout.KERNEL, a, b, biasWidth, fanIn, seeds);
  }

  /** As {@link #kernel(Ops, String, Class, int, int, int, int, SeedStream)}, {@code k × k}. */
  static <T extends TFloating> List<ResourceVariable<T>> kernel(
      Ops tf, String name, Class<T> type, int k, int a, int b, int biasWidth, int fanIn, SeedStream seeds) {
    Ops init = tf.withInitScope();
    double limit = Math.sqrt(6.0 / fanIn);
    Shape shape = Shape.of(k, k, a, b);
    Operand<T> unit = init.random.randomUniform(init.constant(shape), type, seeds.uniform());
    Operand<T> glorot = init.math.mul(init.math.sub(unit, init.dtypes.cast(init.constant(0.5f), type)),
        init.dtypes.cast(init.constant((float) (2 * limit)), type));
    ResourceVariable<T> w = ResourceVariable.create(tf, name + "_w", type, shape, glorot);
    ResourceVariable<T> bias = ResourceVariable.create(tf, name + "_b", type, Shape.of(biasWidth),
        init.zeros(init.constant(new long[] {biasWidth}), type));
    return List.of(w, bias);
  }

  /** act(conv(x, w) + b), stride 1: height and width kept. */
  static <T extends TFloating> Operand<T> convolveSame(
      Ops tf, Operand<T> image, Operand<T> kernel, Operand<T> bias, Activation act) {
    return act.apply(tf, tf.math.add(tf.nn.conv2d(image, kernel, STRIDE_1, SAME), bias));
  }

  /** act(conv(x, w) + b), halving height and width. */
  static <T extends TFloating> Operand<T> convolve(
      Ops tf, Operand<T> image, Operand<T> kernel, Operand<T> bias, Activation act) {
    return act.apply(tf, tf.math.add(tf.nn.conv2d(image, kernel, STRIDE_2, SAME), bias));
  }

  /**
   * act(convᵀ(x, w) + b), doubling height and width: the transposed convolution ({@code
   * Conv2DBackpropInput}) to {@code [rows, height, width, channels]}.
   *
   * @param kernel [k, k, channels, in channels]
   */
  static <T extends TFloating> Operand<T> deconvolve(
      Ops tf, Operand<T> image, Operand<T> kernel, Operand<T> bias, int height, int width, int channels,
      Activation act) {
    Operand<org.tensorflow.types.TInt32> rows =
        tf.slice(tf.shape(image), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<org.tensorflow.types.TInt32> size =
        tf.concat(List.of(rows, tf.constant(new int[] {height, width, channels})), tf.constant(0));
    return act.apply(tf, tf.math.add(tf.nn.conv2dBackpropInput(size, kernel, image, STRIDE_2, SAME), bias));
  }

  /** Flat rows of {@code channels} planes → NHWC images [rows, height, width, channels]. */
  static <T extends TFloating> Operand<T> toImages(Ops tf, Operand<T> flat, int height, int width, int channels) {
    if (channels == 1) {
      return tf.reshape(flat, tf.constant(new int[] {-1, height, width, 1}));
    }
    Operand<T> planes = tf.reshape(flat, tf.constant(new int[] {-1, channels, height, width}));
    return tf.linalg.transpose(planes, tf.constant(new int[] {0, 2, 3, 1}));
  }

  /** NHWC images → flat rows of channel planes, [rows, channels · height · width]. */
  static <T extends TFloating> Operand<T> toRows(Ops tf, Operand<T> images, int height, int width, int channels) {
    if (channels == 1) {
      return tf.reshape(images, tf.constant(new int[] {-1, height * width}));
    }
    Operand<T> planes = tf.linalg.transpose(images, tf.constant(new int[] {0, 3, 1, 2}));
    return tf.reshape(planes, tf.constant(new int[] {-1, channels * height * width}));
  }
}
