package io.hexagan.eval;

import io.hexagan.graph.GainGraph;
import io.hexagan.graph.GainImputationGraph;
import io.hexagan.graph.GainSpec;
import io.hexagan.training.SessionSettings;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * GAIN, the generative adversarial imputation network (Yoon, Jordon and van der Schaar, ICML 2018),
 * with its reference code's defaults ({@link GainSettings#reference()}); the graph and its losses
 * are described in {@link GainGraph}.
 *
 * <p>Fitting runs {@code iterations} training iterations, each one {@code Session.run} of the
 * training graph with the data held in graph variables and the batch drawn in the graph. The fitted
 * imputer keeps G's trained weights (not a session) and imputes rows with G in a short-lived
 * session: missing cells get U(0, noiseScale) noise, G fills them, observed cells are copied from
 * the input. Its noise is drawn from the seed, so imputing the same rows twice gives the same
 * result.
 */
public final class GainImputer implements Imputer {

  private final GainSettings settings;

  /** GAIN with the reference defaults. */
  public GainImputer() {
    this(GainSettings.reference());
  }

  public GainImputer(GainSettings settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: expected settings, found null");
    }
    this.settings = settings;
  }

  @Override
  public String name() {
    return "gain";
  }

  /** The settings this imputer trains with. */
  public GainSettings settings() {
    return settings;
  }

  @Override
  public Fitted fit(double[][] train) {
    int d = Cells.columnsOf(train, "train");
    MaskedMatrix data = MaskedMatrix.of(train, d);
    GainSpec spec = settings.spec(d, train.length);
    try (Graph graph = new Graph()) {
      GainGraph gain = GainGraph.build(graph, spec);
      try (Session session = Sessions.open(graph, settings.session())) {
        Sessions.feedAndRun(session, List.of(gain.values().placeholder(), gain.mask().placeholder()),
            List.of(data.values(), data.mask()), gain.load());
        Session.Runner iteration = session.runner().addTarget(gain.trainIteration());
        for (int i = 1; i < settings.iterations(); i++) {
          iteration.run().close();
        }
        try (Result last = session.runner().addTarget(gain.trainIteration()).fetch(gain.losses()).run()) {
          float[] losses = Sessions.floats((TFloat32) last.get(0));
          for (float loss : losses) {
            if (!Float.isFinite(loss)) {
              throw new IllegalStateException("GAIN diverged: losses (D, G adversarial, reconstruction) "
                  + Arrays.toString(losses) + " after " + settings.iterations() + " iterations");
            }
          }
        }
        return new Fitted(d, settings.noiseScale(), settings.seed(), settings.session(),
            Sessions.fetch(session, gain.generatorWeights()));
      }
    }
  }

  /** A trained GAIN: G's weights and what its imputation graph needs. */
  public static final class Fitted implements FittedImputer {
    private final int columns;
    private final double noiseScale;
    private final long seed;
    private final SessionSettings session;
    private final NetworkValues generator;

    Fitted(int columns, double noiseScale, long seed, SessionSettings session, NetworkValues generator) {
      this.columns = columns;
      this.noiseScale = noiseScale;
      this.seed = seed;
      this.session = session;
      this.generator = generator;
    }

    @Override
    public int columns() {
      return columns;
    }

    @Override
    public double[][] impute(double[][] values) {
      Cells.check(values, columns, "values");
      if (values.length == 0) {
        return new double[0][];
      }
      MaskedMatrix data = MaskedMatrix.of(values, columns);
      try (Graph graph = new Graph()) {
        GainImputationGraph imputation = GainImputationGraph.build(graph, columns, noiseScale, seed);
        try (Session s = Sessions.open(graph, session);
            TFloat32 x = Sessions.tensor(Shape.of(values.length, columns), data.values());
            TFloat32 m = Sessions.tensor(Shape.of(values.length, columns), data.mask())) {
          Sessions.load(s, imputation.generatorLoader(), generator);
          try (Result r = s.runner().feed(imputation.values(), x).feed(imputation.mask(), m)
              .fetch(imputation.imputed()).run()) {
            return MaskedMatrix.fill(values, Sessions.floats((TFloat32) r.get(0)), columns);
          }
        }
      }
    }
  }
}
