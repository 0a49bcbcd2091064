package io.hexagan.graph;

/**
 * Which parts of HexaGAN are present: the rows of the paper's Table 2. Switching a part off
 * removes its networks, its losses and its update stages from the graph.
 *
 * @param imputationGenerator E and G_MI: without them missing cells keep the U(0,1) noise of
 *     eq. 1 and D_MI keeps only its label output
 * @param conditionalGenerator G_CG and D_CG: without them C is trained on the labelled rows alone
 *     (needs the imputation generator, which decodes h_c)
 * @param labelCritic output d+1 of D_MI and C's adversarial loss L_C
 */
public record Ablation(boolean imputationGenerator, boolean conditionalGenerator, boolean labelCritic) {

  public Ablation {
    if (conditionalGenerator && !imputationGenerator) {
      throw new IllegalArgumentException(
          "conditionalGenerator: expected off when imputationGenerator is off (G_MI decodes h_c), found on");
    }
  }

  /** Every part present: HexaGAN as published. */
  public static Ablation full() {
    return new Ablation(true, true, true);
  }

  /** Parsed from the names used in Table 2: {@code G_MI}, {@code G_CG}, {@code D_MI_label}. */
  public Ablation without(String part) {
    return switch (part) {
      case "G_MI" -> new Ablation(false, false, labelCritic);
      case "G_CG" -> new Ablation(imputationGenerator, false, labelCritic);
      case "D_MI_label" -> new Ablation(imputationGenerator, conditionalGenerator, false);
      default -> throw new IllegalArgumentException(
          "ablation: expected G_MI, G_CG or D_MI_label, found " + part);
    };
  }
}
