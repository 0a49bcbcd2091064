package io.hexagan.training;

import io.hexagan.graph.Ablation;
import io.hexagan.graph.Architecture;
import io.hexagan.graph.LossWeights;
import io.hexagan.graph.OptimizerSettings;

/**
 * Every hyperparameter of a HexaGAN run, in one immutable record. {@link #paper()} is the
 * authors' recipe (the paper's loss weights, the released code's widths, learning rates, decay,
 * warm-up and update order); {@link #defaults()} is hexagan's default, which departs from the
 * recipe where docs/RESULTS.md shows evidence.
 *
 * @param seed the one seed from which every random stream derives
 * @param architecture widths and activations of the six networks
 * @param losses loss weights (λ1, α1, λ2, α2, α3, α4) and the method's open choices
 * @param optimizer RMSprop settings, batch size and conditional updates per iteration
 * @param ablation which parts of HexaGAN exist (paper Table 2)
 * @param schedule warm-up, epoch budget, validation split and stopping rule
 * @param imputationDraws noise draws averaged per imputation and classification
 * @param refinement chained linear regressions and random forests over the imputation, fitted after training (null,
 *     as in a model written before them, reads as off)
 * @param session TensorFlow threads and device
 */
public record HexaGanConfig(
    long seed,
    Architecture architecture,
    LossWeights losses,
    OptimizerSettings optimizer,
    Ablation ablation,
    Schedule schedule,
    int imputationDraws,
    RefinementSettings refinement,
    SessionSettings session) {

  public HexaGanConfig {
    refinement = refinement == null ? RefinementSettings.OFF : refinement;
    if (architecture == null || losses == null || optimizer == null || ablation == null
        || schedule == null || session == null) {
      throw new IllegalArgumentException("config: expected every part, found a null");
    }
    if (imputationDraws < 1 || imputationDraws > 1000) {
      throw new IllegalArgumentException("imputationDraws: expected 1 to 1000, found " + imputationDraws);
    }
  }

  /**
   * hexagan's defaults. G_MI's linear skip path runs twice and uses only the column pairs that
   * pass the screening at s = {@value #DEFAULT_SKIP_SCREENING}, with no L1 on it: on madelon and
   * breast it imputed better than one pass with κ = 10⁻³ over every pair (docs/RESULTS.md,
   * "Screening the skip path's column pairs"). Every imputation and classification, validation's
   * included, averages {@value #DEFAULT_IMPUTATION_DRAWS} noise draws, each hiding its own share of
   * the observed cells from E: lower or equal RMSE against one draw on all four shared tables
   * (docs/RESULTS.md, "Ten draws averaged"), for ten times the inference work. E also reads
   * every column's rank among the training cells, through {@value #DEFAULT_QUANTILE_SEGMENTS}
   * quantile segments: credit's sample imputed better (0.1256 → 0.1242, the payment statuses and
   * amounts), breast, wine and madelon within 0.0003 (docs/RESULTS.md, "Ranks for E"). D_MI's
   * and C's updates read G_CG as the iteration found it ({@link OptimizerSettings#conditionalOverlap()}),
   * so the ten conditional updates run beside them: the same RMSE on all four tables within 0.0003,
   * an iteration on two cores 13% shorter at d = 23 and 18% longer at d = 500 (docs/RESULTS.md,
   * "The conditional updates beside the others"; docs/PERFORMANCE.md). After training, chained
   * linear regressions on the screened column pairs refine the imputation of the columns whose
   * validation cells they imputed better ({@link #DEFAULT_REFINEMENT}): madelon better in every
   * fold (its related columns 0.0515 → 0.0347), breast in 4 of 5, credit and wine level within
   * noise (docs/RESULTS.md, "Chained regressions over the imputation").
   */
  public static HexaGanConfig defaults() {
    return new HexaGanConfig(
        0L,
        Architecture.defaults().withLinearSkip(true).withChainedSkip(true)
            .withQuantileInputs(DEFAULT_QUANTILE_SEGMENTS),
        LossWeights.paper().withMissingNoiseScale(0.01).withInputDropout(0.3).withPenaltyOutputSample(64)
            .withSkipSparsity(0).withSkipScreening(DEFAULT_SKIP_SCREENING),
        OptimizerSettings.paper().withRates(1e-3, 1e-4, 2e-3).withAveragingEpochs(2).withConditionalOverlap(true),
        Ablation.full(),
        new Schedule(5, 300, 30, 0.05, 0.1, StoppingCriterion.IMPUTATION),
        DEFAULT_IMPUTATION_DRAWS,
        DEFAULT_REFINEMENT,
        SessionSettings.defaults());
  }

  /** Quantile segments of E's rank inputs in {@link #defaults()} ({@link Architecture#quantileInputs()}). */
  public static final int DEFAULT_QUANTILE_SEGMENTS = 16;

  /** Columns each split of a refinement forest tries at most, by default ({@link RefinementSettings#forestFeatures()}). */
  public static final int DEFAULT_FOREST_FEATURES = 32;

  /** Times the chosen forests are grown again by default ({@link RefinementSettings#forestRegrowths()}). */
  public static final int DEFAULT_FOREST_REGROWTHS = 1;

  /**
   * The refinements of the imputation in {@link #defaults()} ({@link #refinement()}): chained
   * regressions on every column of a column's component of screened pairs, run five passes with
   * ridge 3·10⁻⁴ per row, forests of 100 trees with leaves of at least 5 rows (missForest's), a
   * column refined where its validation cells gained with t ≥ 2, or by half G_MI's cell and half
   * its forest's where that blend gained with t ≥ 2 on its own cells; the forest columns left
   * undecided blend together at the share their validation cells, pooled, fit best (at most half);
   * a forest classifier of 100 trees per class, serving where it beat C on the validation labels.
   * The regression forests try every other column at each split up to 32 of them (bagged trees on
   * tables of up to 33 columns; missForest tries ⌊√d⌋), which imputed breast and credit better and
   * wine alike; the cap bounds a forest's cost on wide tables. The chosen columns' forests are then
   * grown once more on the table the first round imputed, reading it (missForest's second
   * iteration), which imputed breast, wine and credit's sample better and madelon alike; a third
   * round added nothing measurable on breast or credit's sample. The forests also read the row's
   * class (grown on the labels training knew) and impute a row as every class's forest mean weighted
   * by C's probability of it: wine better (t −3.0), breast and madelon level, credit a little worse.
   */
  public static final RefinementSettings DEFAULT_REFINEMENT =
      new RefinementSettings(5, 3e-4, 2, 100, 5, true, 100, 0.5, true, DEFAULT_FOREST_FEATURES,
          DEFAULT_FOREST_REGROWTHS, true);

  /** Noise draws averaged per imputation in {@link #defaults()} ({@link #imputationDraws()}). */
  public static final int DEFAULT_IMPUTATION_DRAWS = 10;

  /**
   * hexagan's defaults for 28×28 grey images (MNIST): E and D_MI convolutional, G_MI
   * deconvolutional ({@link io.hexagan.graph.ImageLayout#mnist()}: 32 filters in E and G_MI, 16 in
   * D_MI), D_MI's dense head one layer of 32 units so that the exact element-wise penalty over all
   * 784 outputs costs 32 backward blocks (no output sample); a linear hidden space (E's and G_CG's
   * output): with tanh, E's 64 outputs saturated when RMSprop's steps grew after ~150 iterations,
   * every image got the same h and the imputer settled on the per-pixel mean (RMSE 0.26 for 6
   * epochs); linear, E kept them apart; the dense hidden layers (E's, G_CG's, C's) 512 wide and
   * d_h = 256 (held-out RMSE 0.1002 after 30 epochs, against 0.1076 with 128 and 64: README); 20
   * epochs after one warm-up epoch, the epoch kept by the validation imputation RMSE; 30 draws
   * averaged per imputation, each hiding its own 30% of the observed pixels from E (the same
   * model's held-out RMSE 0.1002 with one draw, 0.0974 with 10, 0.0966 with 30: README); a local
   * refiner of {@value #MNIST_REFINER_FILTERS} filters beside G_MI ({@link
   * io.hexagan.graph.LocalRefinerNetwork}), outside the game, so that training is the same to the last
   * bit: validation RMSE lower at every epoch of the same run, held-out RMSE 0.0911 against the same
   * model's 0.0978 without it at epoch 24 (README, Images). The updates in the authors' order
   * (no {@link OptimizerSettings#conditionalOverlap()}) and no refinement, as these figures were
   * measured.
   */
  public static HexaGanConfig mnist() {
    HexaGanConfig d = defaults();
    Architecture a = Architecture.defaults();
    Architecture images = new Architecture(512, a.hiddenLayers(), 256, a.conditionalNoiseDim(),
        32, a.criticLayers(), a.activation(), io.hexagan.graph.Activation.LINEAR, io.hexagan.graph.NetworkKind.CONVOLUTIONAL,
        io.hexagan.graph.ImageLayout.mnist().withRefinerFilters(MNIST_REFINER_FILTERS), false, false, a.members(), 0, false, 0, 0);
    return d.withArchitecture(images)
        .withLosses(d.losses().withPenaltyOutputSample(0))
        .withOptimizer(d.optimizer().withConditionalOverlap(false))
        .withRefinement(RefinementSettings.OFF)
        .withSchedule(new Schedule(1, 20, 0, 0.05, 0, StoppingCriterion.IMPUTATION))
        .withImputationDraws(MNIST_IMPUTATION_DRAWS);
  }

  /**
   * hexagan's defaults with {@value #ENSEMBLE_MEMBERS} members ({@link Architecture#members()}),
   * each averaging the defaults' {@value #DEFAULT_IMPUTATION_DRAWS} noise draws. With one draw each
   * the members' mean imputed breast, wine and a 5,000-row sample of credit better than one model
   * with one draw, and madelon no worse; with ten draws each it imputed wine over five seeds better
   * than with one (0.1426 against 0.1468) and credit's sample the same (0.1245 against 0.1244)
   * (docs/RESULTS.md, "An ensemble of members"); 3.3–4.5 times the seconds per evaluation fold with
   * one draw each, 2.5–5.7 times with ten.
   */
  public static HexaGanConfig ensemble() {
    HexaGanConfig d = defaults();
    return d.withArchitecture(d.architecture().withMembers(ENSEMBLE_MEMBERS));
  }

  /** The level s of the skip path's pair screening in {@link #defaults()} ({@link LossWeights#skipScreening()}). */
  public static final double DEFAULT_SKIP_SCREENING = 0.01;

  /** Members of the {@link #ensemble()} preset. */
  public static final int ENSEMBLE_MEMBERS = 3;

  /** Filters of the local refiner beside G_MI in the {@link #mnist()} preset. */
  public static final int MNIST_REFINER_FILTERS = 32;

  /** Noise draws (views) the {@link #mnist()} preset averages per imputation. */
  public static final int MNIST_IMPUTATION_DRAWS = 30;

  /** The authors' recipe, as faithfully as the paper and the released code allow. */
  public static HexaGanConfig paper() {
    return new HexaGanConfig(
        0L,
        Architecture.paper(),
        LossWeights.paper(),
        OptimizerSettings.paper(),
        Ablation.full(),
        new Schedule(60, 10_000, 0, 0, 0, StoppingCriterion.COMBINED),
        1,
        RefinementSettings.OFF,
        SessionSettings.defaults());
  }

  public HexaGanConfig withSeed(long s) {
    return new HexaGanConfig(s, architecture, losses, optimizer, ablation, schedule, imputationDraws, refinement, session);
  }

  public HexaGanConfig withArchitecture(Architecture a) {
    return new HexaGanConfig(seed, a, losses, optimizer, ablation, schedule, imputationDraws, refinement, session);
  }

  public HexaGanConfig withLosses(LossWeights l) {
    return new HexaGanConfig(seed, architecture, l, optimizer, ablation, schedule, imputationDraws, refinement, session);
  }

  public HexaGanConfig withOptimizer(OptimizerSettings o) {
    return new HexaGanConfig(seed, architecture, losses, o, ablation, schedule, imputationDraws, refinement, session);
  }

  public HexaGanConfig withAblation(Ablation a) {
    return new HexaGanConfig(seed, architecture, losses, optimizer, a, schedule, imputationDraws, refinement, session);
  }

  public HexaGanConfig withSchedule(Schedule s) {
    return new HexaGanConfig(seed, architecture, losses, optimizer, ablation, s, imputationDraws, refinement, session);
  }

  public HexaGanConfig withImputationDraws(int k) {
    return new HexaGanConfig(seed, architecture, losses, optimizer, ablation, schedule, k, refinement, session);
  }

  public HexaGanConfig withRefinement(RefinementSettings r) {
    return new HexaGanConfig(seed, architecture, losses, optimizer, ablation, schedule, imputationDraws, r, session);
  }

  public HexaGanConfig withSession(SessionSettings s) {
    return new HexaGanConfig(seed, architecture, losses, optimizer, ablation, schedule, imputationDraws, refinement, s);
  }
}
