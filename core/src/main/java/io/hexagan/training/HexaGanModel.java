package io.hexagan.training;

import io.hexagan.io.MinMaxScaler;
import io.hexagan.io.NumberText;
import io.hexagan.savedmodel.ModelDirectory;
import io.hexagan.savedmodel.ServingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;

/**
 * A trained HexaGAN: imputes missing cells, classifies rows and generates rows of a chosen class.
 * Values are in the table's original units; {@code NaN} marks a missing cell. Observed cells are
 * returned bit-identical: they are copied, never scaled and unscaled.
 *
 * <p>The model runs the serving graph of its SavedModel, whether it was just trained or loaded
 * from a directory, so both give the same numbers. Noise is drawn inside the graph from a seed:
 * by default the config's seed, so the same call gives the same result; pass another seed for
 * other draws.
 *
 * <p>Holds a TensorFlow session: close it. Every method of a closed model throws {@link
 * IllegalStateException}. Inference may run on several threads at once.
 */
public final class HexaGanModel implements AutoCloseable {

  /** Rows per call into the graph at most; bounds the memory of large inputs ({@link #chunkRows()}). */
  static final int CHUNK_ROWS = 16_384;

  private final ServingModel serving;
  private final ModelMetadata metadata;
  private final MinMaxScaler scaler;
  private final Path trainingState;
  private final boolean ownsTrainingState;
  private volatile boolean closed;

  HexaGanModel(ServingModel serving, ModelMetadata metadata, Path trainingState, boolean ownsTrainingState) {
    this.serving = serving;
    this.metadata = metadata;
    this.scaler = new MinMaxScaler(metadata.scalerMin(), metadata.scalerSpan());
    this.trainingState = trainingState;
    this.ownsTrainingState = ownsTrainingState;
  }

  /** Loads a model directory written by {@link #save}. */
  public static HexaGanModel load(Path dir) {
    return load(dir, 0);
  }

  /**
   * Loads a model directory written by {@link #save}, its TensorFlow session running ops on
   * {@code threads} threads and up to as many ops at once, instead of the model's own {@code
   * session} threads (0 keeps the model's, which are the training machine's cores unless set): e.g.
   * one thread per task where several tasks share a machine.
   */
  public static HexaGanModel load(Path dir, int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException("threads: expected ≥ 0, found " + threads);
    }
    try {
      ModelDirectory.recover(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": cannot recover an interrupted write: " + e.getMessage(), e);
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such model directory");
    }
    if (!ModelDirectory.isModel(dir)) {
      throw new IllegalArgumentException(dir + ": not a hexagan model directory (expected "
          + ModelDirectory.SAVED_MODEL + " and " + ModelDirectory.ASSETS + "/" + ModelDirectory.METADATA + ")");
    }
    ModelMetadata metadata = ModelMetadata.fromJson(ModelDirectory.asset(dir, ModelDirectory.METADATA),
        dir.resolve(ModelDirectory.ASSETS).resolve(ModelDirectory.METADATA).toString());
    if (!Files.isRegularFile(dir.resolve(ModelDirectory.VARIABLES).resolve(ModelDirectory.CHECKPOINT_PREFIX + ".index"))) {
      throw new IllegalArgumentException(dir + ": the model's weights are missing (expected "
          + ModelDirectory.VARIABLES + "/" + ModelDirectory.CHECKPOINT_PREFIX + ".index)");
    }
    ServingModel serving;
    try {
      SessionSettings own = metadata.config().session();
      SessionSettings session = threads == 0 ? own
          : new SessionSettings(threads, threads, own.device(), own.gpuMemoryGrowth());
      serving = ServingModel.load(dir, GraphSession.sessionConfig(session));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(dir + ": cannot load the SavedModel: " + e.getMessage(), e);
    }
    try {
      // One row through every signature: a model that loads but cannot run fails here, not later.
      int d = serving.features();
      serving.impute(new float[d], new float[d], 1, new long[] {0, 0});
      if (serving.classes() > 0) {
        serving.classify(new float[d], new float[d], 1, new long[] {0, 0});
      }
    } catch (RuntimeException e) {
      serving.close();
      throw new IllegalArgumentException(dir + ": the SavedModel loads but does not run: " + e.getMessage(), e);
    }
    if (serving.features() != metadata.features().size() || serving.classes() != metadata.classes().size()) {
      serving.close();
      throw new IllegalArgumentException(dir + ": the SavedModel and " + ModelDirectory.METADATA + " disagree on the shape");
    }
    Path state = dir.resolve(ModelDirectory.TRAINING_STATE);
    return new HexaGanModel(serving, metadata, Files.isDirectory(state) ? state : null, false);
  }

  /**
   * Writes this model to {@code dir} atomically: the SavedModel, {@code assets/hexagan.json},
   * the given extra assets, and the training state for a resumed run.
   */
  public void save(Path dir, Map<String, byte[]> extraAssets) throws IOException {
    checkOpen();
    Map<String, byte[]> assets = new LinkedHashMap<>(extraAssets);
    assets.put(ModelDirectory.METADATA, metadata.toJson());
    ModelDirectory.replace(dir, tmp -> {
      serving.export(tmp, assets);
      if (trainingState != null) {
        ServingModel.copyTrainingState(trainingState, tmp);
      }
    });
  }

  /** Feature column names (encoded), in the order of a row's values. */
  public List<String> columns() {
    return metadata.features();
  }

  /** Class names by class id; empty for a model trained without a label. */
  public List<String> classes() {
    return metadata.classes();
  }

  public HexaGanConfig config() {
    return metadata.config();
  }

  public TrainingSummary summary() {
    return metadata.summary();
  }

  public ModelMetadata metadata() {
    return metadata;
  }

  /** The fitted min-max scaler of the feature columns. */
  public MinMaxScaler scaler() {
    return scaler;
  }

  /** Whether the model can generate rows (it was trained with G_CG and a label). */
  public boolean generates() {
    return serving.generates();
  }

  /** The checkpoint directory of the training graph, for a resumed run; null if none. */
  Path trainingState() {
    return trainingState;
  }

  /** Imputes every missing ({@code NaN}) cell with the config's seed; observed cells are copied. */
  public double[][] impute(double[][] values) {
    return impute(values, metadata.config().seed());
  }

  /**
   * Imputes every missing ({@code NaN}) cell, noise drawn from {@code seed}; observed cells are
   * copied unchanged.
   *
   * @return a new array of the same shape with no {@code NaN}
   */
  public double[][] impute(double[][] values, long seed) {
    float[] imputed = imputeFloats(values, seed);
    int d = columns().size();
    double[][] out = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      double[] filled = values[i].clone();
      for (int c = 0; c < d; c++) {
        if (Double.isNaN(filled[c])) {
          filled[c] = shortest(imputed[i * d + c]);
        }
      }
      out[i] = filled;
    }
    return out;
  }

  /**
   * The networks' float32 imputation behind {@link #impute(double[][], long)}, row-major: element
   * {@code i * d + c} is row i's feature c, and where {@code values[i][c]} is missing, {@code
   * impute(values, seed)[i][c]} is {@link NumberText#nearestDecimal} of it. Elements of observed
   * cells are not the observed values; take those from {@code values}. For callers that write text
   * ({@link NumberText#format(float)}) and need no double in between.
   */
  public float[] imputeFloats(double[][] values, long seed) {
    checkOpen();
    int d = columns().size();
    float[] out = new float[values.length * d];
    int chunkRows = chunkRows();
    for (int start = 0, chunk = 0; start < values.length; start += chunkRows, chunk++) {
      int rows = Math.min(chunkRows, values.length - start);
      float[] x = new float[rows * d];
      float[] m = new float[rows * d];
      encodeChunk(values, start, rows, x, m);
      float[] imputed = serving.impute(x, m, rows, seedOf(seed, chunk));
      System.arraycopy(imputed, 0, out, start * d, rows * d);
    }
    return out;
  }

  /**
   * Rows per call into the graph: {@value #CHUNK_ROWS}, fewer when the rows are wide and drawn
   * and averaged many times (an image model with 30 draws takes 178 images per call).
   */
  private int chunkRows() {
    HexaGanConfig c = metadata.config();
    return InferenceBlocks.rows(CHUNK_ROWS, columns().size(), c.imputationDraws(), c.architecture().members());
  }

  /** Class probabilities of each row with the config's seed: [rows][classes().size()]. */
  public double[][] classify(double[][] values) {
    return classify(values, metadata.config().seed());
  }

  /** Class probabilities of each row, C applied to the row's imputation, noise from {@code seed}. */
  public double[][] classify(double[][] values, long seed) {
    checkOpen();
    requireLabels("classify");
    int d = columns().size();
    int nc = classes().size();
    double[][] out = new double[values.length][nc];
    int chunkRows = chunkRows();
    for (int start = 0, chunk = 0; start < values.length; start += chunkRows, chunk++) {
      int rows = Math.min(chunkRows, values.length - start);
      float[] x = new float[rows * d];
      float[] m = new float[rows * d];
      encodeChunk(values, start, rows, x, m);
      float[] p = serving.classify(x, m, rows, seedOf(seed, chunk));
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
    return mostProbable(classify(values));
  }

  /** The index of the largest probability in each row of {@code p} (the first of ties). */
  public static int[] mostProbable(double[][] p) {
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

  /** Generates {@code count} rows of class {@code classId} with the config's seed. */
  public double[][] generate(int classId, int count) {
    return generate(classId, count, metadata.config().seed());
  }

  /**
   * Generates {@code count} rows of class {@code classId}, G_MI(G_CG(z_c, y_c)) in original
   * units, noise from {@code seed}.
   */
  public double[][] generate(int classId, int count, long seed) {
    checkOpen();
    requireLabels("generate");
    if (!serving.generates()) {
      throw new IllegalStateException("generate: this model was trained without the conditional generator G_CG");
    }
    if (classId < 0 || classId >= classes().size()) {
      throw new IllegalArgumentException("classId: expected 0 to " + (classes().size() - 1) + ", found " + classId);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count: expected ≥ 0, found " + count);
    }
    int d = columns().size();
    double[][] out = new double[count][d];
    for (int start = 0, chunk = 0; start < count; start += CHUNK_ROWS, chunk++) {
      int rows = Math.min(CHUNK_ROWS, count - start);
      long[] ids = new long[rows];
      Arrays.fill(ids, classId);
      float[] g = serving.generate(ids, seedOf(seed, chunk));
      for (int i = 0; i < rows; i++) {
        for (int c = 0; c < d; c++) {
          out[start + i][c] = shortest(g[i * d + c]);
        }
      }
    }
    return out;
  }

  /**
   * h = E(x̃, m) of each row ({@code NaN} = missing), noise from the config's seed: the hidden space
   * the model imputes from, [rows][d_h].
   *
   * @throws IllegalStateException for a model without E or saved by an older hexagan
   */
  public double[][] hidden(double[][] values) {
    checkOpen();
    int d = columns().size();
    float[] x = new float[values.length * d];
    float[] m = new float[values.length * d];
    encodeChunk(values, 0, values.length, x, m);
    return rows(serving.hidden(x, m, values.length, seedOf(metadata.config().seed(), 0)), values.length);
  }

  /** h_c = G_CG(z_c, y_c) of {@code count} draws for class {@code classId}, [count][d_h]. */
  public double[][] conditionalHidden(int classId, int count) {
    checkOpen();
    requireLabels("conditionalHidden");
    if (!serving.generates()) {
      throw new IllegalStateException("conditionalHidden: this model was trained without the conditional generator G_CG");
    }
    if (classId < 0 || classId >= classes().size()) {
      throw new IllegalArgumentException("classId: expected 0 to " + (classes().size() - 1) + ", found " + classId);
    }
    long[] ids = new long[count];
    Arrays.fill(ids, classId);
    return rows(serving.conditionalHidden(ids, seedOf(metadata.config().seed(), 0)), count);
  }

  /** {@code flat}, row-major with {@code rows} rows, as a [rows][flat.length / rows] matrix. */
  static double[][] rows(float[] flat, int rows) {
    int width = rows == 0 ? 0 : flat.length / rows;
    double[][] out = new double[rows][width];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) {
        out[r][c] = flat[r * width + c];
      }
    }
    return out;
  }

  /**
   * The double nearest the shortest decimal that identifies float {@code f}: the networks compute
   * in float32, so digits beyond a float's would be noise in an output file.
   */
  static double shortest(float f) {
    return NumberText.nearestDecimal(f);
  }

  private static long[] seedOf(long seed, int chunk) {
    return new long[] {seed & Long.MAX_VALUE, chunk};
  }

  private void encodeChunk(double[][] values, int start, int rows, float[] x, float[] m) {
    int d = columns().size();
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
          throw new IllegalArgumentException("row " + (start + i) + ", column " + columns().get(c)
              + ": expected a finite number or missing, found " + v);
        }
        x[i * d + c] = (float) v;
        m[i * d + c] = 1f;
      }
    }
  }

  private void requireLabels(String what) {
    if (classes().isEmpty()) {
      throw new IllegalStateException(what + ": this model was trained without a label column");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this HexaGanModel is closed");
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      serving.close();
      if (ownsTrainingState && trainingState != null) {
        try {
          PathUtils.deleteDirectory(trainingState);
        } catch (IOException e) {
          // A temporary checkpoint that cannot be removed is left to the OS's temp cleanup.
        }
      }
    }
  }
}
