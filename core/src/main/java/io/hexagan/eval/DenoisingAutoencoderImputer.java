package io.hexagan.eval;

import io.hexagan.graph.DenoisingAutoencoderGraph;
import io.hexagan.graph.DenoisingAutoencoderImputationGraph;
import io.hexagan.graph.DenoisingAutoencoderSpec;
import io.hexagan.training.SessionSettings;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * The paper's "Autoencoder" imputer: a denoising autoencoder in the style of MIDA (Gondara and
 * Wang, PAKDD 2018). Missing cells start at the training column's observed mean; the autoencoder
 * learns to reconstruct the observed cells from inputs with a share of their cells (half by
 * default) dropped to that mean,
 * and imputes each missing cell with its reconstruction. The architecture, the corruption and the
 * loss are described in {@link DenoisingAutoencoderGraph}; the defaults in {@link
 * DenoisingAutoencoderSettings#defaults()}.
 *
 * <p>MIDA trains for 500 epochs with Nesterov momentum on the full reconstruction of the
 * mean-filled input. Here: Adam (TensorFlow's defaults) in batches of 128 rows, and the loss on
 * observed cells only, so that the means put into missing cells are never targets. Fitting runs
 * each iteration as one {@code Session.run}; the fitted imputer keeps the weights, not a session.
 */
public final class DenoisingAutoencoderImputer implements Imputer {

  private final DenoisingAutoencoderSettings settings;

  public DenoisingAutoencoderImputer() {
    this(DenoisingAutoencoderSettings.defaults());
  }

  public DenoisingAutoencoderImputer(DenoisingAutoencoderSettings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: expected settings, found null");
    }
    this.settings = settings;
  }

  @Override
  public String name() {
    return "autoencoder";
  }

  /** The settings this imputer trains with. */
  public DenoisingAutoencoderSettings settings() {
    return settings;
  }

  @Override
  public Fitted fit(double[][] train) {
    int d = Cells.columnsOf(train, "train");
    MaskedMatrix data = MaskedMatrix.of(train, d);
    DenoisingAutoencoderSpec spec = settings.spec(Cells.observedMeans(train, d), train.length);
    try (Graph graph = new Graph()) {
      DenoisingAutoencoderGraph dae = DenoisingAutoencoderGraph.build(graph, spec);
      try (Session session = Sessions.open(graph, settings.session())) {
        Sessions.feedAndRun(session, List.of(dae.values().placeholder(), dae.mask().placeholder()),
            List.of(data.values(), data.mask()), dae.load());
        Session.Runner iteration = session.runner().addTarget(dae.trainIteration());
        for (int i = 1; i < settings.iterations(); i++) {
          iteration.run().close();
        }
        try (Result last = session.runner().addTarget(dae.trainIteration()).fetch(dae.loss()).run()) {
          float loss = ((TFloat32) last.get(0)).getFloat();
          if (!Float.isFinite(loss)) {
            throw new IllegalStateException("the autoencoder diverged: loss " + loss + " after "
                + settings.iterations() + " iterations");
          }
        }
        return new Fitted(spec, settings.session(), Sessions.fetch(session, dae.weights()));
      }
    }
  }

  /** A trained autoencoder: its weights and the spec it was trained with. */
  public static final class Fitted implements FittedImputer {
    private final DenoisingAutoencoderSpec spec;
    private final SessionSettings session;
    private final NetworkValues weights;

    Fitted(DenoisingAutoencoderSpec spec, SessionSettings session, NetworkValues weights) {
      this.spec = spec;
      this.session = session;
      this.weights = weights;
    }

    @Override
    public int columns() {
      return spec.features();
    }

    @Override
    public double[][] impute(double[][] values) {
      int d = spec.features();
      Cells.check(values, d, "values");
      if (values.length == 0) {
        return new double[0][];
      }
      MaskedMatrix data = MaskedMatrix.of(values, d);
      try (Graph graph = new Graph()) {
        DenoisingAutoencoderImputationGraph imputation = DenoisingAutoencoderImputationGraph.build(graph, spec);
        try (Session s = Sessions.open(graph, session);
            TFloat32 x = Sessions.tensor(Shape.of(values.length, d), data.values());
            TFloat32 m = Sessions.tensor(Shape.of(values.length, d), data.mask())) {
          Sessions.load(s, imputation.loader(), weights);
          try (Result r = s.runner().feed(imputation.values(), x).feed(imputation.mask(), m)
              .fetch(imputation.imputed()).run()) {
            return MaskedMatrix.fill(values, Sessions.floats((TFloat32) r.get(0)), d);
          }
        }
      }
    }
  }
}
