package io.hexagan.graph;

/**
 * The weights of HexaGAN's losses (paper section 3) and the choices the paper leaves open.
 *
 * @param imputationPenalty λ1, weight of L_GP_MI in D_MI's loss (eq. 6); paper 10
 * @param reconstruction α1, weight of L_recon in the loss of E and G_MI (eq. 5); paper 10
 * @param conditionalPenalty λ2, weight of L_GP_CG in D_CG's loss (eq. 9, 11); paper 10
 * @param conditionalImputation α2, weight of L_GMI(x̂_c) in G_CG's loss (eq. 12); paper 1
 * @param conditionalCrossEntropy α3, weight of L_CE(x̂_c, y_c) in G_CG's loss (eq. 12); paper 0.01
 * @param pseudoLabel α4, weight of L_C in C's loss (eq. 13, 15); paper 0.1
 * @param classifierWeightDecay weight of ½‖W‖² over C's weight matrices (the authors' code: 0.001)
 * @param missingNoiseScale the noise z put into missing slots is U(0, s) (eq. 1; paper s = 1)
 * @param meanFill whether missing slots hold the column's mean (over the observed training cells)
 *     plus that noise, instead of the noise alone: E then starts from a plausible value rather than
 *     from the column's minimum (paper: off)
 * @param pseudoLabels how C's prediction becomes the label y_u fed to D_MI
 * @param penalizeLabelOutput whether L_GP_MI also covers D_MI's label output d+1 (the authors'
 *     code does not; the paper is silent)
 * @param inputDropout share of the observed cells hidden from E (filled with noise, marked
 *     missing) in the update of E and G_MI, so that L_recon scores G_MI on cells it did not see:
 *     the reconstruction then teaches imputation instead of copying (0 = off, as in the paper)
 * @param penaltyOutputSample how many of D_MI's outputs L_GP_MI covers per iteration, drawn
 *     uniformly at random (an unbiased estimate of the full penalty); 0 = all outputs, as in the
 *     authors' code. The penalty's cost grows with the number of outputs times d, so a sample
 *     keeps wide tables affordable. The exact penalty costs D_MI's passes over the batch tiled
 *     min(outputs, u) times, u the width of D_MI's last hidden layer ({@link
 *     GradientPenalties#elementwise}); a sample of u or more outputs would cost as much, so it
 *     is not drawn and the exact penalty is computed instead
 * @param hiddenReconstruction β, weight of the reconstruction error on the cells the input
 *     dropout hid from E, added inside L_recon: {@code L_recon + β · mean over hidden cells of (x −
 *     x̄)²}. L_recon alone scores the cells E saw with weight 1 − p and the hidden ones with p; β
 *     tilts it towards the cells that are scored as imputation is (0 = off, as in the paper; no
 *     effect without input dropout)
 * @param skipSparsity κ, the L1 weight on G_MI's linear skip path ({@link
 *     Architecture#linearSkip()}), in the units of a lasso of each column on the others: E's and
 *     G_MI's loss gains {@code α1 · (2κ/d) · Σ|S|} (S the skip matrix), which for a skip path alone is the mean
 *     over the columns of {@code ½ · MSE + κ‖w_j‖₁}; no effect without the skip path
 * @param hintRate GAIN's hint for D_MI (Yoon et al., 2018): each cell is hinted with this
 *     probability, every iteration anew; D_MI reads the hint {@code H = B ⊙ m + ½ (1 − B)} beside
 *     x̂ (B the hinted cells; generated rows have m = 0) and the element-wise losses of D_MI and of
 *     G_MI and G_CG count only the cells it was not told about. 0 (and a config written before
 *     this option): no hint, as in the paper; GAIN used 0.9. Dense D_MI only
 * @param skipScreening which column pairs G_MI's linear skip path may use: with s > 0 only those
 *     whose correlation over the training rows that observe both is significant, {@code |r| ≥ z /
 *     √n}, z the normal quantile at {@code 1 − s/(2d)}, so that about s unrelated columns per
 *     column pass by chance; the other entries of S are held at zero ({@code
 *     io.hexagan.training.PairScreening}). 0 (and a config written before this option): every pair.
 *     No effect without the skip path
 * @param imputerWeightDecay ω, weight of ½‖W‖² summed over every weight matrix of E and G_MI (the
 *     skip path's included; biases not) in their loss, as {@code classifierWeightDecay} is for C. 0
 *     (and a config written before this option): none, as in the paper
 * @param classifierSparsity weight of the L1 norm Σ|W₁| of C's first weight matrix (the one
 *     that reads the d features) in C's loss, beside {@code classifierWeightDecay}: it drives the
 *     weights of features that do not help classify towards zero. 0 (and a config written before
 *     this option): none, as in the paper
 * @param varianceWeighting p: in the reconstruction loss each column's squared errors count {@code
 *     v_j^(−p)} times, v_j the variance of its observed (scaled) training cells, the weights scaled
 *     to average 1 over the columns: 1 makes every column's error count relative to its spread,
 *     so that a column whose cells sit close together is fitted as carefully as a wide one. 0 (and
 *     a config written before this option): the plain mean, as in the paper
 */
public record LossWeights(
    double imputationPenalty,
    double reconstruction,
    double conditionalPenalty,
    double conditionalImputation,
    double conditionalCrossEntropy,
    double pseudoLabel,
    double classifierWeightDecay,
    double missingNoiseScale,
    boolean meanFill,
    PseudoLabels pseudoLabels,
    boolean penalizeLabelOutput,
    double inputDropout,
    int penaltyOutputSample,
    double hiddenReconstruction,
    double skipSparsity,
    double hintRate,
    double skipScreening,
    double imputerWeightDecay,
    double classifierSparsity,
    double varianceWeighting) {

  public LossWeights {
    requireNonNegative("imputationPenalty", imputationPenalty);
    requireNonNegative("reconstruction", reconstruction);
    requireNonNegative("conditionalPenalty", conditionalPenalty);
    requireNonNegative("conditionalImputation", conditionalImputation);
    requireNonNegative("conditionalCrossEntropy", conditionalCrossEntropy);
    requireNonNegative("pseudoLabel", pseudoLabel);
    requireNonNegative("classifierWeightDecay", classifierWeightDecay);
    if (!(missingNoiseScale >= 0 && missingNoiseScale <= 1)) {
      throw new IllegalArgumentException(
          "missingNoiseScale: expected a number in [0, 1], found " + missingNoiseScale);
    }
    if (!(inputDropout >= 0 && inputDropout < 1)) {
      throw new IllegalArgumentException("inputDropout: expected a share in [0, 1), found " + inputDropout);
    }
    requireNonNegative("hiddenReconstruction", hiddenReconstruction);
    requireNonNegative("skipSparsity", skipSparsity);
    requireNonNegative("imputerWeightDecay", imputerWeightDecay);
    requireNonNegative("classifierSparsity", classifierSparsity);
    if (!(varianceWeighting >= 0 && varianceWeighting <= 2)) {
      throw new IllegalArgumentException("varianceWeighting: expected 0 to 2, found " + varianceWeighting);
    }
    if (!(skipScreening >= 0 && skipScreening <= 1)) {
      throw new IllegalArgumentException("skipScreening: expected 0 (off) to 1 chance pair per column, found " + skipScreening);
    }
    if (!(hintRate >= 0 && hintRate < 1)) {
      throw new IllegalArgumentException("hintRate: expected a share in [0, 1), found " + hintRate);
    }
    if (penaltyOutputSample < 0) {
      throw new IllegalArgumentException("penaltyOutputSample: expected 0 (all) or a positive count, found " + penaltyOutputSample);
    }
    if (pseudoLabels == null) {
      throw new IllegalArgumentException("pseudoLabels: expected a value, found null");
    }
  }

  /** The paper's weights (λ1 = α1 = λ2 = 10, α2 = 1, α3 = 0.01, α4 = 0.1) and U(0,1) noise. */
  public static LossWeights paper() {
    return new LossWeights(10, 10, 10, 1, 0.01, 0.1, 0.001, 1.0, false, PseudoLabels.HARD, false, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** This with the noise range replaced. */
  public LossWeights withMissingNoiseScale(double s) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, s, meanFill, pseudoLabels, penalizeLabelOutput, inputDropout, penaltyOutputSample, hiddenReconstruction, skipSparsity, hintRate, skipScreening, imputerWeightDecay, classifierSparsity, varianceWeighting);
  }

  /** This with the pseudo-label mode replaced. */
  public LossWeights withPseudoLabels(PseudoLabels mode) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, mode, penalizeLabelOutput, inputDropout, penaltyOutputSample, hiddenReconstruction, skipSparsity, hintRate, skipScreening, imputerWeightDecay, classifierSparsity, varianceWeighting);
  }

  /** This with the reconstruction weight α1 replaced. */
  public LossWeights withReconstruction(double alpha1) {
    return new LossWeights(imputationPenalty, alpha1, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, pseudoLabels, penalizeLabelOutput, inputDropout, penaltyOutputSample, hiddenReconstruction, skipSparsity, hintRate, skipScreening, imputerWeightDecay, classifierSparsity, varianceWeighting);
  }

  /** This with the mean fill of missing slots switched on or off. */
  public LossWeights withMeanFill(boolean on) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, on, pseudoLabels,
        penalizeLabelOutput, inputDropout, penaltyOutputSample, hiddenReconstruction, skipSparsity, hintRate, skipScreening, imputerWeightDecay, classifierSparsity, varianceWeighting);
  }

  /** This with the input dropout of the imputer's update replaced. */
  public LossWeights withInputDropout(double share) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, pseudoLabels, penalizeLabelOutput,
        share, penaltyOutputSample, hiddenReconstruction, skipSparsity, hintRate, skipScreening, imputerWeightDecay, classifierSparsity, varianceWeighting);
  }

  /** This with the penalty's output sample replaced (0 = all outputs). */
  public LossWeights withPenaltyOutputSample(int outputs) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, pseudoLabels, penalizeLabelOutput, inputDropout, outputs, hiddenReconstruction, skipSparsity, hintRate, skipScreening, imputerWeightDecay, classifierSparsity, varianceWeighting);
  }

  /** This with β, the extra reconstruction weight on the cells the input dropout hid, replaced. */
  public LossWeights withHiddenReconstruction(double beta) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, pseudoLabels,
        penalizeLabelOutput, inputDropout, penaltyOutputSample, beta, skipSparsity, hintRate, skipScreening, imputerWeightDecay, classifierSparsity, varianceWeighting);
  }

  /** This with κ, the L1 weight on G_MI's linear skip path, replaced. */
  public LossWeights withSkipSparsity(double kappa) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, pseudoLabels,
        penalizeLabelOutput, inputDropout, penaltyOutputSample, hiddenReconstruction, kappa, hintRate, skipScreening, imputerWeightDecay, classifierSparsity, varianceWeighting);
  }

  /** This with the share of D_MI's hinted cells replaced (0 = no hint). */
  public LossWeights withHintRate(double share) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, pseudoLabels,
        penalizeLabelOutput, inputDropout, penaltyOutputSample, hiddenReconstruction, skipSparsity, share, skipScreening, imputerWeightDecay, classifierSparsity, varianceWeighting);
  }

  /** This with the screening level of the skip path's column pairs replaced (0 = every pair). */
  public LossWeights withSkipScreening(double chancePairs) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, pseudoLabels,
        penalizeLabelOutput, inputDropout, penaltyOutputSample, hiddenReconstruction, skipSparsity, hintRate, chancePairs, imputerWeightDecay, classifierSparsity, varianceWeighting);
  }

  /** This with ω, the weight decay of E and G_MI, replaced. */
  public LossWeights withImputerWeightDecay(double omega) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, pseudoLabels,
        penalizeLabelOutput, inputDropout, penaltyOutputSample, hiddenReconstruction, skipSparsity, hintRate, skipScreening,
        omega, classifierSparsity, varianceWeighting);
  }

  /** This with the L1 weight on C's input layer replaced. */
  public LossWeights withClassifierSparsity(double weight) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, pseudoLabels,
        penalizeLabelOutput, inputDropout, penaltyOutputSample, hiddenReconstruction, skipSparsity, hintRate, skipScreening,
        imputerWeightDecay, weight, varianceWeighting);
  }

  /** This with p, the exponent of the reconstruction loss's column weights {@code v_j^(−p)}, replaced (0 = none). */
  public LossWeights withVarianceWeighting(double p) {
    return new LossWeights(imputationPenalty, reconstruction, conditionalPenalty, conditionalImputation,
        conditionalCrossEntropy, pseudoLabel, classifierWeightDecay, missingNoiseScale, meanFill, pseudoLabels,
        penalizeLabelOutput, inputDropout, penaltyOutputSample, hiddenReconstruction, skipSparsity, hintRate, skipScreening,
        imputerWeightDecay, classifierSparsity, p);
  }

  private static void requireNonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + ": expected a finite number ≥ 0, found " + v);
    }
  }
}
