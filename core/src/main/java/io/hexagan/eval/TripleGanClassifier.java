package io.hexagan.eval;

import io.hexagan.graph.TripleGanGraph;
import io.hexagan.graph.TripleGanPredictionGraph;
import io.hexagan.graph.TripleGanSpec;
import io.hexagan.io.MaskedTable;
import io.hexagan.training.SessionSettings;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The paper's semi-supervised classification baseline: Triple-GAN (Li et al., NIPS 2017) with
 * HexaGAN's classifier as C, on rows already imputed. The graph and its losses are in {@link
 * TripleGanGraph}. For the paper's Table 3 cascades (e.g. GAIN + SMOTE + TripleGAN), {@link
 * ClassImbalance} selects the cost-sensitive cross-entropy or SMOTE; the paper oversampled "the
 * minority class in a batch using SMOTE", here the labelled rows are oversampled once before
 * training ({@link Smote}, k = 5, seeded by the settings' seed), and the batches drawn from them are
 * balanced in expectation.
 *
 * <p>Fitting runs each iteration as one {@code Session.run}; the fitted classifier keeps C's
 * weights, not a session. Triple-GAN's code also regularises C with an entropy term on unlabelled
 * rows, weight decay and an average of C's weights; those are left out, so that C differs from
 * HexaGAN's C only by its training signal.
 */
public final class TripleGanClassifier {

  private final TripleGanSettings settings;

  public TripleGanClassifier(TripleGanSettings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: expected settings, found null");
    }
    this.settings = settings;
  }

  /** The settings this classifier trains with. */
  public TripleGanSettings settings() {
    return settings;
  }

  /**
   * Trains on complete rows.
   *
   * @param values complete rows scaled to [0, 1] (impute first)
   * @param labels class id per row, {@link MaskedTable#UNLABELED} (−1) for an unlabelled row
   * @param classes n_c ≥ 2
   */
  public Fitted fit(double[][] values, int[] labels, int classes) {
    int d = Cells.columnsOf(values, "values");
    requireComplete(values);
    if (labels == null || labels.length != values.length) {
      throw new IllegalArgumentException("labels: expected " + values.length + ", found "
          + (labels == null ? "null" : labels.length));
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes: expected ≥ 2, found " + classes);
    }
    int labeledCount = 0;
    for (int r = 0; r < labels.length; r++) {
      if (labels[r] != MaskedTable.UNLABELED && (labels[r] < 0 || labels[r] >= classes)) {
        throw new IllegalArgumentException("labels, row " + r + ": expected a class id in [0, " + classes
            + ") or -1, found " + labels[r]);
      }
      if (labels[r] != MaskedTable.UNLABELED) {
        labeledCount++;
      }
    }
    if (labeledCount == 0) {
      throw new IllegalArgumentException("labels: expected at least one labelled row, found none");
    }
    double[][] labeled = new double[labeledCount][];
    int[] ids = new int[labeledCount];
    double[][] unlabeled = new double[values.length - labeledCount][];
    for (int r = 0, l = 0, u = 0; r < values.length; r++) {
      if (labels[r] == MaskedTable.UNLABELED) {
        unlabeled[u++] = values[r];
      } else {
        labeled[l] = values[r];
        ids[l++] = labels[r];
      }
    }
    double[] classWeights = new double[classes];
    Arrays.fill(classWeights, 1);
    switch (settings.imbalance()) {
      case NONE -> { }
      case COST_SENSITIVE -> classWeights = ClassWeights.inverseFrequency(ids, classes);
      case SMOTE -> {
        Oversampled o = new Smote(settings.seed()).oversample(labeled, ids, classes);
        labeled = o.rows();
        ids = o.labels();
      }
    }
    TripleGanSpec spec = new TripleGanSpec(d, classes, labeled.length, unlabeled.length, settings.architecture(),
        settings.batchSize(), settings.adversarialWeight(), settings.generatedCrossEntropyWeight(),
        settings.generatedCrossEntropyStart(), settings.adam(), settings.seed());
    float[] oneHot = new float[labeled.length * classes];
    float[] rowWeights = new float[labeled.length];
    for (int r = 0; r < labeled.length; r++) {
      oneHot[r * classes + ids[r]] = 1f;
      rowWeights[r] = (float) classWeights[ids[r]];
    }
    float[] unlabeledData = unlabeled.length == 0 ? new float[d] : flatten(unlabeled, d);
    try (Graph graph = new Graph()) {
      TripleGanGraph gan = TripleGanGraph.build(graph, spec);
      try (Session session = Sessions.open(graph, settings.session())) {
        Sessions.feedAndRun(session,
            List.of(gan.labeledValues().placeholder(), gan.labels().placeholder(), gan.weights().placeholder(),
                gan.unlabeledValues().placeholder()),
            List.of(flatten(labeled, d), oneHot, rowWeights, unlabeledData), gan.load());
        Session.Runner iteration = session.runner().addTarget(gan.trainIteration());
        for (int i = 1; i < settings.iterations(); i++) {
          iteration.run().close();
        }
        try (Result last = session.runner().addTarget(gan.trainIteration()).fetch(gan.losses()).run()) {
          float[] losses = Sessions.floats((TFloat32) last.get(0));
          for (float loss : losses) {
            if (!Float.isFinite(loss)) {
              throw new IllegalStateException("Triple-GAN diverged: losses (D, G, C labelled, C adversarial, "
                  + "C generated) " + Arrays.toString(losses) + " after " + settings.iterations() + " iterations");
            }
          }
        }
        return new Fitted(spec, settings.session(), Sessions.fetch(session, gan.classifierWeights()));
      }
    }
  }

  private static void requireComplete(double[][] values) {
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < values[r].length; c++) {
        if (Double.isNaN(values[r][c])) {
          throw new IllegalArgumentException("values, row " + r + ", column " + c
              + ": expected a complete row (impute first), found NaN");
        }
      }
    }
  }

  private static float[] flatten(double[][] rows, int d) {
    float[] out = new float[Math.multiplyExact(rows.length, d)];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < d; c++) {
        out[r * d + c] = (float) rows[r][c];
      }
    }
    return out;
  }

  /** A trained classifier C: its weights and the spec it was trained with. */
  public static final class Fitted {
    private final TripleGanSpec spec;
    private final SessionSettings session;
    private final NetworkValues weights;

    Fitted(TripleGanSpec spec, SessionSettings session, NetworkValues weights) {
      this.spec = spec;
      this.session = session;
      this.weights = weights;
    }

    /** Number of columns a row must have. */
    public int columns() {
      return spec.features();
    }

    /** Number of classes. */
    public int classes() {
      return spec.classes();
    }

    /**
     * Class probabilities of complete rows.
     *
     * @param values complete rows in the training scale
     * @return per row, the probability of each class
     */
    public double[][] predict(double[][] values) {
      int d = spec.features();
      Cells.check(values, d, "values");
      requireComplete(values);
      int nc = spec.classes();
      if (values.length == 0) {
        return new double[0][];
      }
      try (Graph graph = new Graph()) {
        TripleGanPredictionGraph prediction = TripleGanPredictionGraph.build(graph, spec);
        try (Session s = Sessions.open(graph, session);
            TFloat32 x = Sessions.tensor(Shape.of(values.length, d), flatten(values, d))) {
          Sessions.load(s, prediction.loader(), weights);
          try (Result r = s.runner().feed(prediction.values(), x).fetch(prediction.probabilities()).run()) {
            float[] p = Sessions.floats((TFloat32) r.get(0));
            double[][] out = new double[values.length][nc];
            for (int i = 0; i < values.length; i++) {
              for (int k = 0; k < nc; k++) {
                out[i][k] = p[i * nc + k];
              }
            }
            return out;
          }
        }
      }
    }

    /** The most probable class of each row (ties: the lower id). */
    public int[] predictClasses(double[][] values) {
      double[][] p = predict(values);
      int[] out = new int[p.length];
      for (int i = 0; i < p.length; i++) {
        for (int k = 1; k < p[i].length; k++) {
          if (p[i][k] > p[i][out[i]]) {
            out[i] = k;
          }
        }
      }
      return out;
    }
  }
}
