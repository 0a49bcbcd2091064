package io.hexagan.training;

import io.hexagan.graph.HexaGanGraph;
import io.hexagan.io.MinMaxScaler;
import java.util.List;

/** An {@link EpochProbe} over the training session's inference endpoints. */
final class SessionProbe implements EpochProbe {
  private final GraphSession session;
  private final MinMaxScaler scaler;

  SessionProbe(GraphSession session, MinMaxScaler scaler) {
    this.session = session;
    this.scaler = scaler;
  }

  @Override
  public Imputation impute(double[][] rows) {
    HexaGanGraph.Inference inf = session.graph().inference();
    if (inf.raw() == null) {
      throw new IllegalStateException("impute: this model has no imputation generator G_MI");
    }
    Encoded e = encode(rows);
    List<float[]> out = session.infer(e.x(), e.m(), rows.length, List.of(inf.imputed(), inf.raw(), inf.hidden()));
    double[][] imputed = unscaled(out.get(0), rows.length);
    int d = scaler.columns();
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < d; c++) {
        if (!Double.isNaN(rows[r][c])) {
          imputed[r][c] = rows[r][c];
        }
      }
    }
    return new Imputation(imputed, unscaled(out.get(1), rows.length), HexaGanModel.rows(out.get(2), rows.length));
  }

  @Override
  public double learningRateScale() {
    return session.rateScale();
  }

  @Override
  public Generation generate(int[] classIds) {
    if (session.graph().inference().classIds() == null) {
      throw new IllegalStateException("generate: this model has no conditional generator G_CG");
    }
    List<float[]> out = session.generateWithHidden(classIds);
    return new Generation(HexaGanModel.rows(out.get(0), classIds.length), unscaled(out.get(1), classIds.length));
  }

  @Override
  public double[][] classify(double[][] rows) {
    HexaGanGraph.Inference inf = session.graph().inference();
    if (inf.probabilities() == null) {
      throw new IllegalStateException("classify: this model has no classifier C");
    }
    Encoded e = encode(rows);
    return HexaGanModel.rows(session.classify(e.x(), e.m(), rows.length), rows.length);
  }

  /** Scaled values {@code x} and observed mask {@code m} of rows, row-major; missing cells 0 in both. */
  private record Encoded(float[] x, float[] m) {}

  private Encoded encode(double[][] rows) {
    int d = scaler.columns();
    float[] x = new float[rows.length * d];
    float[] m = new float[rows.length * d];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != d) {
        throw new IllegalArgumentException("row " + r + ": expected " + d + " values, found " + rows[r].length);
      }
      for (int c = 0; c < d; c++) {
        if (!Double.isNaN(rows[r][c])) {
          x[r * d + c] = (float) scaler.transform(c, rows[r][c]);
          m[r * d + c] = 1f;
        }
      }
    }
    return new Encoded(x, m);
  }

  private double[][] unscaled(float[] flat, int rows) {
    int d = scaler.columns();
    double[][] out = new double[rows][d];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < d; c++) {
        out[r][c] = scaler.inverse(c, flat[r * d + c]);
      }
    }
    return out;
  }
}
