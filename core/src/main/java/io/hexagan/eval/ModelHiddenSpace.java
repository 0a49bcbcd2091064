package io.hexagan.eval;

import io.hexagan.io.CsvOptions;
import io.hexagan.io.CsvTable;
import io.hexagan.io.CsvTableReader;
import io.hexagan.io.MaskedTable;
import io.hexagan.io.TableEncoder;
import io.hexagan.io.TableSchema;
import io.hexagan.training.HexaGanModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The t-SNE picture of a trained model's hidden space ({@link HiddenSpaceChart}, one panel): h_l
 * = E(x̃, m) of the rows of a CSV file and, when the model has G_CG, h_c of generated rows of every
 * class. Rows whose label is missing are drawn as their own class "unlabelled"; without a label
 * every row is of one class "rows".
 */
public final class ModelHiddenSpace {
  private ModelHiddenSpace() {}

  /**
   * Encodes the first {@code maxRows} rows of {@code input} (read with the model's schema) and
   * {@code generatedPerClass} generated rows per class, and writes the picture to {@code file}.
   *
   * @return the number of points drawn
   */
  public static int write(HexaGanModel model, TableSchema schema, Path input, CsvOptions options, int maxRows,
      int generatedPerClass, Path file) throws IOException {
    CsvTable raw = new CsvTableReader(options).readAll(input);
    MaskedTable table = new TableEncoder(schema, options).encode(raw);
    int n = Math.min(maxRows, table.rows());
    if (n < 2) {
      throw new IllegalArgumentException(input + ": expected at least 2 rows to picture, found " + n);
    }
    double[][] rows = java.util.Arrays.copyOf(table.values(), n);
    double[][] hidden = model.hidden(rows);
    List<String> names = new ArrayList<>(model.classes().isEmpty() ? List.of("rows") : model.classes());
    int unlabelled = names.size();
    int[] classes = new int[n];
    boolean anyUnlabelled = false;
    for (int r = 0; r < n; r++) {
      int label = table.hasLabels() ? table.labels()[r] : model.classes().isEmpty() ? 0 : MaskedTable.UNLABELED;
      classes[r] = label == MaskedTable.UNLABELED ? unlabelled : label;
      anyUnlabelled |= label == MaskedTable.UNLABELED;
    }
    if (anyUnlabelled) {
      names.add("unlabelled");
    }
    double[][] generated = new double[0][];
    int[] generatedClasses = new int[0];
    if (model.generates() && generatedPerClass > 0) {
      int k = model.classes().size();
      generated = new double[k * generatedPerClass][];
      generatedClasses = new int[k * generatedPerClass];
      for (int c = 0; c < k; c++) {
        double[][] hc = model.conditionalHidden(c, generatedPerClass);
        for (int i = 0; i < generatedPerClass; i++) {
          generated[c * generatedPerClass + i] = hc[i];
          generatedClasses[c * generatedPerClass + i] = c;
        }
      }
    }
    HiddenSpaceChart.write(file, List.of(new HiddenSpaceChart.Panel("hidden space of " + input.getFileName(),
        hidden, classes, generated, generatedClasses)), names, Tsne.standard(model.config().seed()));
    return n + generated.length;
  }
}
