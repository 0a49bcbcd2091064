/**
 * The yardsticks HexaGAN is held against: baseline imputers in plain Java (zeros, column mean,
 * k-NN, MICE, soft-impute, missForest), the network baselines of the paper's comparisons (GAIN, a
 * denoising autoencoder, Triple-GAN), class-imbalance helpers (SMOTE, cost-sensitive class
 * weights) and the evaluation protocol of the paper's section 4 (MCAR masking, stratified k-fold,
 * imputation RMSE in both published formulas, the F1 of the positive classes, mean ± standard
 * deviation).
 *
 * <p>Imputers work on matrices already min-max scaled to [0,1], with {@code NaN} for a missing
 * cell. They never alter an observed cell: an imputed matrix is a new array whose observed cells
 * are copies of the input's.
 *
 * <p>The plain-Java baselines use no TensorFlow. The network baselines run TensorFlow sessions on
 * graphs built by {@code io.hexagan.graph} ({@code GainGraph}, {@code DenoisingAutoencoderGraph},
 * {@code TripleGanGraph}); each training iteration is one {@code Session.run}. Their fitted forms
 * hold trained weights, not sessions, and open a short-lived session per call.
 */
package io.hexagan.eval;
