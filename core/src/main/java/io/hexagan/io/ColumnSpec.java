package io.hexagan.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashSet;
import java.util.List;

/**
 * One feature column of a {@link TableSchema}.
 *
 * @param name the column's header name (stripped)
 * @param kind numeric or categorical
 * @param categories for a categorical column its categories in encoding order; empty for a numeric
 *     column
 * @param min for a numeric column the smallest observed value; null for a categorical column
 * @param max for a numeric column the largest observed value; null for a categorical column
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ColumnSpec(String name, ColumnKind kind, List<String> categories, Double min, Double max) {

  public ColumnSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: expected a column name, found " + (name == null ? "null" : "a blank"));
    }
    if (kind == null) {
      throw new IllegalArgumentException("column " + name + ", kind: expected NUMERIC or CATEGORICAL, found null");
    }
    categories = categories == null ? List.of() : List.copyOf(categories);
    if (kind == ColumnKind.NUMERIC) {
      if (!categories.isEmpty()) {
        throw new IllegalArgumentException("column " + name + ", categories: expected none for a numeric column, found "
            + categories.size());
      }
      if (min == null || max == null || !Double.isFinite(min) || !Double.isFinite(max) || min > max) {
        throw new IllegalArgumentException("column " + name + ", min and max: expected finite min ≤ max, found "
            + min + " and " + max);
      }
    } else {
      if (categories.isEmpty()) {
        throw new IllegalArgumentException("column " + name + ", categories: expected at least 1, found 0");
      }
      if (new HashSet<>(categories).size() != categories.size()) {
        throw new IllegalArgumentException("column " + name + ", categories: expected distinct names, found duplicates");
      }
      if (min != null || max != null) {
        throw new IllegalArgumentException("column " + name + ", min and max: expected none for a categorical column, found "
            + min + " and " + max);
      }
    }
  }

  /** A numeric column whose observed values span [min, max]. */
  public static ColumnSpec numeric(String name, double min, double max) {
    return new ColumnSpec(name, ColumnKind.NUMERIC, List.of(), min, max);
  }

  /** A categorical column with {@code categories} in encoding order. */
  public static ColumnSpec categorical(String name, List<String> categories) {
    return new ColumnSpec(name, ColumnKind.CATEGORICAL, categories, null, null);
  }

  /** Number of encoded features: 1 for a numeric column, one per category otherwise. */
  public int width() {
    return kind == ColumnKind.NUMERIC ? 1 : categories.size();
  }
}
