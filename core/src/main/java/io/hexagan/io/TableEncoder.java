package io.hexagan.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Turns CSV text into the engine's {@link MaskedTable} under a {@link TableSchema}, and encoded
 * rows back into cell values.
 *
 * <p>A numeric cell becomes its value; a categorical cell becomes 1 in its category's feature and
 * 0 in the column's others; a missing cell (see {@link CsvOptions#isMissing}) makes every feature
 * of its column NaN. Category and class names are matched after stripping white space. A label
 * cell becomes its class id, or {@link MaskedTable#UNLABELED} when missing.
 *
 * <p>Checked while encoding, each a {@link DataException} naming file, row and column: a
 * non-number or an infinite number in a numeric column, a category the schema does not know, a
 * class the schema does not know.
 */
public final class TableEncoder {

  private final TableSchema schema;
  private final CsvOptions options;
  private final int[] offset;
  private final List<Map<String, Integer>> categoryIndex;
  private final Map<String, Integer> classIndex;
  private final List<String> featureNames;

  public TableEncoder(TableSchema schema, CsvOptions options) {
    this.schema = schema;
    this.options = options;
    this.offset = new int[schema.columns().size()];
    this.categoryIndex = new ArrayList<>();
    int next = 0;
    for (int j = 0; j < schema.columns().size(); j++) {
      ColumnSpec column = schema.columns().get(j);
      offset[j] = next;
      next += column.width();
      categoryIndex.add(indexOf(column.categories()));
    }
    this.classIndex = indexOf(schema.classes());
    this.featureNames = schema.featureNames();
  }

  public TableSchema schema() {
    return schema;
  }

  public CsvOptions options() {
    return options;
  }

  /** Names of the encoded features, as in {@link TableSchema#featureNames()}. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** Index of schema column {@code j}'s first feature. */
  public int offset(int j) {
    return offset[j];
  }

  /**
   * Binds a file's header (row 1) to the schema.
   *
   * @throws DataException for a missing, extra or duplicate column
   */
  public HeaderBinding bind(String source, List<String> header) {
    return HeaderBinding.bind(schema, source, header, 1);
  }

  /** Encodes a whole table: {@link #bind} its header, then {@link #encode(String, HeaderBinding, List)}. */
  public MaskedTable encode(CsvTable table) {
    return encode(table.source(), bind(table.source(), table.header()), table.rows());
  }

  /**
   * Encodes {@code rows}, laid out as {@code binding} says. The result has labels when the schema
   * has a label and the file has the label column; otherwise it is {@link MaskedTable#unlabeled}.
   */
  public MaskedTable encode(String source, HeaderBinding binding, List<RawRow> rows) {
    int d = featureNames.size();
    double[][] values = new double[rows.size()][];
    boolean labeled = schema.hasLabel() && binding.hasLabel();
    int[] labels = labeled ? new int[rows.size()] : null;
    for (int i = 0; i < rows.size(); i++) {
      RawRow row = rows.get(i);
      double[] encoded = new double[d];
      for (int j = 0; j < offset.length; j++) {
        encodeCell(source, row, binding.positionOf(j), j, encoded);
      }
      values[i] = encoded;
      if (labeled) {
        labels[i] = encodeLabel(source, row, binding.labelPosition());
      }
    }
    return labeled ? new MaskedTable(values, labels, featureNames, schema.classes())
        : MaskedTable.unlabeled(values, featureNames);
  }

  /** The value of schema column {@code j} in the encoded row {@code encoded}. */
  public CellValue decode(int j, double[] encoded) {
    if (encoded.length != featureNames.size()) {
      throw new IllegalArgumentException("encoded: expected " + featureNames.size() + " features, found " + encoded.length);
    }
    ColumnSpec column = schema.columns().get(j);
    if (column.kind() == ColumnKind.NUMERIC) {
      double v = encoded[offset[j]];
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("feature " + featureNames.get(offset[j]) + ": expected a finite value, found " + v);
      }
      return new CellValue.Numeric(v);
    }
    int first = offset[j];
    int best = bestCategory(column, k -> encoded[first + k]);
    if (best < 0) {
      throw new IllegalArgumentException("column " + column.name() + ": expected at least one non-NaN one-hot value, found none");
    }
    return new CellValue.Category(column.categories().get(best));
  }

  /**
   * The text of schema column {@code j} in the network output {@code imputed} (float32, row-major,
   * the row starting at {@code rowStart}, no NaN): the same text as {@code decode(j,
   * row).text()} with each float turned into {@link NumberText#nearestDecimal} of it, computed
   * without that double ({@link NumberText#format(float)}).
   */
  public String decodedText(int j, float[] imputed, int rowStart) {
    ColumnSpec column = schema.columns().get(j);
    int first = rowStart + offset[j];
    if (column.kind() == ColumnKind.NUMERIC) {
      return NumberText.format(imputed[first]);
    }
    // nearestDecimal is strictly increasing, so the largest float is the largest double
    return column.categories().get(bestCategory(column, k -> imputed[first + k]));
  }

  /** The index of the largest of a one-hot group's values, the first on ties, NaN skipped; -1 if all NaN. */
  private static int bestCategory(ColumnSpec column, IntToDoubleFunction valueAt) {
    int best = -1;
    double bestValue = Double.NaN;
    for (int k = 0; k < column.width(); k++) {
      double v = valueAt.applyAsDouble(k);
      if (!Double.isNaN(v) && (best < 0 || v > bestValue)) {
        best = k;
        bestValue = v;
      }
    }
    return best;
  }

  /**
   * The cell values of an encoded row, one per schema column: numbers as they are, each one-hot
   * group as its category with the largest value (the first on ties).
   */
  public List<CellValue> decode(double[] encoded) {
    List<CellValue> cells = new ArrayList<>(offset.length);
    for (int j = 0; j < offset.length; j++) {
      cells.add(decode(j, encoded));
    }
    return cells;
  }

  private void encodeCell(String source, RawRow row, int position, int j, double[] encoded) {
    ColumnSpec column = schema.columns().get(j);
    String raw = row.cell(position);
    int start = offset[j];
    if (options.isMissing(raw)) {
      Arrays.fill(encoded, start, start + column.width(), Double.NaN);
      return;
    }
    String token = raw.strip();
    if (column.kind() == ColumnKind.NUMERIC) {
      double value = NumberTokens.value(token);
      switch (NumberTokens.kindOf(value)) {
        case FINITE -> encoded[start] = value;
        case INFINITE -> throw DataException.atCell(source, row.row(), row.line(), position + 1, column.name(),
            "expected a finite number, found the infinite " + DataException.quote(raw));
        case TEXT -> throw DataException.atCell(source, row.row(), row.line(), position + 1, column.name(),
            "expected a number (numeric column), found " + DataException.quote(raw));
        default -> throw new IllegalStateException("unknown token kind");
      }
      return;
    }
    Integer k = categoryIndex.get(j).get(token);
    if (k == null) {
      throw DataException.atCell(source, row.row(), row.line(), position + 1, column.name(),
          "unseen category " + DataException.quote(token) + "; expected one of " + shortList(column.categories()));
    }
    encoded[start + k] = 1.0;
  }

  private int encodeLabel(String source, RawRow row, int position) {
    String raw = row.cell(position);
    if (options.isMissing(raw)) {
      return MaskedTable.UNLABELED;
    }
    Integer id = classIndex.get(raw.strip());
    if (id == null) {
      throw DataException.atCell(source, row.row(), row.line(), position + 1, schema.label(),
          "unknown class " + DataException.quote(raw.strip()) + "; expected one of " + shortList(schema.classes()));
    }
    return id;
  }

  private static Map<String, Integer> indexOf(List<String> names) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    return index;
  }

  private static String shortList(List<String> names) {
    List<String> shown = names.size() <= 10 ? names : names.subList(0, 10);
    StringBuilder text = new StringBuilder();
    for (String name : shown) {
      text.append(text.length() == 0 ? "" : ", ").append(DataException.quote(name));
    }
    return names.size() <= 10 ? text.toString() : text + ", … (" + names.size() + " in all)";
  }
}
