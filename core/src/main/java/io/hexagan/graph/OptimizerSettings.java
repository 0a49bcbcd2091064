package io.hexagan.graph;

/**
 * RMSprop for every network, as in the authors' code (TensorFlow 1's {@code RMSPropOptimizer}:
 * mean-square slot starting at 1, no momentum), with an exponential learning-rate decay per
 * iteration: {@code lr_t = lr · decay^t}.
 *
 * @param imputationRate learning rate of E, G_MI and D_MI (authors: 2e-4)
 * @param conditionalRate learning rate of G_CG and D_CG (authors: 2e-5)
 * @param classifierRate learning rate of C (authors: 2e-3)
 * @param decay per-iteration decay of every learning rate (authors: 0.99999)
 * @param rho RMSprop's discount of the mean square (TensorFlow default 0.9)
 * @param epsilon RMSprop's ε (TensorFlow 1 default 1e-10)
 * @param batchSize labelled rows per iteration; unlabelled rows are added in proportion (authors: 64)
 * @param conditionalUpdates updates of G_CG and D_CG per update of E (paper: 10)
 * @param averagingEpochs time constant, in epochs, of an exponential moving average of the weights
 *     of the networks inference uses (E, G_MI, G_CG, C): after each iteration of the main loop
 *     {@code w̄ ← w̄ + (w − w̄) / n}, n = averagingEpochs · iterations per epoch. The average is
 *     what is validated, kept and served; the raw weights are what training continues from. 0 =
 *     off (the paper: no averaging)
 * @param conditionalOverlap whether D_MI's and C's updates read G_CG as the iteration found it,
 *     before its {@code conditionalUpdates} updates, so that those updates, each waiting for the
 *     one before, run beside every other stage: D_MI and C then see rows from a G_CG one
 *     iteration old. false = the authors' order, in which they read G_CG after its updates and
 *     wait for all of them
 * @param conditionalSimultaneous whether each of the {@code conditionalUpdates} rounds updates
 *     G_CG and D_CG from the same weights (D_CG's fake pairs from G_CG before that round's update,
 *     simultaneous gradient steps), so that the two updates of a round run at once and the rounds'
 *     chain is half as long. false = the authors' alternation, in which D_CG's update reads G_CG
 *     after the round's G_CG update
 */
public record OptimizerSettings(
    double imputationRate,
    double conditionalRate,
    double classifierRate,
    double decay,
    double rho,
    double epsilon,
    int batchSize,
    int conditionalUpdates,
    double averagingEpochs,
    boolean conditionalOverlap,
    boolean conditionalSimultaneous) {

  public OptimizerSettings {
    requirePositive("imputationRate", imputationRate);
    requirePositive("conditionalRate", conditionalRate);
    requirePositive("classifierRate", classifierRate);
    if (!(decay > 0 && decay <= 1)) {
      throw new IllegalArgumentException("decay: expected a number in (0, 1], found " + decay);
    }
    if (!(rho >= 0 && rho < 1)) {
      throw new IllegalArgumentException("rho: expected a number in [0, 1), found " + rho);
    }
    requirePositive("epsilon", epsilon);
    if (batchSize < 2 || batchSize > 65536) {
      throw new IllegalArgumentException("batchSize: expected 2 to 65536, found " + batchSize);
    }
    if (!(averagingEpochs >= 0 && averagingEpochs <= 1000)) {
      throw new IllegalArgumentException("averagingEpochs: expected 0 (off) to 1000, found " + averagingEpochs);
    }
    if (conditionalUpdates < 1 || conditionalUpdates > 100) {
      throw new IllegalArgumentException("conditionalUpdates: expected 1 to 100, found " + conditionalUpdates);
    }
  }

  /** The authors' settings. */
  public static OptimizerSettings paper() {
    return new OptimizerSettings(2e-4, 2e-5, 2e-3, 0.99999, 0.9, 1e-10, 64, 10, 0, false, false);
  }

  /** This with the batch size replaced. */
  public OptimizerSettings withBatchSize(int size) {
    return new OptimizerSettings(imputationRate, conditionalRate, classifierRate, decay, rho, epsilon, size,
        conditionalUpdates, averagingEpochs, conditionalOverlap, conditionalSimultaneous);
  }

  /** This with the three learning rates replaced. */
  public OptimizerSettings withRates(double imputation, double conditional, double classifier) {
    return new OptimizerSettings(imputation, conditional, classifier, decay, rho, epsilon, batchSize,
        conditionalUpdates, averagingEpochs, conditionalOverlap, conditionalSimultaneous);
  }

  /** This with the weight average's time constant replaced (0 = off). */
  public OptimizerSettings withAveragingEpochs(double epochs) {
    return new OptimizerSettings(imputationRate, conditionalRate, classifierRate, decay, rho, epsilon, batchSize,
        conditionalUpdates, epochs, conditionalOverlap, conditionalSimultaneous);
  }

  /** This with {@link #conditionalOverlap()} replaced. */
  public OptimizerSettings withConditionalOverlap(boolean overlap) {
    return new OptimizerSettings(imputationRate, conditionalRate, classifierRate, decay, rho, epsilon, batchSize,
        conditionalUpdates, averagingEpochs, overlap, conditionalSimultaneous);
  }

  /** This with {@link #conditionalSimultaneous()} replaced. */
  public OptimizerSettings withConditionalSimultaneous(boolean simultaneous) {
    return new OptimizerSettings(imputationRate, conditionalRate, classifierRate, decay, rho, epsilon, batchSize,
        conditionalUpdates, averagingEpochs, conditionalOverlap, simultaneous);
  }

  /** Whether the served weights are a moving average of the trained ones. */
  public boolean averaging() {
    return averagingEpochs > 0;
  }

  private static void requirePositive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + ": expected a finite number > 0, found " + v);
    }
  }
}
