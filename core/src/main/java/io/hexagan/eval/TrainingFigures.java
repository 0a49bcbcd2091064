package io.hexagan.eval;

import io.hexagan.training.EpochProbe;
import io.hexagan.training.EpochReport;
import io.hexagan.training.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Records what the paper's Figures 3–5 show while an image model trains, then writes them as PNGs:
 * {@value #IMPUTATION} (masked inputs, x̂ at the chosen epochs, originals, x̄ = G_MI's raw output
 * at the last epoch), {@value #HIDDEN_SPACE} (t-SNE of h_l and h_c at the chosen epochs) and
 * {@value #GENERATION} (G_MI(G_CG(z_c, y_c)) at the last epoch, one row per class, one column per
 * noise draw). Passes every event on to a delegate listener (such as a progress bar).
 */
public final class TrainingFigures implements TrainingListener {

  /** File names of the figures. */
  public static final String IMPUTATION = "figure3-imputation.png";
  public static final String HIDDEN_SPACE = "figure4-hidden-space-tsne.png";
  public static final String GENERATION = "figure5-class-conditional.png";

  /**
   * What to draw.
   *
   * @param height image rows
   * @param width image columns
   * @param classNames class names by id
   * @param shownMasked the rows of Figure 3 as training sees them (NaN = missing)
   * @param shownOriginal the same rows complete
   * @param epochs the epochs whose x̂ and hidden space are drawn (a later missing one is replaced by
   *     the last epoch run)
   * @param hiddenRows rows whose h_l Figure 4 maps (NaN = missing)
   * @param hiddenClasses their classes
   * @param generatedPerClass h_c per class in Figure 4
   * @param samplesPerClass columns of Figure 5
   * @param tsne the embedding of Figure 4
   */
  public record Plan(int height, int width, List<String> classNames, double[][] shownMasked, double[][] shownOriginal,
      SortedSet<Integer> epochs, double[][] hiddenRows, int[] hiddenClasses, int generatedPerClass,
      int samplesPerClass, Tsne tsne) {
    public Plan {
      if (shownMasked.length != shownOriginal.length || hiddenRows.length != hiddenClasses.length) {
        throw new IllegalArgumentException("plan: expected matching rows and originals, rows and classes");
      }
      if (epochs.isEmpty() || epochs.first() < 1) {
        throw new IllegalArgumentException("epochs: expected at least one epoch ≥ 1, found " + epochs);
      }
      classNames = List.copyOf(classNames);
      epochs = new TreeSet<>(epochs);
    }
  }

  /** What one epoch looked like. */
  private record Snapshot(int epoch, double[][] imputed, double[][] raw, HiddenSpaceChart.Panel panel,
      double[][] generated) {}

  private final Plan plan;
  private final TrainingListener delegate;
  private final Map<Integer, Snapshot> chosen = new LinkedHashMap<>();
  private Snapshot last;

  public TrainingFigures(Plan plan, TrainingListener delegate) {
    this.plan = plan;
    this.delegate = delegate;
  }

  @Override
  public void onStart(int warmupEpochs, int maxEpochs, int iterationsPerEpoch) {
    delegate.onStart(warmupEpochs, maxEpochs, iterationsPerEpoch);
  }

  @Override
  public void onEpoch(EpochReport report) {
    delegate.onEpoch(report);
  }

  @Override
  public void afterEpoch(EpochReport report, EpochProbe probe) {
    delegate.afterEpoch(report, probe);
    boolean wanted = plan.epochs().contains(report.epoch());
    last = snapshot(report.epoch(), probe);
    if (wanted) {
      chosen.put(report.epoch(), last);
    }
  }

  private Snapshot snapshot(int epoch, EpochProbe probe) {
    EpochProbe.Imputation shown = probe.impute(plan.shownMasked());
    int classes = plan.classNames().size();
    int[] grid = new int[classes * plan.samplesPerClass()];
    for (int k = 0; k < classes; k++) {
      Arrays.fill(grid, k * plan.samplesPerClass(), (k + 1) * plan.samplesPerClass(), k);
    }
    double[][] generated = probe.generate(grid).rows();
    double[][] hl = probe.impute(plan.hiddenRows()).hidden();
    int[] cc = new int[classes * plan.generatedPerClass()];
    for (int k = 0; k < classes; k++) {
      Arrays.fill(cc, k * plan.generatedPerClass(), (k + 1) * plan.generatedPerClass(), k);
    }
    double[][] hc = probe.generate(cc).hidden();
    HiddenSpaceChart.Panel panel = new HiddenSpaceChart.Panel("epoch " + epoch, hl, plan.hiddenClasses(), hc, cc);
    return new Snapshot(epoch, shown.imputed(), shown.raw(), panel, generated);
  }

  /** The epochs drawn: the chosen ones that ran, and the last epoch in place of those that did not. */
  List<Snapshot> drawn() {
    List<Snapshot> out = new ArrayList<>(chosen.values());
    if (last != null && out.size() < plan.epochs().size() && !chosen.containsKey(last.epoch())) {
      out.add(last);
    }
    return out;
  }

  /**
   * Writes the three figures into {@code dir} (created if needed) and returns their paths.
   *
   * @throws IllegalStateException when no epoch was recorded
   */
  public List<Path> write(Path dir) throws IOException {
    if (last == null) {
      throw new IllegalStateException("figures: no training epoch was recorded");
    }
    Files.createDirectories(dir);
    List<Snapshot> drawn = drawn();
    int h = plan.height();
    int w = plan.width();
    ImageGrid imputation = new ImageGrid("Imputation (Figure 3): masked input, x̂ during training, original, x̄", h, w, 3);
    imputation.add("input (missing)", List.of(plan.shownMasked()));
    for (Snapshot s : drawn) {
      imputation.add("x̂ epoch " + s.epoch(), List.of(s.imputed()));
    }
    imputation.add("original", List.of(plan.shownOriginal()));
    imputation.add("x̄ epoch " + last.epoch(), List.of(last.raw()));
    Path fig3 = dir.resolve(IMPUTATION);
    imputation.write(fig3);

    List<HiddenSpaceChart.Panel> panels = drawn.stream().map(Snapshot::panel).toList();
    Path fig4 = dir.resolve(HIDDEN_SPACE);
    HiddenSpaceChart.write(fig4, panels, plan.classNames(), plan.tsne());

    ImageGrid generation = new ImageGrid("Class-conditional generation (Figure 5): G_MI(G_CG(z_c, y_c)), epoch "
        + last.epoch(), h, w, 2);
    int per = plan.samplesPerClass();
    for (int k = 0; k < plan.classNames().size(); k++) {
      generation.add("class " + plan.classNames().get(k),
          Arrays.asList(Arrays.copyOfRange(last.generated(), k * per, (k + 1) * per)));
    }
    Path fig5 = dir.resolve(GENERATION);
    generation.write(fig5);
    return List.of(fig3, fig4, fig5);
  }
}
