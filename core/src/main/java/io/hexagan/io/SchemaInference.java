package io.hexagan.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Infers a {@link TableSchema} from a training table and checks that something can be learned
 * from it. The rules, each failure a {@link DataException}:
 *
 * <ul>
 *   <li>at least 2 data rows;
 *   <li>the label column, when named, exists; at least one other column remains;
 *   <li>a column is NUMERIC when every non-missing cell is a number ({@link NumberTokens}); an
 *       infinite number in it ({@code inf}, {@code 1e999}) is an error;
 *   <li>a column in which at least {@value #NUMERIC_SHARE_PERCENT}% but not all non-missing cells
 *       are numbers is an error naming its first non-number: a stray word or decimal comma in a
 *       numeric column is a typo or an unlisted missing marker, not a category;
 *   <li>any other column is CATEGORICAL, its categories the distinct stripped cell texts;
 *   <li>a column with no observed cell is an error: nothing can be learned from it. A constant
 *       column is fine (it imputes to its constant);
 *   <li>the label's classes are its distinct stripped non-missing texts; fewer than 2 is an
 *       error. A missing label leaves the row unlabelled.
 * </ul>
 *
 * <p>Categories and classes are ordered by {@link NameOrder}.
 */
final class SchemaInference {

  /** The share of numbers, in percent, from which a column that has a non-number is an error. */
  static final int NUMERIC_SHARE_PERCENT = 95;

  private SchemaInference() {
  }

  /** The schema of {@code table}, with {@code label} (null for none) as its label column. */
  static TableSchema infer(CsvTable table, String label, CsvOptions options) {
    String source = table.source();
    List<String> names = table.names();
    int labelPosition = -1;
    if (label != null) {
      labelPosition = names.indexOf(label.strip());
      if (labelPosition < 0) {
        throw DataException.inRow(source, 1, 0, "label column " + DataException.quote(label)
            + " names no column; the columns are " + String.join(", ", names));
      }
      if (names.size() == 1) {
        throw DataException.atCell(source, 1, 0, 1, names.get(0),
            "expected at least one feature column besides the label, found only the label");
      }
    }
    List<RawRow> rows = table.rows();
    if (rows.isEmpty()) {
      throw DataException.inFile(source, "expected data rows after the header, found the header only");
    }
    if (rows.size() < 2) {
      throw DataException.inRow(source, rows.get(0).row(), rows.get(0).line(),
          "expected at least 2 data rows to learn from, found 1");
    }
    List<ColumnSpec> columns = new ArrayList<>();
    for (int p = 0; p < names.size(); p++) {
      if (p != labelPosition) {
        columns.add(column(source, rows, p, names.get(p), options));
      }
    }
    List<String> classes = List.of();
    if (labelPosition >= 0) {
      classes = classes(source, rows, labelPosition, names.get(labelPosition), options);
    }
    return TableSchema.of(columns, labelPosition >= 0 ? names.get(labelPosition) : null, classes);
  }

  private static ColumnSpec column(String source, List<RawRow> rows, int p, String name, CsvOptions options) {
    long observed = 0;
    long numbers = 0;
    RawRow firstText = null;
    RawRow firstInfinite = null;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    Set<String> categories = new HashSet<>();
    for (RawRow row : rows) {
      String raw = row.cell(p);
      if (options.isMissing(raw)) {
        continue;
      }
      observed++;
      String token = raw.strip();
      categories.add(token);
      double v = NumberTokens.value(token);
      switch (NumberTokens.kindOf(v)) {
        case FINITE -> {
          numbers++;
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        case INFINITE -> {
          numbers++;
          firstInfinite = firstInfinite == null ? row : firstInfinite;
        }
        case TEXT -> firstText = firstText == null ? row : firstText;
        default -> throw new IllegalStateException("unknown token kind");
      }
    }
    if (observed == 0) {
      throw DataException.inColumn(source, p + 1, name,
          "every cell is missing; nothing can be learned from this column (remove it)");
    }
    if (firstText == null || numbers * 100 >= observed * NUMERIC_SHARE_PERCENT) {
      if (firstText != null) {
        throw DataException.atCell(source, firstText.row(), firstText.line(), p + 1, name,
            "expected a number as in " + (numbers * 100 / observed) + "% of this column's cells, found "
                + DataException.quote(firstText.cell(p)) + " (if it marks a missing cell, add it to the missing markers)");
      }
      if (firstInfinite != null) {
        throw DataException.atCell(source, firstInfinite.row(), firstInfinite.line(), p + 1, name,
            "expected a finite number, found the infinite " + DataException.quote(firstInfinite.cell(p)));
      }
      return ColumnSpec.numeric(name, min, max);
    }
    return ColumnSpec.categorical(name, NameOrder.sorted(categories));
  }

  private static List<String> classes(String source, List<RawRow> rows, int p, String name, CsvOptions options) {
    Set<String> classes = new HashSet<>();
    for (RawRow row : rows) {
      String raw = row.cell(p);
      if (!options.isMissing(raw)) {
        classes.add(raw.strip());
      }
    }
    if (classes.size() < 2) {
      throw DataException.inColumn(source, p + 1, name, "expected at least 2 classes in the label column, found "
          + classes.size() + (classes.isEmpty() ? "" : " (" + DataException.quote(classes.iterator().next()) + ")"));
    }
    return NameOrder.sorted(classes);
  }
}
