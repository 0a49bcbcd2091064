package io.hexagan.eval;

import java.util.List;

/**
 * One fold of one repetition, as a method sees it: training rows with their masked cells and
 * masked labels, and test rows with their masked cells (their labels and true values are for
 * scoring only and never reach a method).
 *
 * @param trainValues training rows, encoded, {@code NaN} where masked
 * @param trainLabels training labels, -1 where masked
 * @param testValues test rows, encoded, {@code NaN} where masked
 * @param columns encoded feature names
 * @param classes class names
 * @param seed a seed for the method's own randomness in this fold
 * @param imputers the imputers already fitted on this fold's training rows, shared between methods
 */
public record FoldData(double[][] trainValues, int[] trainLabels, double[][] testValues, List<String> columns,
    List<String> classes, long seed, FoldImputers imputers) {}
