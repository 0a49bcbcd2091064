package io.hexagan.training;

import io.hexagan.io.MaskedTable;
import io.hexagan.io.MinMaxScaler;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The observed cells and labels hidden from training so that training can tell when to stop.
 * Chosen at random from the seed, on training data only: test data never enter.
 *
 * <p>Cells: a share of the observed cells of at most {@link Schedule#MAX_VALIDATION_ROWS} rows (the
 * scored rows: the validation after each epoch scores them, and this bounds its cost), or, when a
 * refinement will choose on them after training, of every row, so that on a large table the
 * choice has the evidence of every row; never the last two observed cells of a column. Labels: a
 * share of the labelled rows, only if at least {@link Schedule#MIN_VALIDATION_LABELS} result, and
 * never a class's last two labels.
 *
 * @param hiddenCells per row, the columns hidden
 * @param scoredRows per row, whether the epoch's validation scores its hidden cells
 * @param hiddenLabelRows rows whose label is hidden
 */
record ValidationSplit(boolean[][] hiddenCells, boolean[] scoredRows, int[] hiddenLabelRows, int hiddenCellCount) {

  /**
   * Draws the split from {@code seed}.
   *
   * @param everyRow whether cells are drawn from every row (for the refinement's choice) rather
   *     than from the scored rows alone; the scored rows' cells are the same either way
   */
  static ValidationSplit choose(MaskedTable table, Schedule schedule, long seed, boolean everyRow) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int n = table.rows();
    int d = table.features();
    boolean[][] hidden = new boolean[n][d];
    boolean[] scored = new boolean[n];
    int count = 0;
    if (schedule.validationCells() > 0) {
      int[] observedPerColumn = new int[d];
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < d; c++) {
          if (table.observed(r, c)) {
            observedPerColumn[c]++;
          }
        }
      }
      int[] rows = Permutation.of(n, random);
      int rowCount = everyRow ? n : Math.min(n, Schedule.MAX_VALIDATION_ROWS);
      for (int i = 0; i < rowCount; i++) {
        int r = rows[i];
        scored[r] = i < Schedule.MAX_VALIDATION_ROWS;
        for (int c = 0; c < d; c++) {
          if (table.observed(r, c) && observedPerColumn[c] > 2
              && random.nextDouble() < schedule.validationCells()) {
            hidden[r][c] = true;
            observedPerColumn[c]--;
            count++;
          }
        }
      }
    }
    List<Integer> labelRows = new ArrayList<>();
    if (table.hasLabels() && schedule.validationLabels() > 0) {
      int[] perClass = new int[table.classes().size()];
      for (int l : table.labels()) {
        if (l >= 0) {
          perClass[l]++;
        }
      }
      int target = (int) Math.floor(table.labeledRows() * schedule.validationLabels());
      if (target >= Schedule.MIN_VALIDATION_LABELS) {
        for (int r : Permutation.of(n, random)) {
          int l = table.labels()[r];
          if (labelRows.size() < target && l >= 0 && perClass[l] > 2) {
            labelRows.add(r);
            perClass[l]--;
          }
        }
      }
    }
    return new ValidationSplit(hidden, scored, labelRows.stream().mapToInt(Integer::intValue).sorted().toArray(),
        count);
  }

  /** The table's values with the validation cells hidden (NaN), as training saw them. */
  double[][] trainingView(MaskedTable table) {
    double[][] view = new double[table.rows()][];
    for (int r = 0; r < view.length; r++) {
      view[r] = table.values()[r].clone();
      for (int c = 0; c < view[r].length; c++) {
        if (hiddenCells[r][c]) {
          view[r][c] = Double.NaN;
        }
      }
    }
    return view;
  }

  /**
   * C's class probabilities of {@code table}'s rows as training saw them ({@link #trainingView}),
   * n × n_c row-major, noise from {@code seed}: what weighs the classes of the refinement's forests
   * that read the class, and names a row's class where training had no label ({@link
   * RefinementSettings#forestClassInputs()}).
   */
  float[] classProbabilities(HexaGanModel model, MaskedTable table, long seed) {
    double[][] p = model.classify(trainingView(table), seed);
    int classes = model.classes().size();
    float[] out = new float[p.length * classes];
    for (int r = 0; r < p.length; r++) {
      for (int k = 0; k < classes; k++) {
        out[r * classes + k] = (float) p[r][k];
      }
    }
    return out;
  }

  /**
   * {@code model}'s imputation of {@code table} as training saw it ({@link #trainingView}), scaled,
   * n × d row-major: the cells training saw keep their own scaled values, every other cell (missing
   * or hidden) takes the model's, noise from {@code seed}.
   */
  float[] scaledImputation(HexaGanModel model, MaskedTable table, MinMaxScaler scaler, long seed) {
    int d = table.features();
    float[] imputed = model.imputeFloats(trainingView(table), seed);
    for (int r = 0; r < table.rows(); r++) {
      for (int c = 0; c < d; c++) {
        int i = r * d + c;
        // imputeFloats' elements of observed cells are not the observed values: take those.
        boolean seen = table.observed(r, c) && !hiddenCells[r][c];
        imputed[i] = (float) scaler.transform(c, seen ? table.values()[r][c] : imputed[i]);
      }
    }
    return imputed;
  }

  /**
   * SHA-256 (hex) of which cells are hidden, which rows are scored and which labels are hidden: a
   * resumed run must draw the split the run that wrote its checkpoint drew.
   */
  String fingerprint() {
    MessageDigest md = Sha256.digest();
    ByteBuffer buf = ByteBuffer.allocate(8);
    for (int r = 0; r < hiddenCells.length; r++) {
      for (int c = 0; c < hiddenCells[r].length; c++) {
        if (hiddenCells[r][c]) {
          md.update(buf.clear().putInt(r).putInt(c).array());
        }
      }
      md.update((byte) (scoredRows[r] ? 1 : 0));
    }
    md.update((byte) 2);
    for (int r : hiddenLabelRows) {
      md.update(buf.clear().putInt(r).putInt(-1).array());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Whether the epoch's validation scores cell (r, c): hidden, in a scored row. */
  boolean scored(int r, int c) {
    return scoredRows[r] && hiddenCells[r][c];
  }

  boolean hasCells() {
    return hiddenCellCount > 0;
  }

  boolean hasLabels() {
    return hiddenLabelRows.length > 0;
  }
}
