package io.hexagan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code hexagan train} on bad tables: exit code 1, one line on standard error naming the file
 * (and the row and column where there is one), and no model directory written.
 */
class BadInputTest {
  @TempDir Path dir;

  static Stream<Arguments> badTables() {
    return Stream.of(
        Arguments.of("empty file", "", null),
        Arguments.of("header only", "a,b,label\n", null),
        Arguments.of("ragged row", "a,b,label\n1,2,x\n3,4\n5,6,y\n", "row 3"),
        Arguments.of("non-numeric token", "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,10,x\n11,12,y\n13,14,x\n15,16,y\n17,18,x\n19,20,y\n"
            + "21,22,x\n23,24,y\n25,26,x\n27,28,y\n29,30,x\n31,32,y\n33,34,x\n35,36,y\n37,38,x\n39,40,y\n41,4x2,x\n", "column 2"),
        Arguments.of("all-missing column", "a,b,label\n1,,x\n2,NA,y\n3,,x\n", "\"b\""),
        Arguments.of("single class", "a,b,label\n1,2,x\n3,4,x\n", "label"),
        Arguments.of("one data row", "a,b,label\n1,2,x\n", null),
        Arguments.of("infinite value", "a,b,label\n1,2,x\n3,Infinity,y\n5,6,x\n", "row 3"),
        Arguments.of("duplicate columns", "a,a,label\n1,2,x\n3,4,y\n", "\"a\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTables")
  void rejectedWithOneLineAndNothingWritten(String name, String csv, String mentions) throws IOException {
    Path input = dir.resolve("in.csv");
    Files.writeString(input, csv);
    Path model = dir.resolve("model");
    CliRunner.Run r = CliRunner.run("train", "--input", input.toString(), "--label", "label",
        "--model", model.toString(), "--epochs", "1", "--quiet");
    assertEquals(1, r.exit(), name + ": " + r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, name + ": one line, found: " + r.err());
    assertTrue(lines[0].startsWith("hexagan: ") && lines[0].contains("in.csv"), name + ": " + lines[0]);
    if (mentions != null) {
      assertTrue(lines[0].contains(mentions), name + ": expected \"" + mentions + "\" in " + lines[0]);
    }
    assertFalse(Files.exists(model), name + ": no model directory");
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(1, left.count(), name + ": only the input remains");
    }
  }

  @Test
  void missingFileIsNamed() {
    Path model = dir.resolve("model");
    CliRunner.Run r = CliRunner.run("train", "--input", dir.resolve("nope.csv").toString(), "--model", model.toString(), "-q");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("nope.csv"), r.err());
    assertFalse(Files.exists(model));
  }

  @Test
  void constantColumnIsAcceptedAndImputesToItsConstant() throws IOException {
    Path input = dir.resolve("const.csv");
    StringBuilder csv = new StringBuilder("a,c,label\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i).append(',').append(i % 7 == 0 ? "" : "5").append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
    }
    Files.writeString(input, csv);
    Path model = dir.resolve("model");
    CliRunner.Run r = CliRunner.run("train", "--input", input.toString(), "--label", "label", "--model", model.toString(),
        "--epochs", "2", "-q");
    assertEquals(0, r.exit(), r.err());
    Path out = dir.resolve("out.csv");
    r = CliRunner.run("impute", "--model", model.toString(), "--input", input.toString(), "--output", out.toString(), "-q");
    assertEquals(0, r.exit(), r.err());
    for (String line : Files.readAllLines(out).subList(1, 41)) {
      assertEquals("5", line.split(",")[1], line);
    }
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, CliRunner.run("train").exit());
    assertEquals(2, CliRunner.run("no-such-command").exit());
    assertEquals(2, CliRunner.run("impute", "--model").exit());
    CliRunner.Run bench = CliRunner.run("bench", "--features", "3", "--train-table", "5000by60");
    assertEquals(2, bench.exit());
    assertTrue(bench.err().contains("--train-table: expected <rows>x<cols>"), bench.err());
    CliRunner.Run narrow = CliRunner.run("bench", "--features", "3", "--csv-features", "57,1");
    assertEquals(2, narrow.exit());
    assertTrue(narrow.err().contains("--csv-features: expected 2 to 100000 columns, found 1"), narrow.err());
    CliRunner.Run threads = CliRunner.run("bench", "--features", "3", "--threads", "2:2,4");
    assertEquals(2, threads.exit());
    assertTrue(threads.err().contains("--threads: expected intra:inter or intra:inter:training-intra"), threads.err());
  }

  @Test
  void inferenceInputIsCheckedAgainstTheSchema() throws IOException {
    Path input = dir.resolve("train.csv");
    StringBuilder csv = new StringBuilder("a,b,label\n");
    for (int i = 0; i < 30; i++) {
      csv.append(i).append(',').append(i * 2).append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
    }
    Files.writeString(input, csv);
    Path model = dir.resolve("model");
    assertEquals(0, CliRunner.run("train", "-i", input.toString(), "-l", "label", "-m", model.toString(), "--epochs", "1", "-q").exit());
    Path wrong = dir.resolve("wrong.csv");
    Files.writeString(wrong, "a,c\n1,2\n");
    Path out = dir.resolve("out.csv");
    CliRunner.Run r = CliRunner.run("impute", "-m", model.toString(), "-i", wrong.toString(), "-o", out.toString(), "-q");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("wrong.csv") && r.err().contains("column 2 \"c\""), r.err());
    assertFalse(Files.exists(out));
  }
}
