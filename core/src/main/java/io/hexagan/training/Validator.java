package io.hexagan.training;

import io.hexagan.io.MaskedTable;
import io.hexagan.io.MinMaxScaler;

/**
 * Scores a model on the validation cells and labels after each epoch, through the graph's
 * inference endpoints: RMSE of the hidden cells (scaled space, one root over all cells) against
 * column-mean imputation of the same cells, and F1 on the rows whose label was hidden.
 */
final class Validator {
  private final int features;
  private final int classes;
  // Imputation validation: rows holding hidden cells, as training sees them.
  private final int cellRows;
  private final float[] cellValues;
  private final float[] cellMask;
  private final float[] truth;
  private final boolean[] hidden;
  private final double meanRmse;
  // Classification validation.
  private final int labelRows;
  private final float[] labelValues;
  private final float[] labelMask;
  private final int[] labelTruth;
  private final int positiveClass;

  Validator(MaskedTable table, MinMaxScaler scaler, ValidationSplit split) {
    this.features = table.features();
    this.classes = table.classes().size();
    int d = features;
    int n = table.rows();
    double[] colSum = new double[d];
    long[] colCount = new long[d];
    int rowsWithCells = 0;
    for (int r = 0; r < n; r++) {
      boolean any = false;
      for (int c = 0; c < d; c++) {
        if (split.hiddenCells()[r][c]) {
          any |= split.scored(r, c);
        } else if (table.observed(r, c)) {
          colSum[c] += scaler.transform(c, table.values()[r][c]);
          colCount[c]++;
        }
      }
      if (any) {
        rowsWithCells++;
      }
    }
    cellRows = rowsWithCells;
    cellValues = new float[cellRows * d];
    cellMask = new float[cellRows * d];
    truth = new float[cellRows * d];
    hidden = new boolean[cellRows * d];
    double meanSq = 0;
    long cells = 0;
    int i = 0;
    for (int r = 0; r < n; r++) {
      boolean any = false;
      for (int c = 0; c < d; c++) {
        any |= split.scored(r, c);
      }
      if (!any) {
        continue;
      }
      for (int c = 0; c < d; c++) {
        int k = i * d + c;
        if (split.scored(r, c)) {
          hidden[k] = true;
          truth[k] = (float) scaler.transform(c, table.values()[r][c]);
          double err = truth[k] - colSum[c] / Math.max(1, colCount[c]);
          meanSq += err * err;
          cells++;
        } else if (table.observed(r, c)) {
          cellValues[k] = (float) scaler.transform(c, table.values()[r][c]);
          cellMask[k] = 1f;
        }
      }
      i++;
    }
    meanRmse = cells == 0 ? Double.NaN : Math.sqrt(meanSq / cells);

    labelRows = split.hiddenLabelRows().length;
    labelValues = new float[labelRows * d];
    labelMask = new float[labelRows * d];
    labelTruth = new int[labelRows];
    for (int j = 0; j < labelRows; j++) {
      int r = split.hiddenLabelRows()[j];
      labelTruth[j] = table.labels()[r];
      for (int c = 0; c < d; c++) {
        if (table.observed(r, c) && !split.hiddenCells()[r][c]) {
          labelValues[j * d + c] = (float) scaler.transform(c, table.values()[r][c]);
          labelMask[j * d + c] = 1f;
        }
      }
    }
    positiveClass = classes == 2 ? Metrics.minorityClass(table.labels(), 2) : -1;
  }

  boolean enabled() {
    return cellRows > 0 || labelRows > 0;
  }

  ValidationResult evaluate(GraphSession session, StoppingCriterion criterion) {
    double rmse = Double.NaN;
    if (cellRows > 0) {
      float[] imputed = session.impute(cellValues, cellMask, cellRows);
      double sq = 0;
      long cells = 0;
      for (int k = 0; k < imputed.length; k++) {
        if (hidden[k]) {
          double err = imputed[k] - truth[k];
          sq += err * err;
          cells++;
        }
      }
      rmse = Math.sqrt(sq / cells);
    }
    double f1 = Double.NaN;
    if (labelRows > 0) {
      float[] p = session.classify(labelValues, labelMask, labelRows);
      int[] predicted = new int[labelRows];
      for (int j = 0; j < labelRows; j++) {
        predicted[j] = Metrics.argMax(p, j, classes);
      }
      f1 = classes == 2 ? Metrics.f1(labelTruth, predicted, positiveClass)
          : Metrics.macroF1(labelTruth, predicted, classes);
    }
    double relative = Double.isNaN(rmse) ? Double.NaN : meanRmse > 0 ? rmse / meanRmse : rmse;
    double classification = Double.isNaN(f1) ? Double.NaN : 1 - f1;
    double score = switch (criterion) {
      case IMPUTATION -> Double.isNaN(relative) ? classification : relative;
      case CLASSIFICATION -> Double.isNaN(classification) ? relative : classification;
      case COMBINED -> Double.isNaN(relative) ? classification
          : Double.isNaN(classification) ? relative : relative + classification;
    };
    return new ValidationResult(rmse, meanRmse, f1, score);
  }
}
