package io.hexagan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hexagan evaluate} end to end on a small sample of the bundled table, with cheap methods. */
class EvaluateCommandTest {

  @Test
  void sampleAndMissingRatesWriteTablesAndTheF1Chart(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("eval");
    CliRunner.Run r = CliRunner.run("evaluate", "-i", "../test-data/breast.csv", "-l", "label", "--methods", "mean,mlp",
        "--folds", "2", "--sample-rows", "120", "--missing-rates", "0.1,0.2", "--best-test-epoch", "-q", "-o",
        out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("breast (stratified sample of 120 rows, seed 0)"), r.out());
    assertTrue(r.out().contains("| mean | "), r.out());
    // The MLP (no G_MI) imputes nothing: its best-test-epoch row has F1 only.
    assertTrue(r.out().contains("| mlp@best-test-epoch | — | — | 0."), r.out());
    assertFalse(r.out().contains("mean@best-test-epoch"), r.out());
    assertTrue(Files.size(out.resolve("breast-evaluation.json")) > 0);
    assertTrue(Files.exists(out.resolve("breast-evaluation-missing-0.10.json")));
    assertTrue(Files.exists(out.resolve("breast-evaluation-missing-0.20.json")));
    assertTrue(Files.size(out.resolve("breast-f1-vs-missing-rate.png")) > 0);
  }

  @Test
  void aSampleAsLargeAsTheTableIsReportedAsTheTable(@TempDir Path dir) {
    CliRunner.Run r = CliRunner.run("evaluate", "-i", "../test-data/breast.csv", "-l", "label", "--methods", "mean",
        "--folds", "2", "--sample-rows", "100000", "-q", "-o", dir.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("breast: "), r.out());
    assertTrue(!r.out().contains("sample"), r.out());
  }

  @Test
  void aSampleTooSmallForTheFoldsIsBadUsage(@TempDir Path dir) {
    CliRunner.Run r = CliRunner.run("evaluate", "-i", "../test-data/breast.csv", "-l", "label", "--sample-rows", "5",
        "-o", dir.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--sample-rows"), r.err());
  }
}
