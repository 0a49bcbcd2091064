package io.hexagan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's --help: exit 0, an example, and the top-level help as recorded (golden file). */
class HelpTest {
  @ParameterizedTest
  @ValueSource(strings = {"demo", "train", "impute", "classify", "generate", "inspect", "evaluate", "compare", "serve",
      "serve-bench", "bench", "bench-penalty"})
  void everyCommandHasHelpWithAnExample(String command) {
    CliRunner.Run r = CliRunner.run(command, "--help");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("Usage: hexagan " + command), r.out());
    assertTrue(r.out().contains("Example:\n  hexagan " + command), r.out());
  }

  @Test
  void topLevelHelpMatchesTheGoldenFile() throws IOException {
    CliRunner.Run r = CliRunner.run("--help");
    assertEquals(0, r.exit());
    try (InputStream golden = HelpTest.class.getResourceAsStream("/help/hexagan.txt")) {
      assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), r.out());
    }
  }
}
