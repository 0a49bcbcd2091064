package io.hexagan.io;

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

/** The io package stays free of TensorFlow and of the packages built on it. */
class PackageDependencyTest {

  private static final Pattern FORBIDDEN = Pattern.compile(
      "^import\\s+(static\\s+)?(org\\.tensorflow|io\\.hexagan\\.(graph|training|savedmodel|cli|eval))\\b.*", Pattern.MULTILINE);

  @Test
  void ioImportsNoEngineAndNoTensorFlow() throws IOException {
    Path sources = Path.of("src/main/java/io/hexagan/io");
    assertTrue(Files.isDirectory(sources), "run from the project root");
    List<String> offending = new ArrayList<>();
    try (Stream<Path> files = Files.list(sources)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        var matcher = FORBIDDEN.matcher(Files.readString(file));
        while (matcher.find()) {
          offending.add(file.getFileName() + ": " + matcher.group());
        }
      }
    }
    assertEquals(List.of(), offending);
  }
}
