package io.hexagan.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Labelled grey images read from a pair of IDX files (MNIST's layout), pixels scaled from 0–255
 * to [0,1].
 *
 * @param pixels per image, height × width values in [0,1], row-major
 * @param labels per image, its class id
 * @param height image rows
 * @param width image columns
 * @param classes class names by id ("0", "1", …)
 */
public record ImageSet(double[][] pixels, int[] labels, int height, int width, List<String> classes) {

  public ImageSet {
    if (pixels.length != labels.length) {
      throw new IllegalArgumentException("labels: expected " + pixels.length + ", found " + labels.length);
    }
    classes = List.copyOf(classes);
  }

  /**
   * Reads the images file and the labels file of {@code dir}: the one file whose name contains
   * {@code images-idx3-ubyte} and the one whose name contains {@code labels-idx1-ubyte}, plain
   * or {@code .gz}.
   */
  public static ImageSet readDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw DataException.inFile(dir.toString(), "expected a directory holding an IDX images file and labels file");
    }
    return read(only(dir, "images-idx3-ubyte"), only(dir, "labels-idx1-ubyte"));
  }

  /** Reads an IDX images file (rank 3) and its IDX labels file (rank 1). */
  public static ImageSet read(Path imagesFile, Path labelsFile) throws IOException {
    IdxFile images = IdxFile.read(imagesFile);
    IdxFile labels = IdxFile.read(labelsFile);
    int[] dims = images.dimensions();
    if (dims.length != 3) {
      throw DataException.inFile(imagesFile.toString(), "expected images (3 dimensions, magic 2051), found "
          + dims.length + " dimensions (magic " + images.magic() + ")");
    }
    if (labels.dimensions().length != 1) {
      throw DataException.inFile(labelsFile.toString(), "expected labels (1 dimension, magic 2049), found "
          + labels.dimensions().length + " dimensions (magic " + labels.magic() + ")");
    }
    int n = dims[0];
    if (labels.dimensions()[0] != n) {
      throw DataException.inFile(labelsFile.toString(), "expected " + n + " labels (one per image of "
          + imagesFile.getFileName() + "), found " + labels.dimensions()[0]);
    }
    int size = dims[1] * dims[2];
    double[][] pixels = new double[n][size];
    int[] ids = new int[n];
    int maxLabel = 0;
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < size; p++) {
        pixels[i][p] = images.unsigned(i * size + p) / 255.0;
      }
      ids[i] = labels.unsigned(i);
      maxLabel = Math.max(maxLabel, ids[i]);
    }
    List<String> classes = new ArrayList<>();
    for (int k = 0; k <= maxLabel; k++) {
      classes.add(Integer.toString(k));
    }
    return new ImageSet(pixels, ids, dims[1], dims[2], classes);
  }

  private static Path only(Path dir, String part) throws IOException {
    List<Path> found;
    try (Stream<Path> files = Files.list(dir)) {
      found = files.filter(f -> f.getFileName().toString().contains(part) && Files.isRegularFile(f)).sorted().toList();
    }
    if (found.size() != 1) {
      throw DataException.inFile(dir.toString(), "expected one file whose name contains " + part + ", found "
          + (found.isEmpty() ? "none" : found.stream().map(p -> p.getFileName().toString()).toList()));
    }
    return found.get(0);
  }

  public int size() {
    return labels.length;
  }

  /** Pixel column names {@code r<row>c<col>}, row-major. */
  public List<String> pixelNames() {
    List<String> names = new ArrayList<>(height * width);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        names.add("r" + y + "c" + x);
      }
    }
    return names;
  }

  /** These images as a complete table (no cell missing), labelled. */
  public MaskedTable table() {
    double[][] copy = new double[pixels.length][];
    for (int i = 0; i < pixels.length; i++) {
      copy[i] = pixels[i].clone();
    }
    return new MaskedTable(copy, labels.clone(), pixelNames(), classes);
  }

  /** The images at {@code rows}, in that order. */
  public ImageSet subset(int[] rows) {
    double[][] p = new double[rows.length][];
    int[] l = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      p[i] = pixels[rows[i]];
      l[i] = labels[rows[i]];
    }
    return new ImageSet(p, l, height, width, classes);
  }
}
