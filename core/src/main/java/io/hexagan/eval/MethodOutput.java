package io.hexagan.eval;

import io.hexagan.training.TrainingSummary;

/**
 * What a method produced on one fold.
 *
 * @param imputedTest the test rows imputed (original units), or null for a method that does not
 *     impute
 * @param predictedTest the predicted class id of each test row, or null for a method that does not
 *     classify
 * @param training HexaGAN's training summary (loss curves), or null
 */
public record MethodOutput(double[][] imputedTest, int[] predictedTest, TrainingSummary training) {}
