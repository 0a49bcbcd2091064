package io.hexagan.io;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a file's columns are in terms of a {@link TableSchema}: for each header position, the
 * schema feature column it holds or the label. Files may order their columns differently from the
 * training file; the label column may be absent. Made by {@link TableEncoder#bind}.
 */
public final class HeaderBinding {

  /** Marks the label's position in {@link #schemaColumnAt}. */
  public static final int LABEL = -1;

  private final List<String> header;
  private final int[] schemaColumnAt;
  private final int[] positionOf;
  private final int labelPosition;

  private HeaderBinding(List<String> header, int[] schemaColumnAt, int[] positionOf, int labelPosition) {
    this.header = List.copyOf(header);
    this.schemaColumnAt = schemaColumnAt;
    this.positionOf = positionOf;
    this.labelPosition = labelPosition;
  }

  /**
   * Binds {@code header} to {@code schema}.
   *
   * @throws DataException naming the first extra, duplicate or missing column
   */
  static HeaderBinding bind(TableSchema schema, String source, List<String> header, long headerLine) {
    Map<String, Integer> index = new HashMap<>();
    for (int j = 0; j < schema.columns().size(); j++) {
      index.put(schema.columns().get(j).name(), j);
    }
    int[] at = new int[header.size()];
    int[] position = new int[schema.columns().size()];
    Arrays.fill(position, -1);
    int label = -1;
    for (int p = 0; p < header.size(); p++) {
      String name = header.get(p).strip();
      if (schema.hasLabel() && name.equals(schema.label())) {
        if (label >= 0) {
          throw DataException.atCell(source, 1, headerLine, p + 1, name, "duplicate column name, already column " + (label + 1));
        }
        label = p;
        at[p] = LABEL;
        continue;
      }
      Integer j = index.get(name);
      if (j == null) {
        throw DataException.atCell(source, 1, headerLine, p + 1, name,
            "column not in the model's schema; expected the columns " + describe(schema));
      }
      if (position[j] >= 0) {
        throw DataException.atCell(source, 1, headerLine, p + 1, name, "duplicate column name, already column " + (position[j] + 1));
      }
      position[j] = p;
      at[p] = j;
    }
    for (int j = 0; j < position.length; j++) {
      if (position[j] < 0) {
        throw DataException.atCell(source, 1, headerLine, 0, schema.columns().get(j).name(),
            "missing column; expected the columns " + describe(schema));
      }
    }
    return new HeaderBinding(header, at, position, label);
  }

  /** The header cells exactly as read. */
  public List<String> header() {
    return header;
  }

  /** The schema column at header position {@code p}, or {@link #LABEL}. */
  public int schemaColumnAt(int p) {
    return schemaColumnAt[p];
  }

  /** The header position of schema column {@code j}. */
  public int positionOf(int j) {
    return positionOf[j];
  }

  /** Whether the file has the label column. */
  public boolean hasLabel() {
    return labelPosition >= 0;
  }

  /** The header position of the label column, or -1 when absent. */
  public int labelPosition() {
    return labelPosition;
  }

  private static String describe(TableSchema schema) {
    List<String> names = schema.columnNames();
    String shown = names.size() <= 12 ? String.join(", ", names) : String.join(", ", names.subList(0, 12)) + ", …";
    return shown + (schema.hasLabel() ? " and optionally the label " + schema.label() : "");
  }
}
