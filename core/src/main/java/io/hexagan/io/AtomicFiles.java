package io.hexagan.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writing a file all or nothing: into a temporary file in the target's directory, then moved over
 * the target atomically (or, where the file system cannot, replacing it).
 */
public final class AtomicFiles {

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {
  }

  /**
   * A new empty temporary file next to {@code target}, hidden, named after it. Unlike {@link
   * Files#createTempFile}, it gets the default permissions of a new file (umask), which the target
   * then has.
   */
  static Path temporaryFor(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      try {
        return Files.createFile(dir.resolve("." + absolute.getFileName() + "." + suffix + ".tmp"));
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  /** Moves {@code temporary} over {@code target}. */
  static void replace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes {@code temporary} if it exists, recording a failure on {@code pending}. */
  static void discard(Path temporary, Throwable pending) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      pending.addSuppressed(e);
    }
  }

  /** Writes {@code bytes} to {@code target}; on any failure {@code target} is untouched. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes {@code target} from {@code content}; on any failure {@code target} is untouched. */
  static void write(Path target, Content content) throws IOException {
    Path temporary = temporaryFor(target);
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      replace(temporary, target);
    } catch (IOException | RuntimeException | Error e) {
      discard(temporary, e);
      throw e;
    }
  }
}
