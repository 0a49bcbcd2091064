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
  @ValueSource(strings = {"ReluGrad", "TanhGrad", "SigmoidGrad", "OnesLike"})
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
}
