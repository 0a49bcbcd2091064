package io.hexagan.eval;

import java.util.List;

/**
 * A method's imputation RMSE per feature column over all folds (see {@link ColumnErrors}).
 *
 * @param columns the feature columns' names, in table order
 * @param rmse each column's RMSE over its masked test cells ([0,1] by the true scale), NaN if none
 * @param cells how many masked test cells each column's figure covers
 */
public record ColumnRmse(List<String> columns, double[] rmse, long[] cells) {
  public ColumnRmse {
    columns = List.copyOf(columns);
    if (rmse.length != columns.size() || cells.length != columns.size()) {
      throw new IllegalArgumentException("column RMSE: expected " + columns.size() + " figures and counts, found "
          + rmse.length + " and " + cells.length);
    }
    rmse = rmse.clone();
    cells = cells.clone();
  }

  @Override
  public double[] rmse() {
    return rmse.clone();
  }

  @Override
  public long[] cells() {
    return cells.clone();
  }
}
