package io.hexagan.graph;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.RawCustomGradient;
import org.tensorflow.types.family.TNumber;
import org.tensorflow.types.family.TType;

/**
 * The gradients that TensorFlow's C++ gradient registry lacks and that HexaGAN's zero-centred
 * gradient penalties need: the penalty is a function of an input gradient, so optimising it
 * differentiates the backward ops of the critics a second time.
 *
 * <p>This is the only place in hexagan that registers gradients. Registration is process-wide and
 * idempotent; every graph builder calls {@link #register()} before it asks for gradients. An op
 * whose gradient TensorFlow already defines is left alone.
 *
 * <ul>
 *   <li>{@code ReluGrad(g, x) = g · 1[x > 0]}: ∂/∂g = {@code ReluGrad(ĝ, x)}, ∂/∂x = 0.
 *   <li>{@code TanhGrad(y, g) = g · (1 − y²)}: ∂/∂y = ĝ · g · (−2y), ∂/∂g = {@code TanhGrad(y, ĝ)}.
 *   <li>{@code SigmoidGrad(y, g) = g · y(1 − y)}: ∂/∂y = ĝ · g · (1 − 2y), ∂/∂g = {@code
 *       SigmoidGrad(y, ĝ)}.
 *   <li>{@code OnesLike(x)}: constant in x, ∂/∂x = 0 (the default seed of a gradient call).
 * </ul>
 */
public final class SecondOrderGradients {

  /** Op types whose gradient this class provides. */
  public static final List<String> OP_TYPES = List.of("ReluGrad", "TanhGrad", "SigmoidGrad", "OnesLike");

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
      default -> throw new IllegalArgumentException("no custom gradient for " + opType);
    };
  }
}
