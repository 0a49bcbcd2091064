package io.hexagan.training;

/**
 * Validation figures after an epoch; a figure is NaN where it was not measured.
 *
 * @param rmse imputation RMSE over hidden cells in the [0,1]-scaled space (one root over all cells)
 * @param meanImputationRmse the same for column-mean imputation of those cells
 * @param f1 the classifier's F1 on rows whose label was hidden (minority class for two classes,
 *     macro-averaged otherwise)
 * @param score the figure the stopping criterion minimises
 */
public record ValidationResult(double rmse, double meanImputationRmse, double f1, double score) {}
