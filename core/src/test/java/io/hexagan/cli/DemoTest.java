package io.hexagan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hexagan demo}, the README's first command, on a short epoch budget. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void demoTrainsOnTheBundledTableAndReports() {
    CliRunner.Run r = CliRunner.run("demo", "--output-dir", dir.toString(), "--epochs", "25", "-q");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("breast: 455 training rows"), r.out());
    Matcher hexagan = Pattern.compile("HexaGAN\\s+(\\d\\.\\d{4})\\s+(\\d\\.\\d{4})").matcher(r.out());
    Matcher mean = Pattern.compile("column mean\\s+(\\d\\.\\d{4})\\s+(\\d\\.\\d{4})").matcher(r.out());
    assertTrue(hexagan.find() && mean.find(), r.out());
    // Column means on breast's blanked cells: about 0.15 (all cells); 25 epochs already do better.
    assertEquals(0.15, Double.parseDouble(mean.group(1)), 0.02);
    assertTrue(Double.parseDouble(hexagan.group(1)) < Double.parseDouble(mean.group(1)), r.out());
    assertTrue(r.out().contains("held-out F1 of class 0"), r.out());
    assertTrue(Files.exists(dir.resolve("model/saved_model.pb")));
    assertTrue(Files.exists(dir.resolve("breast-train.csv")) && Files.exists(dir.resolve("breast-holdout.csv")));
  }
}
