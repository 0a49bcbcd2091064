package io.hexagan.graph;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * A dense ReLU layer {@code a = relu(x W + b)} as one TensorFlow op, {@code _FusedMatMul} with the
 * fused ops {@code BiasAdd, Relu} (kernels for float32 on CPU and GPU in TensorFlow 2.18), and its
 * gradient registered from Java.
 *
 * <p>Why: TensorFlow fuses MatMul + bias + ReLU by itself (Grappler's remapper) only when the
 * pre-activation {@code z = x W + b} has no other reader, and the C++ gradient of {@code Relu}
 * reads z ({@code ReluGrad(g, z)}). In a graph that is differentiated, every ReLU thus stays a
 * separate op; TensorFlow Java will not replace the C++ gradient of {@code Relu}, but {@code
 * _FusedMatMul} has none, so this class builds the fused op directly and gives it a gradient that
 * reads the output instead: {@code 1[z > 0] = 1[a > 0]}, so with upstream gradient g,
 * {@code dz = ReluGrad(g, a)}, {@code dx = dz Wᵀ}, {@code dW = xᵀ dz}, {@code db = Σ_rows dz}.
 * The second derivative (the gradient penalties differentiate this gradient again) follows from
 * the gradients of MatMul, Sum and {@code ReluGrad} ({@link SecondOrderGradients}), as in the
 * unfused layer.
 *
 * <p>Only training graphs use it ({@link DenseNetwork#withFusedRelu}): the exported serving graph
 * keeps plain MatMul, Add and Relu ops, which every TensorFlow runtime and converter knows (and
 * which Grappler fuses there anyway, as nothing differentiates them).
 */
final class FusedReluLayer {

  /** The fused op's type. */
  static final String OP_TYPE = "_FusedMatMul";

  /** Whether this class's gradient is registered; null until the first attempt. */
  private static Boolean available;

  private FusedReluLayer() {}

  /**
   * Whether fused layers can be built: registers the fused op's gradient on the first call (once
   * per process, before any graph differentiates the op). TensorFlow refuses a second gradient for
   * an op type, so if something else in the process registered one for {@value #OP_TYPE} first,
   * this returns false for good and {@link DenseNetwork} builds plain MatMul, Add and Relu layers:
   * the same values, without the fusion's speed, and never differentiated with a gradient this
   * class did not write.
   */
  static synchronized boolean available() {
    if (available == null) {
      available = TensorFlow.registerCustomGradient(OP_TYPE, FusedReluLayer::gradient);
    }
    return available;
  }

  /** {@code relu(input · weights + bias)}: input [rows, in], weights [in, out], bias [out]. */
  static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> input, Operand<TFloat32> weights,
      Operand<TFloat32> bias) {
    if (!available()) {
      throw new IllegalStateException("TensorFlow refused a gradient for " + OP_TYPE + ": build plain layers");
    }
    Scope scope = tf.scope();
    GraphOperation op = (GraphOperation) scope.env()
        .opBuilder(OP_TYPE, scope.makeOpName("DenseRelu"), scope)
        .addInput(input.asOutput())
        .addInput(weights.asOutput())
        .addInputList(new Output<?>[] {bias.asOutput()})
        .setAttr("fused_ops", new String[] {"BiasAdd", "Relu"})
        .setAttr("num_args", 1L)
        .setAttr("transpose_a", false)
        .setAttr("transpose_b", false)
        .build();
    return op.output(0);
  }

  private static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> upstream) {
    Operand<TFloat32> input = float32(op.input(0));
    Operand<TFloat32> weights = float32(op.input(1));
    Operand<TFloat32> dz = tf.nn.reluGrad(float32(upstream.get(0)), float32(op.output(0)));
    return List.of(
        tf.linalg.matMul(dz, weights, MatMul.transposeB(true)),
        tf.linalg.matMul(input, dz, MatMul.transposeA(true)),
        tf.reduceSum(dz, tf.constant(0)));
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> float32(Output<?> output) {
    return (Operand<TFloat32>) output;
  }
}
