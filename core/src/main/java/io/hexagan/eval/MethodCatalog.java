package io.hexagan.eval;

import io.hexagan.graph.Ablation;
import io.hexagan.training.HexaGanConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The methods {@code hexagan evaluate} knows by name.
 *
 * <ul>
 *   <li>Imputation baselines: {@code zero}, {@code mean}, {@code knn} (k = 5), {@code mice},
 *       {@code softimpute} (matrix completion), {@code missforest}, {@code autoencoder} (denoising),
 *       {@code gain}.
 *   <li>The cascades of Table 3: {@code mice+cs+triplegan}, {@code gain+cs+triplegan}, {@code
 *       mice+smote+triplegan}, {@code gain+smote+triplegan}.
 *   <li>HexaGAN: {@code hexagan} (the given config), {@code hexagan-tuned} (the given config with
 *       the settings {@code --tune} tries, the best by validation per fold, {@link
 *       TunedHexaGanMethod}), {@code hexagan-paper} (the authors' recipe),
 *       and the ablations of the paper's Table 2: {@code hexagan-no-gcg}, {@code
 *       hexagan-no-label-critic}, {@code hexagan-no-gcg-label}, {@code mlp} (no G_MI, no G_CG, no
 *       label critic: C on noise-filled rows).
 * </ul>
 */
public final class MethodCatalog {
  /** The imputation baselines. */
  public static final List<String> IMPUTERS = List.of("zero", "mean", "knn", "mice", "softimpute", "missforest",
      "autoencoder", "gain");
  /** The cascades of Table 3. */
  public static final List<String> CASCADES = List.of("mice+cs+triplegan", "gain+cs+triplegan",
      "mice+smote+triplegan", "gain+smote+triplegan");
  /** HexaGAN and its ablations (Table 2). */
  public static final List<String> HEXAGAN = List.of("hexagan", "hexagan-no-gcg", "hexagan-no-label-critic",
      "hexagan-no-gcg-label", "mlp");
  /** What runs when no method is named. */
  public static final List<String> DEFAULT = List.of("zero", "mean", "knn", "mice", "softimpute", "missforest",
      "hexagan");

  private MethodCatalog() {}

  /** Every known name. */
  public static List<String> names() {
    List<String> all = new ArrayList<>(IMPUTERS);
    all.addAll(CASCADES);
    all.addAll(HEXAGAN);
    all.add("hexagan-paper");
    all.add("hexagan-tuned");
    return all;
  }

  /**
   * The method called {@code name}; HexaGAN variants start from {@code hexagan} ({@code
   * paper} for {@code hexagan-paper}).
   */
  public static EvaluationMethod byName(String name, HexaGanConfig hexagan, HexaGanConfig paper) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "zero" -> new ImputerMethod(new ZeroImputer());
      case "mean" -> new ImputerMethod(new MeanImputer());
      case "knn" -> new ImputerMethod(new KnnImputer());
      case "mice" -> new ImputerMethod(new MiceImputer());
      case "softimpute" -> new ImputerMethod(new SoftImputeImputer());
      case "missforest" -> new ImputerMethod(new MissForestImputer());
      case "autoencoder" -> new ImputerMethod(new DenoisingAutoencoderImputer());
      case "gain" -> new ImputerMethod(new GainImputer());
      case "mice+cs+triplegan" -> new CascadeMethod(name, new MiceImputer(), ClassImbalance.COST_SENSITIVE);
      case "gain+cs+triplegan" -> new CascadeMethod(name, new GainImputer(), ClassImbalance.COST_SENSITIVE);
      case "mice+smote+triplegan" -> new CascadeMethod(name, new MiceImputer(), ClassImbalance.SMOTE);
      case "gain+smote+triplegan" -> new CascadeMethod(name, new GainImputer(), ClassImbalance.SMOTE);
      case "hexagan" -> new HexaGanMethod(name, hexagan);
      case "hexagan-paper" -> new HexaGanMethod(name, paper);
      case "hexagan-tuned" -> new TunedHexaGanMethod(name, hexagan);
      case "hexagan-no-gcg" -> new HexaGanMethod(name, hexagan.withAblation(Ablation.full().without("G_CG")));
      case "hexagan-no-label-critic" -> new HexaGanMethod(name, hexagan.withAblation(Ablation.full().without("D_MI_label")));
      case "hexagan-no-gcg-label" -> new HexaGanMethod(name,
          hexagan.withAblation(Ablation.full().without("G_CG").without("D_MI_label")));
      case "mlp" -> new HexaGanMethod(name, hexagan.withAblation(Ablation.full().without("G_MI").without("D_MI_label")));
      default -> throw new IllegalArgumentException("--methods: expected some of " + names() + ", found " + name);
    };
  }
}
