package io.hexagan.eval;

import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTable;
import io.hexagan.io.CsvTableReader;
import io.hexagan.io.Mcar;
import io.hexagan.io.MinMaxScaler;
import io.hexagan.io.RawRow;
import io.hexagan.io.TableEncoder;
import io.hexagan.io.TableSchema;
import io.hexagan.io.TrainingTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A labelled table as the protocol uses it: its encoded complete values (the truth), the true
 * scale, and, per repetition, the masked values and labels and the stratified folds.
 *
 * <p>Masks are drawn on the CSV cells, so a categorical cell's one-hot features go missing
 * together; cells already missing in the file stay missing and are never scored.
 */
public final class EvaluationData {
  private final String name;
  private final TableSchema schema;
  private final double[][] truth;
  private final int[] labels;
  private final MinMaxScaler trueScale;
  private final CsvTable complete;
  private final CsvOptions options;

  private EvaluationData(String name, TrainingTable table, CsvOptions options) {
    this(name, table.schema(), table.table().values(), table.table().labels(), table.raw(), options);
  }

  private EvaluationData(String name, TableSchema schema, double[][] truth, int[] labels, CsvTable complete,
      CsvOptions options) {
    this.name = name;
    this.schema = schema;
    this.truth = truth;
    this.labels = labels;
    this.complete = complete;
    this.options = options;
    this.trueScale = ImputationMetrics.trueScale(truth);
    for (int l : labels) {
      if (l < 0) {
        throw new IllegalArgumentException(name + ": expected every row labelled for evaluation, found an empty label");
      }
    }
  }

  /** Reads a labelled CSV. */
  public static EvaluationData read(Path file, String label, CsvOptions options) {
    TrainingTable t = new CsvTableReader(options).readTraining(file, label);
    String n = file.getFileName().toString().replaceFirst("\\.csv$", "");
    return new EvaluationData(n, t, options);
  }

  /**
   * A stratified sample of {@code rows} rows drawn without replacement by {@code seed}: each class
   * keeps its share (rounded, at least one row), rows stay in file order. The true scale is that
   * of the sample, the table evaluated. Returns this table when it has no more than {@code rows}.
   */
  public EvaluationData sample(int rows, long seed) {
    if (rows < 2) {
      throw new IllegalArgumentException("rows: expected ≥ 2, found " + rows);
    }
    if (rows >= truth.length) {
      return this;
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] keep = new boolean[truth.length];
    for (int k = 0; k < classes(); k++) {
      List<Integer> members = new ArrayList<>();
      for (int r = 0; r < labels.length; r++) {
        if (labels[r] == k) {
          members.add(r);
        }
      }
      int take = Math.max(1, (int) Math.round((double) rows * members.size() / truth.length));
      for (int i = 0; i < Math.min(take, members.size()); i++) {
        int j = i + random.nextInt(members.size() - i);
        Collections.swap(members, i, j);
        keep[members.get(i)] = true;
      }
    }
    List<double[]> values = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    List<RawRow> raw = new ArrayList<>();
    for (int r = 0; r < keep.length; r++) {
      if (keep[r]) {
        values.add(truth[r]);
        kept.add(labels[r]);
        raw.add(complete.rows().get(r));
      }
    }
    return new EvaluationData(name, schema, values.toArray(double[][]::new),
        kept.stream().mapToInt(Integer::intValue).toArray(), new CsvTable(complete.source(), complete.header(), raw),
        options);
  }

  /** Rows of the table. */
  public int rows() {
    return truth.length;
  }

  /** One repetition's masked table. */
  public record Masked(double[][] values, int[] labels, boolean[][] scored) {}

  /** The table with {@code cellRate} of the cells and {@code labelRate} of the labels masked by {@code seed}. */
  public Masked mask(double cellRate, double labelRate, long seed) {
    CsvTable masked = Mcar.mask(complete, schema.label(), cellRate, labelRate, seed);
    TableEncoder encoder = new TableEncoder(schema, options);
    io.hexagan.io.MaskedTable encoded = encoder.encode(masked);
    boolean[][] scored = new boolean[truth.length][truth[0].length];
    for (int r = 0; r < truth.length; r++) {
      for (int c = 0; c < truth[r].length; c++) {
        scored[r][c] = Double.isNaN(encoded.values()[r][c]) && !Double.isNaN(truth[r][c]);
      }
    }
    return new Masked(encoded.values(), encoded.labels(), scored);
  }

  public String name() {
    return name;
  }

  public TableSchema schema() {
    return schema;
  }

  /** Encoded complete values. */
  public double[][] truth() {
    return truth;
  }

  /** True class ids. */
  public int[] labels() {
    return labels;
  }

  /** Min-max of the complete columns: RMSE is measured in this [0,1] space. */
  public MinMaxScaler trueScale() {
    return trueScale;
  }

  public int classes() {
    return schema.classes().size();
  }

  /** The positive classes of F1: the named ones, or the minority class. */
  public PositiveClasses positive(List<String> names) {
    if (names.isEmpty()) {
      return PositiveClasses.minority(labels, classes());
    }
    List<Integer> ids = new ArrayList<>();
    for (String n : names) {
      int id = schema.classes().indexOf(n);
      if (id < 0) {
        throw new IllegalArgumentException("--positive-class: expected one of " + schema.classes() + ", found " + n);
      }
      ids.add(id);
    }
    return PositiveClasses.of(ids.stream().mapToInt(Integer::intValue).toArray());
  }
}
