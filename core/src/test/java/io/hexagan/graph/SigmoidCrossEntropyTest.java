package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/** The binary cross-entropy of logits against −[z log σ(x) + (1 − z) log(1 − σ(x))], finite at ±1000. */
class SigmoidCrossEntropyTest {

  @Test
  void matchesTheDefinitionAndStaysFiniteForExtremeLogits() {
    double[] logits = {-1000, -30, -1.5, 0, 0.7, 30, 1000};
    double[] targets = {0, 1, 0.25, 0.5, 1, 0, 1};
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat64> loss = SigmoidCrossEntropy.of(tf, tf.constant(logits), tf.constant(targets));
      try (TFloat64 out = (TFloat64) session.runner().fetch(loss).run().get(0)) {
        for (int i = 0; i < logits.length; i++) {
          double x = logits[i];
          double z = targets[i];
          // log σ(x) = −log(1 + e^{−x}); log(1 − σ(x)) = −log(1 + e^{x}), each evaluated stably.
          double logSigmoid = -(Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
          double logOneMinus = -(Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
          double expected = -(z * logSigmoid + (1 - z) * logOneMinus);
          assertEquals(expected, out.getDouble(i), 1e-12 * Math.max(1, Math.abs(expected)), "logit " + x);
        }
      }
    }
  }
}
