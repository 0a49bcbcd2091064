package io.hexagan.training;

/** The validation figure that decides which epoch's weights training keeps (lower is better). */
public enum StoppingCriterion {
  /** Imputation RMSE on hidden cells, relative to column-mean imputation of the same cells. */
  IMPUTATION,
  /** 1 − F1 of the classifier on rows whose label was hidden. */
  CLASSIFICATION,
  /** The sum of both: relative RMSE + (1 − F1); each alone when the other is unavailable. */
  COMBINED
}
