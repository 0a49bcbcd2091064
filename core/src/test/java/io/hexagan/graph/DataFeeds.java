package io.hexagan.graph;

import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
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
}
