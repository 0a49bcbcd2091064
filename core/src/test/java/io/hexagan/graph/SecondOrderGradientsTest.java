package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * Every custom-registered gradient, checked in float64 against central finite differences of a
 * function that differentiates through it: {@code L(x, c) = Σ e ⊙ (∂/∂x Σ c ⊙ act(x))²}, so that
 * optimising L differentiates act's backward op with respect to both of its inputs.
 */
class SecondOrderGradientsTest {
  private static final double TOLERANCE = 1e-6;

  @BeforeAll
  static void register() {
    SecondOrderGradients.register();
  }

  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"RELU", "LEAKY_RELU", "TANH", "SIGMOID"})
  void gradientOfActivationGradientMatchesFiniteDifferences(Activation act) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat64> x = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(3, 4)));
      Placeholder<TFloat64> c = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(3, 4)));
      Operand<TFloat64> e = tf.constant(new double[][] {{1, 2, 3, 4}, {0.5, -1, 2, 1}, {1, 1, -2, 3}});
      Operand<TFloat64> y = tf.reduceSum(tf.math.mul(c, act.apply(tf, x)), tf.constant(new int[] {0, 1}));
      Operand<TFloat64> dx = GradientPenalties.inputGradient(tf, y, x);
      Operand<TFloat64> loss = tf.reduceSum(tf.math.mul(e, tf.math.square(dx)), tf.constant(new int[] {0, 1}));
      List<Operand<?>> grads = tf.gradients(loss, List.of(x, c)).dy().stream().<Operand<?>>map(o -> o).toList();
      SplittableRandom r = new SplittableRandom(7);
      // Keep x away from ReLU's kink so that the finite difference never straddles it.
      double[] xv = FiniteDifferences.random(r, 12, 0.1, 1.5);
      for (int i = 0; i < xv.length; i += 2) {
        xv[i] = -xv[i];
      }
      List<FiniteDifferences.Input> inputs = List.of(
          new FiniteDifferences.Input(x, Shape.of(3, 4), xv),
          new FiniteDifferences.Input(c, Shape.of(3, 4), FiniteDifferences.random(r, 12, -1, 1)));
      try (Session s = new Session(g)) {
        double err = FiniteDifferences.maxRelativeError(s, loss, grads, inputs, 1e-6);
        assertTrue(err < TOLERANCE, act + ": relative error " + err);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ReluGrad", "TanhGrad", "SigmoidGrad", "OnesLike", "Conv2DBackpropFilter"})
  void registeredOpsNowHaveGradients(String opType) throws Exception {
    java.lang.reflect.Method has = org.tensorflow.TensorFlow.class.getDeclaredMethod("hasGradient", String.class);
    has.setAccessible(true);
    assertTrue((Boolean) has.invoke(null, opType), opType);
    assertTrue(SecondOrderGradients.OP_TYPES.contains(opType));
  }

  @org.junit.jupiter.api.Test
  void onesLikeSeedIsConstant() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat64> x = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(5)));
      // L = Σ onesLike(x) ⊙ x², differentiated through OnesLike: dL/dx = 2x.
      Operand<TFloat64> loss = tf.reduceSum(tf.math.mul(tf.onesLike(x), tf.math.square(x)), tf.constant(0));
      List<Operand<?>> grads = tf.gradients(loss, List.of(x)).dy().stream().<Operand<?>>map(o -> o).toList();
      List<FiniteDifferences.Input> inputs = List.of(
          new FiniteDifferences.Input(x, Shape.of(5), new double[] {0.3, -1.2, 2.0, 0.7, -0.1}));
      try (Session s = new Session(g)) {
        assertTrue(FiniteDifferences.maxRelativeError(s, loss, grads, inputs, 1e-6) < TOLERANCE);
      }
    }
  }

  /** The kernel gradient of a convolution: L = Σ e ⊙ Conv2DBackpropFilter(x, sizes, dy)², w.r.t. x and dy. */
  @ParameterizedTest
  @ValueSource(strings = {"SAME", "VALID"})
  void gradientOfConvolutionKernelGradientMatchesFiniteDifferences(String padding) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Shape xShape = Shape.of(2, 6, 6, 2);
      Shape dyShape = padding.equals("SAME") ? Shape.of(2, 3, 3, 3) : Shape.of(2, 2, 2, 3);
      Placeholder<TFloat64> x = tf.placeholder(TFloat64.class, Placeholder.shape(xShape));
      Placeholder<TFloat64> dy = tf.placeholder(TFloat64.class, Placeholder.shape(dyShape));
      Operand<TFloat64> kernelGrad = tf.nn.conv2dBackpropFilter(x, tf.constant(new int[] {3, 3, 2, 3}), dy,
          List.of(1L, 2L, 2L, 1L), padding);
      SplittableRandom r = new SplittableRandom(23);
      Operand<TFloat64> e = tf.constant(org.tensorflow.ndarray.NdArrays.wrap(Shape.of(3, 3, 2, 3),
          org.tensorflow.ndarray.buffer.DataBuffers.of(FiniteDifferences.random(r, 54, -1, 1), true, false)));
      Operand<TFloat64> loss = tf.reduceSum(tf.math.mul(e, tf.math.square(kernelGrad)),
          tf.constant(new int[] {0, 1, 2, 3}));
      List<Operand<?>> grads = tf.gradients(loss, List.of(x, dy)).dy().stream().<Operand<?>>map(o -> o).toList();
      List<FiniteDifferences.Input> inputs = List.of(
          new FiniteDifferences.Input(x, xShape, FiniteDifferences.random(r, (int) xShape.size(), -1, 1)),
          new FiniteDifferences.Input(dy, dyShape, FiniteDifferences.random(r, (int) dyShape.size(), -1, 1)));
      try (Session s = new Session(g)) {
        double err = FiniteDifferences.maxRelativeError(s, loss, grads, inputs, 1e-6);
        assertTrue(err < TOLERANCE, padding + ": relative error " + err);
      }
    }
  }

  /**
   * The transposed convolution (G_MI's layer, and the input gradient inside D_MI's penalty) has
   * TensorFlow's own gradient: L = Σ e ⊙ Conv2DBackpropInput(sizes, w, dy)², w.r.t. w and dy.
   */
  @org.junit.jupiter.api.Test
  void transposedConvolutionHasTensorFlowsGradientAndItMatchesFiniteDifferences() throws Exception {
    java.lang.reflect.Method has = org.tensorflow.TensorFlow.class.getDeclaredMethod("hasGradient", String.class);
    has.setAccessible(true);
    assertTrue((Boolean) has.invoke(null, "Conv2DBackpropInput"));
    assertTrue(!SecondOrderGradients.OP_TYPES.contains("Conv2DBackpropInput"), "TensorFlow's own gradient is kept");
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Shape wShape = Shape.of(5, 5, 2, 3);
      Shape dyShape = Shape.of(2, 2, 2, 3);
      Placeholder<TFloat64> w = tf.placeholder(TFloat64.class, Placeholder.shape(wShape));
      Placeholder<TFloat64> dy = tf.placeholder(TFloat64.class, Placeholder.shape(dyShape));
      Operand<TFloat64> image = tf.nn.conv2dBackpropInput(tf.constant(new int[] {2, 4, 4, 2}), w, dy,
          List.of(1L, 2L, 2L, 1L), "SAME");
      SplittableRandom r = new SplittableRandom(31);
      Operand<TFloat64> e = tf.constant(org.tensorflow.ndarray.NdArrays.wrap(Shape.of(2, 4, 4, 2),
          org.tensorflow.ndarray.buffer.DataBuffers.of(FiniteDifferences.random(r, 64, -1, 1), true, false)));
      Operand<TFloat64> loss = tf.reduceSum(tf.math.mul(e, tf.math.square(image)), tf.constant(new int[] {0, 1, 2, 3}));
      List<Operand<?>> grads = tf.gradients(loss, List.of(w, dy)).dy().stream().<Operand<?>>map(o -> o).toList();
      List<FiniteDifferences.Input> inputs = List.of(
          new FiniteDifferences.Input(w, wShape, FiniteDifferences.random(r, (int) wShape.size(), -1, 1)),
          new FiniteDifferences.Input(dy, dyShape, FiniteDifferences.random(r, (int) dyShape.size(), -1, 1)));
      try (Session s = new Session(g)) {
        double err = FiniteDifferences.maxRelativeError(s, loss, grads, inputs, 1e-6);
        assertTrue(err < TOLERANCE, "relative error " + err);
      }
    }
  }
}
