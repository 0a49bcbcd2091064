package io.hexagan.graph;

/**
 * Everything the graph builder needs: the data's dimensions and the method's settings.
 *
 * @param features d, the number of (encoded, scaled) feature columns
 * @param classes n_c, or 0 for a table without a label (then only E, G_MI and D_MI exist)
 * @param labeledRows training rows with a label; they come first in the loaded data
 * @param unlabeledRows training rows without a label; they follow the labelled ones
 * @param architecture widths and activations
 * @param losses loss weights and the open choices of the method
 * @param optimizer RMSprop settings, batch size and the conditional update count
 * @param ablation which parts of HexaGAN exist
 * @param imputationDraws how many noise draws the inference endpoints average (1 = one draw)
 * @param seed the seed of every random op of the graph
 * @param missingFill per feature, the scaled value a missing slot holds before the noise is added
 *     (zeros: the paper's noise alone; column means with {@link LossWeights#meanFill()})
 * @param columnMeans per feature, the mean of the observed (scaled) training cells: the initial
 *     centre of G_MI's linear skip path ({@link Architecture#linearSkip()}); null: 0.5 each
 * @param skipSupport the entries of the skip matrix S that training may move, row-major d × d (1:
 *     column k may predict column j at {@code k * d + j}; {@link LossWeights#skipScreening()}); the
 *     others stay at zero. Null: every off-diagonal entry, and the graph is the one without screening
 * @param encoderInputs what E reads beyond (x̃, m) ({@link EncoderInputs}); null reads as none
 * @param reconstructionWeights per feature, the weight of its squared errors in the reconstruction
 *     loss ({@link LossWeights#varianceWeighting()}); null: 1 each, the plain mean
 */
public record GraphSpec(
    int features,
    int classes,
    int labeledRows,
    int unlabeledRows,
    Architecture architecture,
    LossWeights losses,
    OptimizerSettings optimizer,
    Ablation ablation,
    int imputationDraws,
    long seed,
    double[] missingFill,
    double[] columnMeans,
    float[] skipSupport,
    EncoderInputs encoderInputs,
    double[] reconstructionWeights) {

  /** Most unlabelled rows per iteration, as a multiple of the labelled batch. */
  public static final int MAX_UNLABELED_RATIO = 4;

  /** Fewest iterations an epoch holds. */
  public static final int MIN_ITERATIONS_PER_EPOCH = 20;

  /** A spec whose E reads {@code (x̃, m)} alone. */
  public GraphSpec(int features, int classes, int labeledRows, int unlabeledRows, Architecture architecture,
      LossWeights losses, OptimizerSettings optimizer, Ablation ablation, int imputationDraws, long seed,
      double[] missingFill, double[] columnMeans, float[] skipSupport) {
    this(features, classes, labeledRows, unlabeledRows, architecture, losses, optimizer, ablation, imputationDraws,
        seed, missingFill, columnMeans, skipSupport, EncoderInputs.NONE, null);
  }

  public GraphSpec {
    encoderInputs = encoderInputs == null ? EncoderInputs.NONE : encoderInputs;
    if (reconstructionWeights != null) {
      reconstructionWeights = reconstructionWeights.clone();
      if (reconstructionWeights.length != features) {
        throw new IllegalArgumentException(
            "reconstructionWeights: expected " + features + " values, found " + reconstructionWeights.length);
      }
    }
    if (features < 1) {
      throw new IllegalArgumentException("features: expected at least 1, found " + features);
    }
    if (classes == 1 || classes < 0) {
      throw new IllegalArgumentException("classes: expected 0 (no label) or at least 2, found " + classes);
    }
    if (labeledRows < 0 || unlabeledRows < 0 || labeledRows + unlabeledRows < 2) {
      throw new IllegalArgumentException(
          "rows: expected at least 2, found " + labeledRows + " labelled and " + unlabeledRows + " unlabelled");
    }
    if (classes > 0 && labeledRows == 0) {
      throw new IllegalArgumentException("labeledRows: expected at least 1 with " + classes + " classes, found 0");
    }
    if (classes == 0 && labeledRows > 0) {
      throw new IllegalArgumentException("labeledRows: expected 0 without classes, found " + labeledRows);
    }
    if (imputationDraws < 1 || imputationDraws > 1000) {
      throw new IllegalArgumentException("imputationDraws: expected 1 to 1000, found " + imputationDraws);
    }
    missingFill = missingFill == null ? new double[features] : missingFill.clone();
    if (missingFill.length != features) {
      throw new IllegalArgumentException("missingFill: expected " + features + " values, found " + missingFill.length);
    }
    if (columnMeans == null) {
      columnMeans = new double[features];
      java.util.Arrays.fill(columnMeans, 0.5);
    } else {
      columnMeans = columnMeans.clone();
    }
    if (columnMeans.length != features) {
      throw new IllegalArgumentException("columnMeans: expected " + features + " values, found " + columnMeans.length);
    }
    if (skipSupport != null) {
      if (skipSupport.length != features * features) {
        throw new IllegalArgumentException("skipSupport: expected " + features * features + " values, found "
            + skipSupport.length);
      }
      skipSupport = skipSupport.clone();
    }
  }

  /** A spec whose missing slots hold the noise alone. */
  public GraphSpec(int features, int classes, int labeledRows, int unlabeledRows, Architecture architecture,
      LossWeights losses, OptimizerSettings optimizer, Ablation ablation, int imputationDraws, long seed) {
    this(features, classes, labeledRows, unlabeledRows, architecture, losses, optimizer, ablation, imputationDraws,
        seed, null, null, null);
  }

  /** All training rows. */
  public int rows() {
    return labeledRows + unlabeledRows;
  }

  /** Labelled rows per iteration. */
  public int labeledBatch() {
    return labeledRows == 0 ? 0 : optimizer.batchSize();
  }

  /**
   * Unlabelled rows per iteration: in proportion to the labelled batch (as in the authors' code),
   * at least 1 when any exist, at most {@link #MAX_UNLABELED_RATIO} labelled batches.
   */
  public int unlabeledBatch() {
    if (unlabeledRows == 0) {
      return 0;
    }
    if (labeledRows == 0) {
      return optimizer.batchSize();
    }
    long proportional = Math.round((double) optimizer.batchSize() * unlabeledRows / labeledRows);
    return (int) Math.max(1, Math.min(proportional, (long) MAX_UNLABELED_RATIO * optimizer.batchSize()));
  }

  /** Rows per iteration. */
  public int batchRows() {
    return labeledBatch() + unlabeledBatch();
  }

  /**
   * Iterations per epoch: one pass over the training rows on average, but at least {@link
   * #MIN_ITERATIONS_PER_EPOCH}, so that a small table does not spend its time validating between
   * a handful of iterations.
   */
  public int iterationsPerEpoch() {
    return Math.max(MIN_ITERATIONS_PER_EPOCH, (int) Math.ceil((double) rows() / batchRows()));
  }

  /** Whether the table has a label. */
  public boolean labeled() {
    return classes > 0;
  }

  /** E and G_MI exist. */
  public boolean hasImputationGenerator() {
    return ablation.imputationGenerator();
  }

  /** G_CG and D_CG exist. */
  public boolean hasConditionalGenerator() {
    return ablation.conditionalGenerator() && labeled();
  }

  /**
   * D_MI's label output exists: it needs a label and some fake labels to judge (unlabelled rows or
   * generated rows); with neither, its loss would have no fake side and no minimum.
   */
  public boolean hasLabelCritic() {
    return ablation.labelCritic() && labeled() && (unlabeledRows > 0 || hasConditionalGenerator());
  }

  /** D_MI exists. */
  public boolean hasImputationCritic() {
    return hasImputationGenerator() || hasLabelCritic();
  }
}
