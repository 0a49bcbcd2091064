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
 *       {@code softimpute} (matrix completion), {@code missforest}.
 *   <li>HexaGAN: {@code hexagan} (the given config), {@code hexagan-paper} (the authors' recipe),
 *       and the ablations of the paper's Table 2: {@code hexagan-no-gcg}, {@code
 *       hexagan-no-label-critic}, {@code hexagan-no-gcg-label}, {@code mlp} (no G_MI, no G_CG, no
 *       label critic: C on noise-filled rows).
 * </ul>
 */
public final class MethodCatalog {
  /** The imputation baselines. */
  public static final List<String> IMPUTERS = List.of("zero", "mean", "knn", "mice", "softimpute", "missforest");
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
    all.addAll(HEXAGAN);
    all.add("hexagan-paper");
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
      case "hexagan" -> new HexaGanMethod(name, hexagan);
      case "hexagan-paper" -> new HexaGanMethod(name, paper);
      case "hexagan-no-gcg" -> new HexaGanMethod(name, hexagan.withAblation(Ablation.full().without("G_CG")));
      case "hexagan-no-label-critic" -> new HexaGanMethod(name, hexagan.withAblation(Ablation.full().without("D_MI_label")));
      case "hexagan-no-gcg-label" -> new HexaGanMethod(name,
          hexagan.withAblation(Ablation.full().without("G_CG").without("D_MI_label")));
      case "mlp" -> new HexaGanMethod(name, hexagan.withAblation(Ablation.full().without("G_MI").without("D_MI_label")));
      default -> throw new IllegalArgumentException("--methods: expected some of " + names() + ", found " + name);
    };
  }
}
