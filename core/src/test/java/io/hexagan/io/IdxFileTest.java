package io.hexagan.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files, plain and gzip-compressed, and the image sets read from them. */
class IdxFileTest {

  /** Three 2×4 images with pixels 0, 1, …, and labels 2, 0, 1. */
  static byte[] images(int magic, int count) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(count);
    out.writeInt(2);
    out.writeInt(4);
    for (int i = 0; i < 3 * 8; i++) {
      out.writeByte(i * 10);
    }
    return bytes.toByteArray();
  }

  static byte[] labels(int... values) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(2049);
    out.writeInt(values.length);
    for (int v : values) {
      out.writeByte(v);
    }
    return bytes.toByteArray();
  }

  static Path write(Path file, byte[] content, boolean gzip) throws IOException {
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }

  @Test
  void plainAndGzipFilesReadAlike(@TempDir Path dir) throws IOException {
    byte[] content = images(2051, 3);
    IdxFile plain = IdxFile.read(write(dir.resolve("a-images-idx3-ubyte"), content, false));
    IdxFile gzip = IdxFile.read(write(dir.resolve("b.gz"), content, true));
    assertEquals(plain, gzip);
    assertArrayEquals(new int[] {3, 2, 4}, plain.dimensions());
    assertEquals(2051, plain.magic());
    assertEquals(230, plain.unsigned(23), "unsigned, not a negative byte");
  }

  @Test
  void imageSetScalesPixelsToUnitRangeAndPairsLabels(@TempDir Path dir) throws IOException {
    write(dir.resolve("t-images-idx3-ubyte.gz"), images(2051, 3), true);
    write(dir.resolve("t-labels-idx1-ubyte"), labels(2, 0, 1), false);
    ImageSet set = ImageSet.readDirectory(dir);
    assertEquals(3, set.size());
    assertEquals(2, set.height());
    assertEquals(4, set.width());
    assertArrayEquals(new int[] {2, 0, 1}, set.labels());
    assertEquals(List.of("0", "1", "2"), set.classes());
    assertEquals(0.0, set.pixels()[0][0]);
    assertEquals(90 / 255.0, set.pixels()[1][1], 1e-15);
    assertEquals(List.of("r0c0", "r0c1", "r0c2", "r0c3", "r1c0", "r1c1", "r1c2", "r1c3"), set.pixelNames());
    MaskedTable table = set.table();
    assertEquals(8, table.features());
    assertEquals(3, table.labeledRows());
  }

  @Test
  void badMagicShortFilesAndMismatchedCountsAreClearErrors(@TempDir Path dir) throws IOException {
    Path bad = write(dir.resolve("bad"), new byte[] {1, 2, 3, 4, 0, 0, 0, 1, 7}, false);
    DataException e = assertThrows(DataException.class, () -> IdxFile.read(bad));
    assertTrue(e.getMessage().startsWith(bad + ": not an IDX file: magic number 0x01020304"), e.getMessage());

    Path floats = write(dir.resolve("floats"), new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 0}, false);
    e = assertThrows(DataException.class, () -> IdxFile.read(floats));
    assertTrue(e.getMessage().contains("element type 0x0d is not supported"), e.getMessage());

    byte[] content = images(2051, 3);
    Path shortFile = write(dir.resolve("short.gz"), java.util.Arrays.copyOf(content, content.length - 5), true);
    e = assertThrows(DataException.class, () -> IdxFile.read(shortFile));
    assertTrue(e.getMessage().contains("ends before the data its header announces"), e.getMessage());

    Path images = write(dir.resolve("x-images-idx3-ubyte"), content, false);
    Path twoLabels = write(dir.resolve("x-labels-idx1-ubyte"), labels(1, 2), false);
    e = assertThrows(DataException.class, () -> ImageSet.read(images, twoLabels));
    assertTrue(e.getMessage().contains("expected 3 labels"), e.getMessage());
    e = assertThrows(DataException.class, () -> ImageSet.read(twoLabels, images));
    assertTrue(e.getMessage().contains("expected images (3 dimensions, magic 2051)"), e.getMessage());

    Path empty = Files.createDirectory(dir.resolve("empty"));
    e = assertThrows(DataException.class, () -> ImageSet.readDirectory(empty));
    assertTrue(e.getMessage().contains("expected one file whose name contains images-idx3-ubyte, found none"),
        e.getMessage());
  }
}
