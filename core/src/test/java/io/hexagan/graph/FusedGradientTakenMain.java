package io.hexagan.graph;

import java.util.Iterator;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;

/**
 * Run in a JVM of its own by {@link FusedReluLayerTest}: something registers a gradient for the
 * fused op before hexagan does (a wrong one: zeros), then a training graph is built and run.
 * Prints the op counts; exits 1 if TensorFlow accepted the foreign gradient but a fused layer was
 * built anyway.
 */
public final class FusedGradientTakenMain {

  private FusedGradientTakenMain() {}

  public static void main(String[] args) {
    boolean taken = TensorFlow.registerCustomGradient(FusedReluLayer.OP_TYPE,
        (tf, op, upstream) -> List.<Operand<?>>of(tf.zerosLike(op.input(0)), tf.zerosLike(op.input(1)),
            tf.zerosLike(op.input(2))));
    GraphSpec spec = new GraphSpec(4, 2, 20, 10, Architecture.defaults(), LossWeights.paper(),
        OptimizerSettings.paper(), Ablation.full(), 1, 3L);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      HexaGanGraph h = HexaGanGraph.build(g, spec);
      s.initialize();
      DataFeeds.loadUniform(s, h.dataFeed(), 30, 4, 20, 5);
      s.runner().addTarget(h.trainIteration()).run().close();
      int fused = count(g, FusedReluLayer.OP_TYPE);
      System.out.println("foreign gradient registered: " + taken + "; fused layers: " + fused + "; Relu ops: "
          + count(g, "Relu") + "; fused layers available: " + FusedReluLayer.available());
      System.exit(taken && fused > 0 ? 1 : 0);
    }
  }

  private static int count(Graph g, String type) {
    int n = 0;
    for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
      if (it.next().type().equals(type)) {
        n++;
      }
    }
    return n;
  }
}
