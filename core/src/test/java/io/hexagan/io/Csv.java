package io.hexagan.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: CSV files from text. */
final class Csv {

  private Csv() {
  }

  /** Writes {@code text} as UTF-8 to {@code dir/name}. */
  static Path file(Path dir, String name, String text) {
    return bytes(dir, name, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path bytes(Path dir, String name, byte[] content) {
    try {
      return Files.write(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
