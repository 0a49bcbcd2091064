package io.hexagan.training;

import java.util.Map;

/**
 * What one epoch did.
 *
 * @param epoch 1-based within its phase
 * @param warmup whether this was a critic warm-up epoch
 * @param iterations training iterations run in this epoch
 * @param meanLosses each loss averaged over the epoch's iterations
 * @param validation the validation figures after the epoch, or null without validation
 * @param improved whether this epoch's weights are the best so far (and were kept)
 * @param millis wall time of the epoch, validation included
 */
public record EpochReport(
    int epoch,
    boolean warmup,
    int iterations,
    Map<String, Double> meanLosses,
    ValidationResult validation,
    boolean improved,
    long millis) {}
