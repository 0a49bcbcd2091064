package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.GraphSpec;
import io.hexagan.graph.HexaGanGraph;
import io.hexagan.graph.ResourceVariable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/**
 * A run checkpointed by a build before the learning rates' scale existed resumes: everything else
 * is restored and the scale stays at 1; a current checkpoint restores the scale too.
 */
class EarlierCheckpointTest {
  private static final int D = 4;
  private static final int ROWS = 30;
  private static final int LABELED = 20;

  @Test
  void aCheckpointWithoutTheRateScaleRestoresEverythingElse(@TempDir Path dir) {
    HexaGanConfig c = SyntheticTables.quick(1);
    GraphSpec spec = new GraphSpec(D, 2, LABELED, ROWS - LABELED, c.architecture(), c.losses(), c.optimizer(),
        c.ablation(), 1, 3L);
    float[] x = new float[ROWS * D];
    float[] m = new float[ROWS * D];
    float[] y = new float[LABELED * 2];
    Random r = new Random(4);
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat();
      m[i] = r.nextFloat() < 0.8 ? 1 : 0;
    }
    for (int i = 0; i < LABELED; i++) {
      y[2 * i + i % 2] = 1;
    }
    String current = dir.resolve("current").toString();
    String earlier = dir.resolve("earlier").toString();
    try (Graph g = new Graph(); Session s = new Session(g)) {
      HexaGanGraph h = HexaGanGraph.build(g, spec);
      s.initialize();
      HexaGanGraph.DataFeed feed = h.dataFeed();
      try (TFloat32 xt = TFloat32.tensorOf(Shape.of(ROWS, D), DataBuffers.of(x, true, false));
          TFloat32 mt = TFloat32.tensorOf(Shape.of(ROWS, D), DataBuffers.of(m, true, false));
          TFloat32 yt = TFloat32.tensorOf(Shape.of(LABELED, 2), DataBuffers.of(y, true, false))) {
        s.runner().feed(feed.values(), xt).feed(feed.mask(), mt).feed(feed.labels(), yt).addTarget(feed.load())
            .run().close();
      }
      for (int i = 0; i < 3; i++) {
        s.runner().addTarget(h.trainIteration()).run().close();
      }
      try (TFloat32 half = TFloat32.scalarOf(0.5f)) {
        s.runner().feed(h.rateScaleFeed().scale(), half).addTarget(h.rateScaleFeed().assign()).run().close();
      }
      s.save(current);
      // What an earlier build wrote: the same entries but the scale.
      Ops tf = Ops.create(g).withSubScope("earlier_save");
      List<String> names = new ArrayList<>();
      List<Operand<?>> values = new ArrayList<>();
      for (ResourceVariable<?> v : h.checkpointVariables()) {
        if (!v.name().equals(HexaGanGraph.RATE_SCALE)) {
          names.add(v.name());
          values.add(v.read(tf));
        }
      }
      String[] slices = new String[names.size()];
      Arrays.fill(slices, "");
      try (TString file = TString.scalarOf(earlier)) {
        var filename = tf.placeholder(TString.class);
        s.runner().feed(filename, file).addTarget(tf.train.save(filename,
            tf.constant(StdArrays.ndCopyOf(names.toArray(new String[0]))), tf.constant(StdArrays.ndCopyOf(slices)),
            values)).run().close();
      }
    }

    float[] fresh;
    try (GraphSession untrained = GraphSession.open(spec, c.session())) {
      untrained.load(x, m, y);
      fresh = untrained.impute(x, m, ROWS);
    }
    float[] fromCurrent;
    try (GraphSession resumed = GraphSession.open(spec, c.session())) {
      resumed.load(x, m, y);
      assertTrue(resumed.restore(current), "a current checkpoint holds every variable");
      assertEquals(0.5f, resumed.rateScale());
      fromCurrent = resumed.impute(x, m, ROWS);
    }
    try (GraphSession resumed = GraphSession.open(spec, c.session())) {
      resumed.load(x, m, y);
      assertFalse(resumed.restore(earlier), "an earlier build's checkpoint lacks the scale");
      assertEquals(1f, resumed.rateScale(), "the scale the earlier run trained with");
      assertArrayEquals(fromCurrent, resumed.impute(x, m, ROWS), 0f, "the same weights as from the current one");
    }
    assertFalse(Arrays.equals(fresh, fromCurrent), "restoring changed the weights");
  }
}
