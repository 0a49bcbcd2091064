package io.hexagan.eval;

import io.hexagan.training.TrainingSummary;
import java.util.List;

/**
 * A method's figures over every fold and repetition, mean ± sample standard deviation.
 *
 * @param method the method's name
 * @param rmseGlobal imputation RMSE, one root over all masked test cells ([0,1] by the true scale)
 * @param rmsePerRow imputation RMSE per row, then the mean over rows (the HexaGAN authors' formula)
 * @param f1 F1 of the positive class(es) on the test rows
 * @param seconds wall time per fold (training and inference)
 * @param trainings HexaGAN's training summaries, one per fold (empty for other methods)
 * @param columns imputation RMSE per feature column, folds pooled (null for a method that does not
 *     impute, and for the best-test-epoch rows)
 */
public record MethodSummary(String method, MeanStd rmseGlobal, MeanStd rmsePerRow, MeanStd f1, MeanStd seconds,
    List<TrainingSummary> trainings, ColumnRmse columns) {}
