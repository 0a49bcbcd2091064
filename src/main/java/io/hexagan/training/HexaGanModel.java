package io.hexagan.training;

import io.hexagan.io.MinMaxScaler;
import java.util.List;

/**
 * A trained HexaGAN: imputes missing cells, classifies rows and generates rows of a chosen class.
 * Values are in the table's original units; {@code NaN} marks a missing cell. Observed cells are
 * returned bit-identical: they are copied, never scaled and unscaled.
 *
 * <p>Holds a TensorFlow session: close it. Every method of a closed model throws {@link
 * IllegalStateException}. Inference methods may be called from several threads at once.
 */
public final class HexaGanModel implements AutoCloseable {

  /** Rows per inference call into the graph; bounds the memory of large inputs. */
  static final int CHUNK_ROWS = 16_384;

  private final GraphSession session;
  private final MinMaxScaler scaler;
  private final List<String> columns;
  private final List<String> classes;
  private final HexaGanConfig config;
  private final TrainingSummary summary;
  private volatile boolean closed;

  HexaGanModel(GraphSession session, MinMaxScaler scaler, List<String> columns, List<String> classes,
      HexaGanConfig config, TrainingSummary summary) {
    this.session = session;
    this.scaler = scaler;
    this.columns = List.copyOf(columns);
    this.classes = List.copyOf(classes);
    this.config = config;
    this.summary = summary;
  }

  /** Feature column names, in the order of a row's values. */
  public List<String> columns() {
    return columns;
  }

  /** Class names by class id; empty for a model trained without a label. */
  public List<String> classes() {
    return classes;
  }

  public HexaGanConfig config() {
    return config;
  }

  public TrainingSummary summary() {
    return summary;
  }

  /** The fitted min-max scaler of the feature columns. */
  public MinMaxScaler scaler() {
    return scaler;
  }

  /**
   * Imputes every missing ({@code NaN}) cell; observed cells are copied unchanged.
   *
   * @param values rows of {@code columns().size()} values
   * @return a new array of the same shape with no {@code NaN}
   */
  public double[][] impute(double[][] values) {
    checkOpen();
    int d = columns.size();
    double[][] out = new double[values.length][];
    for (int start = 0; start < values.length; start += CHUNK_ROWS) {
      int rows = Math.min(CHUNK_ROWS, values.length - start);
      float[] x = new float[rows * d];
      float[] m = new float[rows * d];
      scaleChunk(values, start, rows, x, m);
      float[] imputed = session.impute(x, m, rows);
      for (int i = 0; i < rows; i++) {
        double[] row = values[start + i];
        double[] filled = row.clone();
        for (int c = 0; c < d; c++) {
          if (Double.isNaN(row[c])) {
            filled[c] = scaler.inverse(c, imputed[i * d + c]);
          }
        }
        out[start + i] = filled;
      }
    }
    return out;
  }

  /**
   * Class probabilities of each row, from C applied to the row's imputation.
   *
   * @return [rows][classes().size()]
   */
  public double[][] classify(double[][] values) {
    checkOpen();
    requireLabels("classify");
    int d = columns.size();
    int nc = classes.size();
    double[][] out = new double[values.length][nc];
    for (int start = 0; start < values.length; start += CHUNK_ROWS) {
      int rows = Math.min(CHUNK_ROWS, values.length - start);
      float[] x = new float[rows * d];
      float[] m = new float[rows * d];
      scaleChunk(values, start, rows, x, m);
      float[] p = session.classify(x, m, rows);
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < nc; k++) {
          out[start + i][k] = p[i * nc + k];
        }
      }
    }
    return out;
  }

  /** The most probable class id of each row. */
  public int[] predict(double[][] values) {
    double[][] p = classify(values);
    int[] ids = new int[p.length];
    for (int r = 0; r < p.length; r++) {
      int best = 0;
      for (int k = 1; k < p[r].length; k++) {
        if (p[r][k] > p[r][best]) {
          best = k;
        }
      }
      ids[r] = best;
    }
    return ids;
  }

  /**
   * Generates {@code count} rows of class {@code classId}: G_MI(G_CG(z_c, y_c)), in original
   * units.
   */
  public double[][] generate(int classId, int count) {
    checkOpen();
    requireLabels("generate");
    if (session.graph().inference().generated() == null) {
      throw new IllegalStateException("generate: this model was trained without the conditional generator G_CG");
    }
    if (classId < 0 || classId >= classes.size()) {
      throw new IllegalArgumentException("classId: expected 0 to " + (classes.size() - 1) + ", found " + classId);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count: expected ≥ 0, found " + count);
    }
    int d = columns.size();
    double[][] out = new double[count][d];
    for (int start = 0; start < count; start += CHUNK_ROWS) {
      int rows = Math.min(CHUNK_ROWS, count - start);
      int[] ids = new int[rows];
      java.util.Arrays.fill(ids, classId);
      float[] g = session.generate(ids);
      for (int i = 0; i < rows; i++) {
        for (int c = 0; c < d; c++) {
          out[start + i][c] = scaler.inverse(c, g[i * d + c]);
        }
      }
    }
    return out;
  }

  private void scaleChunk(double[][] values, int start, int rows, float[] x, float[] m) {
    int d = columns.size();
    for (int i = 0; i < rows; i++) {
      double[] row = values[start + i];
      if (row.length != d) {
        throw new IllegalArgumentException("row " + (start + i) + ": expected " + d + " values, found " + row.length);
      }
      for (int c = 0; c < d; c++) {
        double v = row[c];
        if (Double.isNaN(v)) {
          continue;
        }
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("row " + (start + i) + ", column " + columns.get(c)
              + ": expected a finite number or missing, found " + v);
        }
        x[i * d + c] = (float) scaler.transform(c, v);
        m[i * d + c] = 1f;
      }
    }
  }

  private void requireLabels(String what) {
    if (classes.isEmpty()) {
      throw new IllegalStateException(what + ": this model was trained without a label column");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this HexaGanModel is closed");
    }
  }

  /** Graph and session access for the package (trainer, tests). */
  GraphSession session() {
    checkOpen();
    return session;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      session.close();
    }
  }
}
