/**
 * The yardsticks HexaGAN is held against, in plain Java: baseline imputers (zeros, column mean,
 * k-NN, MICE, soft-impute, missForest), class-imbalance helpers (SMOTE, cost-sensitive class
 * weights) and the evaluation protocol of the paper's section 4 (MCAR masking, stratified k-fold,
 * imputation RMSE in both published formulas, the F1 of the positive classes, mean ± standard
 * deviation).
 *
 * <p>Imputers work on matrices already min-max scaled to [0,1], with {@code NaN} for a missing
 * cell. They never alter an observed cell: an imputed matrix is a new array whose observed cells
 * are copies of the input's.
 *
 * <p>This package uses no TensorFlow; it imports only {@code io.hexagan.io} and {@code
 * io.hexagan.training.Metrics}.
 */
package io.hexagan.eval;
