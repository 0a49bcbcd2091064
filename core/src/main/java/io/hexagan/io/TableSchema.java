package io.hexagan.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of a training table, saved with a model so that later inputs are read the same way:
 * the feature columns in order and, when the table has one, the label column and its classes.
 * Inputs are checked against it ({@link TableEncoder#bind}).
 *
 * <p>Encoding: a numeric column is one feature named like the column; a categorical column is one
 * one-hot feature per category, named {@code column=category}.
 *
 * @param formatVersion the version of the JSON form, {@link #FORMAT_VERSION} when written by this
 *     code
 * @param columns the feature columns, in the training file's order, label excluded
 * @param label the label column's name, or null for a table without a label
 * @param classes the class names by class id; empty without a label
 */
public record TableSchema(int formatVersion, List<ColumnSpec> columns, String label, List<String> classes) {

  /** The JSON format this code writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  public TableSchema {
    if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
      throw new IllegalArgumentException("formatVersion: expected 1 to " + FORMAT_VERSION + ", found " + formatVersion);
    }
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException("columns: expected at least 1 feature column, found 0");
    }
    columns = List.copyOf(columns);
    classes = classes == null ? List.of() : List.copyOf(classes);
    Set<String> names = new HashSet<>();
    for (ColumnSpec column : columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("columns: expected distinct names, found " + column.name() + " twice");
      }
    }
    if (label == null) {
      if (!classes.isEmpty()) {
        throw new IllegalArgumentException("classes: expected none without a label, found " + classes.size());
      }
    } else {
      if (names.contains(label)) {
        throw new IllegalArgumentException("label: expected a column other than the features, found " + label);
      }
      if (classes.size() < 2) {
        throw new IllegalArgumentException("classes: expected at least 2, found " + classes.size());
      }
      if (new HashSet<>(classes).size() != classes.size()) {
        throw new IllegalArgumentException("classes: expected distinct names, found duplicates");
      }
    }
  }

  /** A schema of the current format version. */
  public static TableSchema of(List<ColumnSpec> columns, String label, List<String> classes) {
    return new TableSchema(FORMAT_VERSION, columns, label, classes);
  }

  public boolean hasLabel() {
    return label != null;
  }

  /** Names of the encoded features: {@code column} for a numeric column, {@code column=category} per category. */
  public List<String> featureNames() {
    List<String> names = new ArrayList<>();
    for (ColumnSpec column : columns) {
      if (column.kind() == ColumnKind.NUMERIC) {
        names.add(column.name());
      } else {
        for (String category : column.categories()) {
          names.add(column.name() + "=" + category);
        }
      }
    }
    return names;
  }

  /** Number of encoded features. */
  public int featureCount() {
    int n = 0;
    for (ColumnSpec column : columns) {
      n += column.width();
    }
    return n;
  }

  /** Names of the feature columns. */
  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }
}
