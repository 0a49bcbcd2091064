package io.hexagan.graph;

import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Loads a training table into a built graph's data variables, for graph-level tests. */
final class DataFeeds {
  private DataFeeds() {}

  /** Runs {@code feed.load()} with x, m (rows × d) and y (labelled rows × classes) fed. */
  static void load(Session s, HexaGanGraph.DataFeed feed, float[][] x, float[][] m, float[][] y) {
    try (TFloat32 xt = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        TFloat32 mt = TFloat32.tensorOf(StdArrays.ndCopyOf(m));
        TFloat32 yt = TFloat32.tensorOf(StdArrays.ndCopyOf(y))) {
      s.runner().feed(feed.values(), xt).feed(feed.mask(), mt).feed(feed.labels(), yt).addTarget(feed.load()).run()
          .close();
    }
  }

  /** A training table: values and mask (rows × d), one-hot labels (labelled rows × 2). */
  record Table(float[][] x, float[][] m, float[][] y) {}

  /**
   * Loads {@link #uniform(int, int, int, long)}'s table.
   */
  static void loadUniform(Session s, HexaGanGraph.DataFeed feed, int rows, int d, int labeled, long seed) {
    Table t = uniform(rows, d, labeled, seed);
    load(s, feed, t.x(), t.m(), t.y());
  }

  /**
   * {@code rows} × {@code d} values uniform in [0, 1), each observed with probability 0.8, and two
   * classes alternating over the first {@code labeled} rows, all drawn from {@code seed}.
   */
  static Table uniform(int rows, int d, int labeled, long seed) {
    float[][] x = new float[rows][d];
    float[][] m = new float[rows][d];
    float[][] y = new float[labeled][2];
    Random r = new Random(seed);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = r.nextFloat();
        m[i][j] = r.nextFloat() < 0.8 ? 1 : 0;
      }
      if (i < labeled) {
        y[i][i % 2] = 1;
      }
    }
    return new Table(x, m, y);
  }

  /** The value of {@code v}, flattened. */
  static float[] fetch(Session s, Operand<TFloat32> v) {
    try (Result r = s.runner().fetch(v).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] out = new float[(int) t.size()];
      t.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }
}
