package io.hexagan.graph;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.OperationAttributeInspector;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.RawCustomGradient;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * The gradients that TensorFlow's C++ gradient registry lacks and that HexaGAN's zero-centred
 * gradient penalties need: the penalty is a function of an input gradient, so optimising it
 * differentiates the backward ops of the critics a second time.
 *
 * <p>With {@link FusedReluLayer} (the first-order gradient of the op it builds), the only place in
 * hexagan that registers gradients. Registration is process-wide and idempotent; every graph
 * builder calls {@link #register()} before it asks for gradients. An op whose gradient TensorFlow
 * already defines is left alone.
 *
 * <ul>
 *   <li>{@code ReluGrad(g, x) = g · 1[x > 0]}: ∂/∂g = {@code ReluGrad(ĝ, x)}, ∂/∂x = 0.
 *   <li>{@code TanhGrad(y, g) = g · (1 − y²)}: ∂/∂y = ĝ · g · (−2y), ∂/∂g = {@code TanhGrad(y, ĝ)}.
 *   <li>{@code SigmoidGrad(y, g) = g · y(1 − y)}: ∂/∂y = ĝ · g · (1 − 2y), ∂/∂g = {@code
 *       SigmoidGrad(y, ĝ)}.
 *   <li>{@code OnesLike(x)}: constant in x, ∂/∂x = 0 (the default seed of a gradient call).
 *   <li>{@code Conv2DBackpropFilter(x, filter_sizes, dy)}, the kernel gradient of a convolution,
 *       bilinear in x and dy: ∂/∂x = {@code Conv2DBackpropInput(shape(x), ĝ, dy)}, ∂/∂dy = {@code
 *       Conv2D(x, ĝ)}, with the op's strides, padding, dilations and data format; filter_sizes is
 *       an integer shape (zero gradient).
 * </ul>
 *
 * <p>Checked on TensorFlow 2.18 ({@code TensorFlow.hasGradient}): {@code Conv2D} and {@code
 * Conv2DBackpropInput} (the transposed convolution of G_MI and the input gradient inside D_MI's
 * penalty) have C++ gradients; {@code Conv2DBackpropFilter} has none. The penalty's second-order
 * path differentiates {@code Conv2DBackpropInput} only; a third-order derivative, or a critic
 * penalised through a transposed convolution, would meet {@code Conv2DBackpropFilter}.
 */
public final class SecondOrderGradients {

  /** Op types whose gradient this class provides. */
  public static final List<String> OP_TYPES =
      List.of("ReluGrad", "TanhGrad", "SigmoidGrad", "OnesLike", "Conv2DBackpropFilter");

  private static boolean registered;

  private SecondOrderGradients() {}

  /** Registers the missing gradients once per process; later calls do nothing. */
  public static synchronized void register() {
    if (registered) {
      return;
    }
    TensorFlow.registerCustomGradient("ReluGrad", SecondOrderGradients::reluGrad);
    TensorFlow.registerCustomGradient("TanhGrad", SecondOrderGradients::tanhGrad);
    TensorFlow.registerCustomGradient("SigmoidGrad", SecondOrderGradients::sigmoidGrad);
    TensorFlow.registerCustomGradient("OnesLike", SecondOrderGradients::onesLike);
    TensorFlow.registerCustomGradient("Conv2DBackpropFilter", SecondOrderGradients::conv2dBackpropFilter);
    registered = true;
  }

  private static List<Operand<?>> reluGrad(Ops tf, GraphOperation op, List<Output<?>> upstream) {
    Operand<TNumber> features = numeric(op.input(1));
    Operand<TNumber> grad = numeric(upstream.get(0));
    return List.of(tf.nn.reluGrad(grad, features), tf.zerosLike(features));
  }

  private static List<Operand<?>> tanhGrad(Ops tf, GraphOperation op, List<Output<?>> upstream) {
    Operand<TNumber> y = numeric(op.input(0));
    Operand<TNumber> dy = numeric(op.input(1));
    Operand<TNumber> grad = numeric(upstream.get(0));
    Operand<TNumber> minusTwo = tf.dtypes.cast(tf.constant(-2.0f), y.type());
    Operand<TNumber> dY = tf.math.mul(tf.math.mul(grad, dy), tf.math.mul(minusTwo, y));
    return List.of(dY, tf.math.tanhGrad(y, grad));
  }

  private static List<Operand<?>> sigmoidGrad(Ops tf, GraphOperation op, List<Output<?>> upstream) {
    Operand<TNumber> y = numeric(op.input(0));
    Operand<TNumber> dy = numeric(op.input(1));
    Operand<TNumber> grad = numeric(upstream.get(0));
    Operand<TNumber> one = tf.dtypes.cast(tf.constant(1.0f), y.type());
    Operand<TNumber> oneMinusTwoY = tf.math.sub(one, tf.math.add(y, y));
    Operand<TNumber> dY = tf.math.mul(tf.math.mul(grad, dy), oneMinusTwoY);
    return List.of(dY, tf.math.sigmoidGrad(y, grad));
  }

  private static List<Operand<?>> onesLike(Ops tf, GraphOperation op, List<Output<?>> upstream) {
    Operand<TType> x = any(op.input(0));
    return List.of(tf.zerosLike(x));
  }

  private static List<Operand<?>> conv2dBackpropFilter(Ops tf, GraphOperation op, List<Output<?>> upstream) {
    Operand<TNumber> x = numeric(op.input(0));
    Operand<TType> filterSizes = any(op.input(1));
    Operand<TNumber> dy = numeric(op.input(2));
    Operand<TNumber> grad = numeric(upstream.get(0));
    OperationAttributeInspector attrs = op.attributes();
    List<Long> strides = longs(attrs.getAttrIntList("strides"));
    String padding = attrs.getAttrString("padding");
    List<Long> dilations = longs(attrs.getAttrIntList("dilations"));
    String format = attrs.getAttrString("data_format");
    List<Long> explicit = longs(attrs.getAttrIntList("explicit_paddings"));
    Operand<TNumber> dX = tf.nn.conv2dBackpropInput(tf.shape(x), grad, dy, strides, padding,
        Conv2dBackpropInput.dilations(dilations), Conv2dBackpropInput.dataFormat(format),
        Conv2dBackpropInput.explicitPaddings(explicit));
    Operand<TNumber> dDy = tf.nn.conv2d(x, grad, strides, padding, Conv2d.dilations(dilations),
        Conv2d.dataFormat(format), Conv2d.explicitPaddings(explicit));
    return List.of(dX, tf.zerosLike(filterSizes), dDy);
  }

  private static List<Long> longs(long[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }

  @SuppressWarnings("unchecked")
  private static Operand<TNumber> numeric(Output<?> output) {
    return (Operand<TNumber>) output;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TType> any(Output<?> output) {
    return (Operand<TType>) output;
  }

  /** For tests: the gradient functions are registered with TensorFlow. */
  static RawCustomGradient gradientOf(String opType) {
    return switch (opType) {
      case "ReluGrad" -> SecondOrderGradients::reluGrad;
      case "TanhGrad" -> SecondOrderGradients::tanhGrad;
      case "SigmoidGrad" -> SecondOrderGradients::sigmoidGrad;
      case "OnesLike" -> SecondOrderGradients::onesLike;
      case "Conv2DBackpropFilter" -> SecondOrderGradients::conv2dBackpropFilter;
      default -> throw new IllegalArgumentException("no custom gradient for " + opType);
    };
  }
}
