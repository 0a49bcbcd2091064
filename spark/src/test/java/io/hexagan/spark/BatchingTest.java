package io.hexagan.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hexagan.training.CsvPrediction;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How partitions are cut into calls into the model, and the seeds of the calls. */
class BatchingTest {

  private static final int C = CsvPrediction.CHUNK_ROWS;

  @Test
  void singleMachineCallsHaveTheCommandsChunkShapesAndSeeds() {
    // Three partitions over 40,000 rows: 10,000, 20,000 and 10,000 rows.
    SingleMachineBatching batching = SingleMachineBatching.of(new long[] {10_000, 20_000, 10_000});
    assertEquals(new Batch(C, 0, C, CsvPrediction.chunkSeed(7, 0)), batching.next(0, 0, 7));
    // Partition 1 starts at row 10,000, inside chunk 0: padded before, up to the chunk's end.
    assertEquals(new Batch(C - 10_000, 10_000, C, CsvPrediction.chunkSeed(7, 0)), batching.next(1, 0, 7));
    // ... then chunk 1 from its start.
    assertEquals(new Batch(C, 0, C, CsvPrediction.chunkSeed(7, 1)), batching.next(1, C - 10_000, 7));
    // The last chunk holds the table's last 40,000 - 2C rows: calls of that size.
    long lastChunkRows = 40_000 - 2L * C;
    Batch last = batching.next(2, 40_000 - 30_000 - lastChunkRows, 7);
    assertEquals(new Batch((int) lastChunkRows, 0, (int) lastChunkRows, CsvPrediction.chunkSeed(7, 2)), last);
    assertEquals(100, new Batch(5, 3, 100, 1).rowsInCall(2));
  }

  @Test
  void aPartitionWithMoreRowsThanCountedIsAnError() {
    SingleMachineBatching batching = SingleMachineBatching.of(new long[] {5, 5});
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> batching.next(1, 5, 0));
    assertTrue(e.getMessage().contains("its input changed between the counting pass and this one"), e.getMessage());
  }

  @Test
  void perPartitionSeedsDifferByPartitionAndBatchAndRepeat() {
    PartitionBatching batching = new PartitionBatching(1000);
    Batch first = batching.next(0, 0, 11);
    assertEquals(new Batch(1000, 0, 0, first.seed()), first);
    assertEquals(first, batching.next(0, 999, 11));
    assertNotEquals(first.seed(), batching.next(0, 1000, 11).seed());
    assertNotEquals(first.seed(), batching.next(1, 0, 11).seed());
    assertNotEquals(first.seed(), batching.next(0, 0, 12).seed());
    assertTrue(first.seed() >= 0);
    assertEquals(7, first.rowsInCall(7));
  }

  @Test
  void settingsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> InferenceSettings.DEFAULT.withBatchRows(0));
    assertThrows(IllegalArgumentException.class, () -> InferenceSettings.DEFAULT.withSeed(-1L));
    assertThrows(IllegalArgumentException.class, () -> InferenceSettings.DEFAULT.withTensorflowThreads(-1));
    assertTrue(InferenceSettings.DEFAULT.withMissingMarkers(Set.of("-")).csvOptions().isMissing(""),
        "an empty cell is always missing");
    assertThrows(IllegalArgumentException.class, () -> new Batch(10, 5, 12, 0));
  }
}
