package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.graph.GraphSpec;
import org.junit.jupiter.api.Test;

/** The boundary traffic the benchmark reports is counted, not assumed. */
class SessionTrafficTest {

  @Test
  void aTrainingIterationIsOneRunWithNothingFedOrFetched() {
    TrainingBenchmark.Result r = TrainingBenchmark.measure(3, 8, new SessionSettings(1, 1, "", true), 2, 5, SyntheticTables.quick(1));
    assertEquals(1.0, r.sessionRunsPerIteration(), 0.0);
    assertEquals(0, r.bytesFedPerIteration());
    assertEquals(0, r.bytesFetchedPerIteration());
    assertTrue(r.msPerIteration() > 0, r.toString());
    assertTrue(r.peakHeapBytes() > 0, r.toString());
    assertTrue(r.peakResidentBytes() == -1 || r.peakResidentBytes() > r.peakHeapBytes() / 4, r.toString());
  }

  @Test
  void inferenceRunsCountTheirFeedsAndFetches() {
    HexaGanConfig c = SyntheticTables.quick(1);
    int d = 4;
    int rows = 10;
    GraphSpec spec = new GraphSpec(d, 2, 6, 4, c.architecture(), c.losses(), c.optimizer(), c.ablation(), 1, 0);
    try (GraphSession session = GraphSession.open(spec, c.session())) {
      SessionTraffic.Snapshot start = session.traffic();
      session.load(new float[rows * d], new float[rows * d], new float[6 * 2]);
      SessionTraffic.Snapshot loaded = session.traffic().since(start);
      assertEquals(1, loaded.runs());
      assertEquals(4L * (2 * rows * d + 6 * 2), loaded.bytesFed());
      assertEquals(0, loaded.bytesFetched());

      SessionTraffic.Snapshot before = session.traffic();
      session.impute(new float[3 * d], new float[3 * d], 3);
      SessionTraffic.Snapshot imputed = session.traffic().since(before);
      assertEquals(1, imputed.runs());
      assertEquals(4L * 2 * 3 * d, imputed.bytesFed());
      assertEquals(4L * 3 * d, imputed.bytesFetched());
    }
  }
}
