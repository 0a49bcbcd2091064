package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * Dense ReLU layers built as one fused op ({@link FusedReluLayer}): the value, the input gradient
 * and the gradient of a penalty on that input gradient (second order, as the critics' penalties)
 * equal those of the plain layers, which are checked against finite differences in float64 here.
 */
class FusedReluLayerTest {
  private static final int IN = 4;
  private static final int UNITS = 6;
  private static final int ROWS = 5;

  @Test
  void fusedLayersGiveThePlainLayersValueAndFirstAndSecondOrderGradients() {
    SplittableRandom r = new SplittableRandom(17);
    int[] widths = {IN, UNITS, UNITS, 1};
    Shape[] shapes = {Shape.of(ROWS, IN), Shape.of(IN, UNITS), Shape.of(UNITS), Shape.of(UNITS, UNITS),
        Shape.of(UNITS), Shape.of(UNITS, 1), Shape.of(1)};
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      List<FiniteDifferences.Input> inputs = new ArrayList<>();
      List<Operand<TFloat64>> fed = new ArrayList<>();
      List<Operand<TFloat32>> fed32 = new ArrayList<>();
      for (Shape shape : shapes) {
        Placeholder<TFloat64> p = tf.placeholder(TFloat64.class, Placeholder.shape(shape));
        fed.add(p);
        fed32.add(tf.dtypes.cast(p, TFloat32.class));
        inputs.add(new FiniteDifferences.Input(p, shape, FiniteDifferences.random(r, (int) shape.size(), -1, 1)));
      }
      // The float64 network asks for fused layers too: there is no float64 kernel, so it stays plain.
      DenseNetwork<TFloat64> plain = DenseNetwork.create(tf, "plain", TFloat64.class, widths, Activation.RELU,
          Activation.LINEAR, new SeedStream(1)).withFusedRelu(true);
      DenseNetwork<TFloat32> fused = DenseNetwork.create(tf, "fused", TFloat32.class, widths, Activation.RELU,
          Activation.LINEAR, new SeedStream(1)).withFusedRelu(true);
      double[][] outWeights = {FiniteDifferences.random(r, ROWS, 0.5, 1.5)};
      Operand<TFloat64> plainScalar = penalised(tf, plain, fed, outWeights);
      Operand<TFloat64> fusedScalar = tf.dtypes.cast(penalised(tf, fused, fed32, outWeights), TFloat64.class);
      List<Operand<?>> plainGradients = new ArrayList<>(tf.gradients(plainScalar, fed).dy());
      List<Operand<?>> fusedGradients = new ArrayList<>();
      for (org.tensorflow.Output<?> grad : tf.gradients(fusedScalar, fed32).dy()) {
        fusedGradients.add(tf.dtypes.cast(grad, TFloat64.class));
      }

      assertEquals(2, count(g, FusedReluLayer.OP_TYPE), "the float32 network's two hidden layers, fused");
      assertEquals(2, count(g, "Relu"), "the float64 network's two hidden layers, plain");

      double worstDifference = FiniteDifferences.maxRelativeError(s, plainScalar, plainGradients, inputs, 1e-6);
      assertTrue(worstDifference < 1e-6, "plain layers against finite differences: " + worstDifference);

      List<Operand<?>> fetches = new ArrayList<>(List.of(plainScalar, fusedScalar));
      fetches.addAll(plainGradients);
      fetches.addAll(fusedGradients);
      List<double[]> values = FiniteDifferences.evaluate(s, fetches, inputs);
      int n = plainGradients.size();
      assertEquals(values.get(0)[0], values.get(1)[0], 1e-5 * Math.abs(values.get(0)[0]), "the penalised value");
      for (int k = 0; k < n; k++) {
        double[] expected = values.get(2 + k);
        double[] actual = values.get(2 + n + k);
        double scale = Arrays.stream(expected).map(Math::abs).max().orElse(0) + 1e-12;
        assertTrue(scale > 1e-3, "input " + k + " has a gradient to compare");
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i], actual[i], 1e-5 * scale, "gradient with respect to input " + k + ", entry " + i);
        }
      }
    }
  }

  @Test
  void theTrainingGraphFusesItsReluLayersAndTheServingGraphKeepsPlainOps() {
    GraphSpec spec = new GraphSpec(IN, 2, 20, 10, Architecture.defaults(), LossWeights.paper(),
        OptimizerSettings.paper(), Ablation.full(), 1, 3L);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      HexaGanGraph h = HexaGanGraph.build(g, spec);
      assertTrue(h.architecture().fusedRelu());
      assertTrue(count(g, FusedReluLayer.OP_TYPE) > 10, count(g, FusedReluLayer.OP_TYPE) + " fused layers");
      assertEquals(0, count(g, "Relu"), "no ReLU left unfused");
      s.initialize();
      DataFeeds.loadUniform(s, h.dataFeed(), 30, IN, 20, 5);
      s.runner().addTarget(h.trainIteration()).run().close();
    }
    Architecture.Resolved arch = Architecture.defaults().resolve(IN);
    assertFalse(arch.fusedRelu(), "off unless a training graph asks");
    double[] min = new double[IN];
    double[] span = new double[IN];
    Arrays.fill(span, 1.0);
    try (Graph g = new Graph()) {
      ServingGraph.build(g, new ServingGraph.Spec(IN, 2, arch, true, true, 1.0, 1, min, span, 1L, null, 0,
          EncoderInputs.NONE, null, null, null));
      assertEquals(0, count(g, FusedReluLayer.OP_TYPE), "the exported graph holds no internal op");
      assertTrue(count(g, "Relu") > 0);
    }
  }

  /**
   * If something else in the process registered a gradient for the fused op first, TensorFlow
   * refuses hexagan's and the training graph builds plain layers (never differentiated with a
   * gradient hexagan did not write) and still trains. In a JVM of its own: the registration lasts
   * for the process.
   */
  @Test
  void aGradientRegisteredElsewhereFirstLeavesTheLayersPlain() throws Exception {
    Path log = Files.createTempFile("fused-gradient-taken", ".log");
    try {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), FusedGradientTakenMain.class.getName())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the child JVM finished");
      String out = Files.readString(log);
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("foreign gradient registered: true; fused layers: 0; Relu ops: "), out);
      assertFalse(out.contains("Relu ops: 0;"), out);
      assertTrue(out.contains("fused layers available: false"), out);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** sum(c ⊙ y) + Σ (∂ sum(c ⊙ y) / ∂x)², y = net(x): the form of a critic under a gradient penalty. */
  private static <T extends org.tensorflow.types.family.TFloating> Operand<T> penalised(
      Ops tf, DenseNetwork<T> net, List<Operand<T>> fed, double[][] outWeights) {
    Operand<T> x = fed.get(0);
    Operand<T> y = net.apply(tf, new DenseNetwork.Weights<>(fed.subList(1, fed.size())), x);
    Operand<T> c = tf.dtypes.cast(tf.constant(Shape.of(ROWS, 1),
        org.tensorflow.ndarray.buffer.DataBuffers.of(outWeights[0], true, false)), net.type());
    Operand<TInt32> all = tf.constant(new int[] {0, 1});
    Operand<T> score = tf.reduceSum(tf.math.mul(c, y), all);
    Operand<T> inputGradient = tf.gradients(score, List.of(x)).dy(0);
    return tf.math.add(score, tf.reduceSum(tf.math.square(inputGradient), all));
  }

  private static int count(Graph g, String type) {
    int n = 0;
    for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
      n += it.next().type().equals(type) ? 1 : 0;
    }
    return n;
  }
}
