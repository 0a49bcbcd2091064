package io.hexagan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What some packages must not use, read off their sources. */
class PackageDependencyTest {

  @Test
  void ioImportsNoEngineAndNoTensorFlow() throws IOException {
    assertEquals(List.of(), offending("io", Pattern.compile(
        "^import\\s+(static\\s+)?(org\\.tensorflow|io\\.hexagan\\.(graph|training|savedmodel|cli|eval))\\b.*",
        Pattern.MULTILINE)));
  }

  @Test
  void serveImportsNoTrainingCliOrEvalAndPrintsNothing() throws IOException {
    assertEquals(List.of(), offending("serve", Pattern.compile(
        "^import\\s+(static\\s+)?io\\.hexagan\\.(training|cli|eval)\\b.*|System\\.(out|err)", Pattern.MULTILINE)));
  }

  /** Each match of {@code forbidden} in the main sources of package {@code io.hexagan.<name>}. */
  private static List<String> offending(String name, Pattern forbidden) throws IOException {
    Path sources = Path.of("src/main/java/io/hexagan").resolve(name);
    assertTrue(Files.isDirectory(sources), "run from the module's directory: " + sources.toAbsolutePath());
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(sources)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        var matcher = forbidden.matcher(Files.readString(file));
        while (matcher.find()) {
          found.add(file.getFileName() + ": " + matcher.group());
        }
      }
    }
    return found;
  }
}
