package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/** D_MI with GAIN's hint: its input is [x̂, H, y], the side input is H and y in that order. */
class ImputationCriticHintTest {
  private static final int D = 4;
  private static final int CLASSES = 2;

  @Test
  void aHintedCriticReadsTheHintBetweenTheRowAndTheLabels() {
    try (Graph g = new Graph(); Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      Architecture.Resolved arch = Architecture.defaults().resolve(D);
      ImputationCritic<TFloat64> hinted = ImputationCritic.create(tf, "", TFloat64.class, D, CLASSES, true, true, true,
          arch, new SeedStream(1));
      ImputationCritic<TFloat64> plain = ImputationCritic.create(tf, "p/", TFloat64.class, D, CLASSES, true, true,
          arch, new SeedStream(1));
      assertEquals(2 * D + CLASSES, hinted.network().inputWidth());
      assertEquals(D + CLASSES, plain.network().inputWidth());
      Operand<TFloat64> h = tf.constant(new double[][] {{1, 0.5, 0, 0.5}});
      Operand<TFloat64> y = tf.constant(new double[][] {{0, 1}});
      Operand<TFloat64> x = tf.constant(new double[][] {{0.1, 0.2, 0.3, 0.4}});
      Operand<TFloat64> side = hinted.side(tf, h, y);
      Operand<TFloat64> input = hinted.input(tf, x, side);
      Operand<TFloat64> scores = hinted.score(tf, hinted.network().read(tf), x, side);
      session.initialize();
      double[] in = FiniteDifferences.evaluate(session, List.of(input), List.of()).get(0);
      assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 1, 0.5, 0, 0.5, 0, 1}, in, 0.0);
      assertEquals(D + 1, FiniteDifferences.evaluate(session, List.of(scores), List.of()).get(0).length);
      // A critic without a hint ignores one; without labels the side is the hint alone.
      assertEquals(plain.side(tf, h, y), y);
      ImputationCritic<TFloat64> unlabelled = ImputationCritic.create(tf, "u/", TFloat64.class, D, 0, true, false,
          true, arch, new SeedStream(1));
      assertEquals(h, unlabelled.side(tf, h, null));
      assertNull(plain.side(tf, null, null));
    }
  }

  @Test
  void aHintNeedsADenseCriticWithElementOutputs() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Architecture.Resolved dense = Architecture.defaults().resolve(D);
      assertThrows(IllegalArgumentException.class, () -> ImputationCritic.create(tf, "", TFloat64.class, D, CLASSES,
          false, true, true, dense, new SeedStream(1)));
      Architecture.Resolved images = Architecture.defaults().withImage(new ImageLayout(4, 4, 1, 2, 2)).resolve(16);
      assertThrows(IllegalArgumentException.class, () -> ImputationCritic.create(tf, "", TFloat64.class, 16, CLASSES,
          true, true, true, images, new SeedStream(1)));
    }
  }
}
