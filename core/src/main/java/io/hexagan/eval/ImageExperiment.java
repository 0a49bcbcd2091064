package io.hexagan.eval;

import io.hexagan.graph.Architecture;
import io.hexagan.graph.ImageLayout;
import io.hexagan.graph.NetworkKind;
import io.hexagan.io.ColumnSpec;
import io.hexagan.io.ImageSet;
import io.hexagan.io.MaskedTable;
import io.hexagan.io.Mcar;
import io.hexagan.io.SchemaJson;
import io.hexagan.io.TableSchema;
import io.hexagan.savedmodel.ModelDirectory;
import io.hexagan.training.Checkpointing;
import io.hexagan.training.HexaGan;
import io.hexagan.training.HexaGanConfig;
import io.hexagan.training.HexaGanModel;
import io.hexagan.training.Permutation;
import io.hexagan.training.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;

/**
 * HexaGAN on labelled images (MNIST from its IDX files), the protocol of the paper's section
 * 4.1.2: a fixed held-out split, pixels in [0,1] missing completely at random, convolutional
 * networks, the held-out imputation RMSE, and the paper's Figures 3–5.
 *
 * <p>RMSE here is one root over all missing pixels: {@code sqrt(Σ (x̂ − x)² / #missing)} over the
 * held-out images' missing pixels, in [0,1].
 */
public final class ImageExperiment {
  private ImageExperiment() {}

  /** Name of the label column in the model's schema. */
  public static final String LABEL = "digit";

  /**
   * How images are split and masked.
   *
   * @param holdout images held out of training, chosen by a permutation from {@code splitSeed}
   * @param missingRate share of pixels missing completely at random, in training and held-out
   *     images alike
   * @param splitSeed seed of the split and of both masks (independent of the training seed)
   */
  public record Settings(int holdout, double missingRate, long splitSeed) {
    public Settings {
      if (holdout < 1) {
        throw new IllegalArgumentException("holdout: expected at least 1 image, found " + holdout);
      }
      if (!(missingRate > 0 && missingRate < 1)) {
        throw new IllegalArgumentException("missingRate: expected a share in (0, 1), found " + missingRate);
      }
    }
  }

  /**
   * The split.
   *
   * @param train complete training images
   * @param trainTable the training images as training sees them: masked, labelled
   * @param heldOut complete held-out images
   * @param heldOutMasked the held-out images with their missing pixels as NaN
   */
  public record Split(ImageSet train, MaskedTable trainTable, ImageSet heldOut, double[][] heldOutMasked) {}

  /**
   * A finished run.
   *
   * @param model the trained model (open: the caller closes it)
   * @param heldOutRmse RMSE of the held-out missing pixels
   * @param meanRmse RMSE of the same pixels filled with the training pixels' observed means
   * @param heldOutMissing number of held-out missing pixels
   * @param figures the PNGs written (empty without a figures directory)
   */
  public record Result(HexaGanModel model, double heldOutRmse, double meanRmse, long heldOutMissing,
      List<Path> figures) {}

  /** Splits {@code images} and masks both parts. */
  public static Split split(ImageSet images, Settings settings) {
    int n = images.size();
    if (settings.holdout() >= n - 1) {
      throw new IllegalArgumentException("holdout: expected fewer than " + (n - 1) + " of " + n + " images, found "
          + settings.holdout());
    }
    int[] order = Permutation.of(n, new SplittableRandom(settings.splitSeed()));
    int[] held = Arrays.copyOfRange(order, 0, settings.holdout());
    int[] kept = Arrays.copyOfRange(order, settings.holdout(), n);
    Arrays.sort(held);
    Arrays.sort(kept);
    ImageSet train = images.subset(kept);
    ImageSet heldOut = images.subset(held);
    MaskedTable trainTable = Mcar.mask(train.table(), settings.missingRate(), 0, settings.splitSeed() + 1);
    double[][] heldOutMasked = Mcar.mask(heldOut.table(), settings.missingRate(), 0, settings.splitSeed() + 2).values();
    return new Split(train, trainTable, heldOut, heldOutMasked);
  }

  /**
   * {@code base} with convolutional networks over {@code images}: the config's filter counts (or
   * {@link ImageLayout#mnist()}'s for a dense config) at the images' size, one grey channel.
   */
  public static HexaGanConfig configFor(HexaGanConfig base, ImageSet images) {
    Architecture a = base.architecture();
    ImageLayout filters = a.kind() == NetworkKind.CONVOLUTIONAL ? a.image() : ImageLayout.mnist();
    return base.withArchitecture(a.withImage(
        new ImageLayout(images.height(), images.width(), 1, filters.filters(), filters.criticFilters(),
            filters.refinerFilters())));
  }

  /**
   * Trains on the split's training images, writing checkpoints and the model to {@code modelDir}
   * (with a schema of one numeric column per pixel and the label {@value #LABEL}), then imputes
   * the held-out images and, with {@code figuresDir}, writes the figures there.
   *
   * @param figures what the figures show, or null for none
   */
  public static Result run(Split split, HexaGanConfig config, Path modelDir, int checkpointEvery,
      TrainingListener listener, TrainingFigures.Plan figures, Path figuresDir) throws IOException {
    TrainingFigures recorder = figures == null ? null : new TrainingFigures(figures, listener);
    Map<String, byte[]> assets = assets(split);
    HexaGanModel model = HexaGan.train(split.trainTable(), config, recorder == null ? listener : recorder,
        new Checkpointing(modelDir, assets, checkpointEvery));
    return finish(split, model, modelDir, assets, recorder, figuresDir);
  }

  /**
   * Continues the run whose model or crash checkpoint is in {@code from} ({@link HexaGan#resume})
   * on the same split, to {@code maxEpochs} (null: the model's own budget), then saves to {@code
   * modelDir}, scores and draws as {@link #run} does. The figures show the chosen epochs reached
   * after the resume point, and the last epoch.
   *
   * @throws IllegalArgumentException when the split's training table is not the one the model was
   *     trained on (another --holdout or --missing-rate)
   */
  public static Result resume(Split split, Path from, Integer maxEpochs, Path modelDir, int checkpointEvery,
      TrainingListener listener, TrainingFigures.Plan figures, Path figuresDir) throws IOException {
    TrainingFigures recorder = figures == null ? null : new TrainingFigures(figures, listener);
    Map<String, byte[]> assets = assets(split);
    HexaGanModel model = HexaGan.resume(split.trainTable(), from, maxEpochs, recorder == null ? listener : recorder,
        new Checkpointing(modelDir, assets, checkpointEvery));
    return finish(split, model, modelDir, assets, recorder, figuresDir);
  }

  private static Map<String, byte[]> assets(Split split) {
    return Map.of(ModelDirectory.SCHEMA, SchemaJson.toJson(schema(split.train())).getBytes(StandardCharsets.UTF_8));
  }

  private static Result finish(Split split, HexaGanModel model, Path modelDir, Map<String, byte[]> assets,
      TrainingFigures recorder, Path figuresDir) throws IOException {
    try {
      model.save(modelDir, assets);
      double[][] imputed = model.impute(split.heldOutMasked());
      double rmse = rmse(split.heldOut().pixels(), split.heldOutMasked(), imputed);
      double mean = rmse(split.heldOut().pixels(), split.heldOutMasked(),
          meanFilled(split.heldOutMasked(), observedMeans(split.trainTable().values())));
      List<Path> written = recorder == null || figuresDir == null ? List.of() : recorder.write(figuresDir);
      return new Result(model, rmse, mean, missingCount(split.heldOutMasked()), written);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * What the figures show: the first {@code shown} held-out images, the hidden vectors of the
   * first {@code hiddenRows} training images and {@code generatedPerClass} generated ones per
   * class, at {@code epochs}.
   */
  public static TrainingFigures.Plan figurePlan(Split split, SortedSet<Integer> epochs, int shown, int hiddenRows,
      int generatedPerClass, long seed) {
    int s = Math.min(shown, split.heldOut().size());
    int h = Math.min(hiddenRows, split.trainTable().rows());
    double[][] hidden = Arrays.copyOfRange(split.trainTable().values(), 0, h);
    int[] classes = Arrays.copyOfRange(split.trainTable().labels(), 0, h);
    return new TrainingFigures.Plan(split.train().height(), split.train().width(), split.train().classes(),
        Arrays.copyOfRange(split.heldOutMasked(), 0, s), Arrays.copyOfRange(split.heldOut().pixels(), 0, s),
        epochs, hidden, classes, generatedPerClass, 10, Tsne.standard(seed));
  }

  /** One root over all missing cells of {@code masked}: {@code sqrt(Σ (imputed − truth)² / #missing)}. */
  public static double rmse(double[][] truth, double[][] masked, double[][] imputed) {
    double sq = 0;
    long n = 0;
    for (int r = 0; r < truth.length; r++) {
      for (int c = 0; c < truth[r].length; c++) {
        if (Double.isNaN(masked[r][c])) {
          double e = imputed[r][c] - truth[r][c];
          sq += e * e;
          n++;
        }
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("rmse: no missing cell to score");
    }
    return Math.sqrt(sq / n);
  }

  /** The model's schema: one numeric column per pixel in [0,1], and the label. */
  static TableSchema schema(ImageSet images) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (String name : images.pixelNames()) {
      columns.add(ColumnSpec.numeric(name, 0, 1));
    }
    return TableSchema.of(columns, LABEL, images.classes());
  }

  private static long missingCount(double[][] masked) {
    long n = 0;
    for (double[] row : masked) {
      for (double v : row) {
        n += Double.isNaN(v) ? 1 : 0;
      }
    }
    return n;
  }

  private static double[] observedMeans(double[][] values) {
    int d = values[0].length;
    double[] sum = new double[d];
    long[] count = new long[d];
    for (double[] row : values) {
      for (int c = 0; c < d; c++) {
        if (!Double.isNaN(row[c])) {
          sum[c] += row[c];
          count[c]++;
        }
      }
    }
    for (int c = 0; c < d; c++) {
      sum[c] = count[c] == 0 ? 0 : sum[c] / count[c];
    }
    return sum;
  }

  private static double[][] meanFilled(double[][] masked, double[] means) {
    double[][] out = new double[masked.length][];
    for (int r = 0; r < masked.length; r++) {
      out[r] = masked[r].clone();
      for (int c = 0; c < out[r].length; c++) {
        if (Double.isNaN(out[r][c])) {
          out[r][c] = means[c];
        }
      }
    }
    return out;
  }
}
