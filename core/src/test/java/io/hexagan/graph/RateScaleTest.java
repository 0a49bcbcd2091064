package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The learning rates' scale: every update of an iteration is multiplied by it. */
class RateScaleTest {
  private static final int D = 4;
  private static final int ROWS = 30;
  private static final int LABELED = 20;

  private static GraphSpec spec() {
    return new GraphSpec(D, 2, LABELED, ROWS - LABELED, Architecture.defaults(), LossWeights.paper(),
        OptimizerSettings.paper(), Ablation.full(), 1, 3L);
  }

  @Test
  void scaleZeroFreezesEveryNetworkAndScaleOneTrainsThemAgain() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      HexaGanGraph h = HexaGanGraph.build(g, spec());
      s.initialize();
      DataFeeds.loadUniform(s, h.dataFeed(), ROWS, D, LABELED, 5);
      assertEquals(1f, scalar(s, h), "the scale starts at 1");
      setScale(s, h, 0f);
      assertEquals(0f, scalar(s, h));
      List<float[]> before = weights(s, g, h);
      s.runner().addTarget(h.trainIteration()).run().close();
      List<float[]> frozen = weights(s, g, h);
      for (int i = 0; i < before.size(); i++) {
        assertArrayEquals(before.get(i), frozen.get(i), 0f, "variable " + i + " under scale 0");
      }
      setScale(s, h, 1f);
      s.runner().addTarget(h.trainIteration()).run().close();
      List<float[]> trained = weights(s, g, h);
      int moved = 0;
      for (int i = 0; i < before.size(); i++) {
        moved += Arrays.equals(before.get(i), trained.get(i)) ? 0 : 1;
      }
      assertTrue(moved > before.size() / 2, moved + " of " + before.size() + " variables moved under scale 1");
    }
  }

  private static void setScale(Session s, HexaGanGraph h, float scale) {
    try (TFloat32 v = TFloat32.scalarOf(scale)) {
      s.runner().feed(h.rateScaleFeed().scale(), v).addTarget(h.rateScaleFeed().assign()).run().close();
    }
  }

  private static float scalar(Session s, HexaGanGraph h) {
    try (Result r = s.runner().fetch(h.rateScale()).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  private static List<float[]> weights(Session s, Graph g, HexaGanGraph h) {
    Ops tf = Ops.create(g);
    List<float[]> out = new ArrayList<>();
    for (Network<TFloat32> n : h.allNetworks()) {
      for (ResourceVariable<TFloat32> v : n.variables()) {
        out.add(DataFeeds.fetch(s, v.read(tf)));
      }
    }
    return out;
  }
}
