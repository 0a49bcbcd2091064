package io.hexagan.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat64;

/**
 * Central finite differences of a float64 scalar with respect to fed tensors, compared with the
 * graph's symbolic gradient of the same scalar.
 */
final class FiniteDifferences {
  private FiniteDifferences() {}

  /** A fed tensor and its value. */
  record Input(Operand<TFloat64> operand, Shape shape, double[] value) {}

  /**
   * The largest relative error over every entry of every input between {@code gradients} (the
   * symbolic gradient of {@code scalar} with respect to the first {@code gradients.size()}
   * inputs, in order) and central differences with step {@code h}; later inputs are fed unchanged.
   * Relative error: |a − n| / max(1e-6, |a| + |n|).
   */
  static double maxRelativeError(Session session, Operand<TFloat64> scalar, List<Operand<?>> gradients,
      List<Input> inputs, double h) {
    List<double[]> analytic = evaluate(session, gradients, inputs);
    double worst = 0;
    for (int k = 0; k < gradients.size(); k++) {
      Input in = inputs.get(k);
      for (int j = 0; j < in.value().length; j++) {
        double saved = in.value()[j];
        in.value()[j] = saved + h;
        double plus = value(session, scalar, inputs);
        in.value()[j] = saved - h;
        double minus = value(session, scalar, inputs);
        in.value()[j] = saved;
        double numeric = (plus - minus) / (2 * h);
        double a = analytic.get(k)[j];
        double err = Math.abs(a - numeric) / Math.max(1e-6, Math.abs(a) + Math.abs(numeric));
        worst = Math.max(worst, err);
      }
    }
    return worst;
  }

  static double value(Session session, Operand<TFloat64> scalar, List<Input> inputs) {
    return evaluate(session, List.of(scalar), inputs).get(0)[0];
  }

  static List<double[]> evaluate(Session session, List<Operand<?>> fetches, List<Input> inputs) {
    List<TFloat64> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (Input in : inputs) {
        TFloat64 t = TFloat64.tensorOf(in.shape(), DataBuffers.of(in.value().clone(), true, false));
        fed.add(t);
        runner.feed(in.operand(), t);
      }
      for (Operand<?> f : fetches) {
        runner.fetch(f);
      }
      List<double[]> out = new ArrayList<>();
      try (Result r = runner.run()) {
        for (int i = 0; i < fetches.size(); i++) {
          TFloat64 t = (TFloat64) r.get(i);
          double[] v = new double[(int) t.shape().size()];
          t.copyTo(DataBuffers.of(v, false, false));
          out.add(v);
        }
      }
      return out;
    } finally {
      fed.forEach(TFloat64::close);
    }
  }

  static double[] random(java.util.SplittableRandom r, int n, double lo, double hi) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = lo + (hi - lo) * r.nextDouble();
    }
    return v;
  }

  /** {@code Σ_ij output_ij · weights_ij}: a scalar whose gradient weighs every output. */
  static Operand<TFloat64> weightedSum(org.tensorflow.op.Ops tf, Operand<TFloat64> output, double[][] weights) {
    return tf.reduceSum(tf.math.mul(output, tf.constant(org.tensorflow.ndarray.StdArrays.ndCopyOf(weights))),
        tf.constant(new int[] {0, 1}));
  }

  /** {@link #weightedSum} with weights drawn uniformly from [−1, 1] by {@code seed}, {@code rows × cols}. */
  static Operand<TFloat64> randomWeightedSum(org.tensorflow.op.Ops tf, Operand<TFloat64> output, int rows, int cols,
      long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    double[][] r = new double[rows][];
    for (int i = 0; i < rows; i++) {
      r[i] = random(random, cols, -1, 1);
    }
    return weightedSum(tf, output, r);
  }

  /** The symbolic gradients of {@code scalar} with respect to the first {@code count} inputs. */
  static List<Operand<?>> gradients(org.tensorflow.op.Ops tf, Operand<TFloat64> scalar, List<Input> inputs,
      int count) {
    List<Operand<TFloat64>> wrt = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      wrt.add(inputs.get(k).operand());
    }
    return new ArrayList<>(tf.gradients(scalar, wrt).dy());
  }

  /**
   * A skip path's gate: between two outputs of a network whose path changed, exactly the
   * entries E did not see ({@code seen} = 0) differ.
   */
  static void assertChangedOnlyWhereUnseen(double[] before, double[] after, double[] seen, String unit) {
    for (int i = 0; i < before.length; i++) {
      if (seen[i] == 1) {
        org.junit.jupiter.api.Assertions.assertEquals(before[i], after[i], 0.0, unit + " " + i + ", seen by E");
      } else {
        org.junit.jupiter.api.Assertions.assertNotEquals(before[i], after[i], unit + " " + i + ", not seen by E");
      }
    }
  }
}
