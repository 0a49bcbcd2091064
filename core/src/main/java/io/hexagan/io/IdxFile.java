package io.hexagan.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file of unsigned bytes (LeCun's format of the MNIST files), plain or gzip-compressed
 * (told by its first two bytes, not its name). Header: two zero bytes, the element type ({@code
 * 0x08}, unsigned byte), the number of dimensions, then each dimension as a big-endian 32-bit
 * integer; the elements follow row-major. MNIST's images have magic 2051 ({@code 0x00000803}: three
 * dimensions), its labels 2049 ({@code 0x00000801}: one).
 *
 * @param dimensions the sizes, outermost first
 * @param data the elements as stored (read them with {@link #unsigned(int)})
 */
public record IdxFile(int[] dimensions, byte[] data) {

  /** Element type code of unsigned bytes. */
  public static final int UNSIGNED_BYTE = 0x08;

  /** Most elements a file may hold (a Java array's limit). */
  static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  public IdxFile {
    dimensions = dimensions.clone();
    long n = 1;
    for (int d : dimensions) {
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException("data: expected " + n + " elements, found " + data.length);
    }
  }

  /** Reads {@code file}; a bad header or a short file is a {@link DataException} naming it. */
  public static IdxFile read(Path file) throws IOException {
    String source = file.toString();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      boolean gzip = b0 == 0x1f && b1 == 0x8b;
      try (DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw) : raw)) {
        return read(in, source);
      }
    } catch (NoSuchFileException e) {
      throw DataException.inFile(source, "no such file", e);
    } catch (EOFException e) {
      throw DataException.inFile(source, "the file ends before the data its header announces", e);
    } catch (java.util.zip.ZipException e) {
      throw DataException.inFile(source, "not a valid gzip file: " + e.getMessage(), e);
    }
  }

  private static IdxFile read(DataInputStream in, String source) throws IOException {
    int magic = in.readInt();
    int type = (magic >>> 8) & 0xff;
    int rank = magic & 0xff;
    if ((magic >>> 16) != 0 || rank < 1) {
      throw DataException.inFile(source, String.format(
          "not an IDX file: magic number 0x%08x (expected 0x0000TTNN: two zero bytes, a type, a rank ≥ 1)", magic));
    }
    if (type != UNSIGNED_BYTE) {
      throw DataException.inFile(source, String.format(
          "IDX element type 0x%02x is not supported (expected 0x08, unsigned bytes)", type));
    }
    int[] dims = new int[rank];
    long n = 1;
    for (int k = 0; k < rank; k++) {
      dims[k] = in.readInt();
      if (dims[k] < 0) {
        throw DataException.inFile(source, "dimension " + (k + 1) + " is negative: " + dims[k]);
      }
      n *= dims[k];
      if (n > MAX_ELEMENTS) {
        throw DataException.inFile(source, "too many elements: " + Arrays.toString(Arrays.copyOf(dims, k + 1)));
      }
    }
    byte[] data = new byte[(int) n];
    in.readFully(data);
    if (in.read() >= 0) {
      throw DataException.inFile(source, "data follow the " + n + " elements its header announces");
    }
    return new IdxFile(dims, data);
  }

  /** The IDX magic number of this file's header. */
  public int magic() {
    return (UNSIGNED_BYTE << 8) | dimensions.length;
  }

  /** Element {@code i} (row-major) as 0–255. */
  public int unsigned(int i) {
    return data[i] & 0xff;
  }

  @Override
  public int[] dimensions() {
    return dimensions.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdxFile f && Arrays.equals(dimensions, f.dimensions) && Arrays.equals(data, f.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(dimensions) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "IdxFile" + Arrays.toString(dimensions);
  }
}
