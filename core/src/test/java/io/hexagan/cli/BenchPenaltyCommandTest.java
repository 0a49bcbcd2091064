package io.hexagan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code hexagan bench-penalty} on a small dense shape: every formulation timed, weight clipping included. */
class BenchPenaltyCommandTest {
  private static final String[] SMALL = {"bench-penalty", "--preset", "default", "--features", "6", "--classes", "2",
      "--blocks", "3", "--samples", "2", "--iterations", "1", "--rows", "128", "--threads", "1:1"};

  @Test
  void timesEveryFormulationAndTheWeightClippingAlternative() {
    CliRunner.Run r = CliRunner.run(SMALL);
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("| output blocks | 3 | estimate |"), r.out());
    assertTrue(r.out().contains("| hidden-layer Gram |"), r.out());
    assertTrue(r.out().contains("| sample of 2 outputs | 2 | estimate |"), r.out());
    double clip = number(r.out(), "weight clipping of D_MI to ±0.01 \\(the authors' alternative, no penalty\\): ([0-9.]+) ms");
    double without = number(r.out(), "ms with the penalty, ([0-9.]+) ms without");
    double clipped = number(r.out(), "with weight clipping instead of the penalty: ([0-9.]+) ms per iteration");
    assertTrue(clip > 0, r.out());
    assertEquals(without + clip, clipped, 0.11, r.out());
  }

  @Test
  void clipZeroSkipsTheClippingMeasurement() {
    String[] args = java.util.Arrays.copyOf(SMALL, SMALL.length + 2);
    args[SMALL.length] = "--clip";
    args[SMALL.length + 1] = "0";
    CliRunner.Run r = CliRunner.run(args);
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("clipping"), r.out());
  }

  @Test
  void aTrainingThreadCountIsBadUsageForItsOneSession() {
    CliRunner.Run r = CliRunner.run("bench-penalty", "--threads", "2:2:1");
    assertEquals(Main.USAGE_ERROR, r.exit());
    assertTrue(r.err().contains("--threads: expected intra:inter, such as 2:2") && r.err().contains("found 2:2:1"),
        r.err());
    r = CliRunner.run("bench-penalty", "--threads", "two");
    assertEquals(Main.USAGE_ERROR, r.exit());
    assertTrue(r.err().contains("--threads: expected intra:inter"), r.err());
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "expected /" + regex + "/ in:\n" + text);
    return Double.parseDouble(m.group(1));
  }
}
