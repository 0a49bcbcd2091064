package io.hexagan.graph;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/** Runs an op of a batch's values and mask, both fed in float64. */
final class RowOps {
  private RowOps() {}

  /** An op built from the values x and the mask m, both [rows, columns]. */
  interface OfValuesAndMask {
    Operand<TFloat64> apply(Ops tf, Operand<TFloat64> x, Operand<TFloat64> m);
  }

  /** The op's value for x and m (row-major, {@code columns} wide), flattened. */
  static double[] evaluate(OfValuesAndMask op, int columns, double[] x, double[] m) {
    int rows = x.length / columns;
    Shape shape = Shape.of(rows, columns);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat64> xs = tf.placeholder(TFloat64.class, Placeholder.shape(shape));
      Placeholder<TFloat64> ms = tf.placeholder(TFloat64.class, Placeholder.shape(shape));
      return FiniteDifferences.evaluate(s, List.of(op.apply(tf, xs, ms)), List.of(
          new FiniteDifferences.Input(xs, shape, x), new FiniteDifferences.Input(ms, shape, m))).get(0);
    }
  }
}
