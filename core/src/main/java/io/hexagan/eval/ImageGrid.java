package io.hexagan.eval;

import io.hexagan.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG of grey images in labelled rows: the paper's Figure 3 (inputs, imputations during
 * training, originals, G_MI's raw output) and Figure 5 (one row per class, one column per noise
 * draw). Pixels in [0,1] are drawn white (0) to black (1) like ink; a missing pixel ({@code NaN})
 * is drawn in {@link #MISSING}.
 */
public final class ImageGrid {

  /** Colour of a missing pixel. */
  public static final Color MISSING = new Color(0xE0, 0x70, 0x50);

  private static final int GAP = 4;
  private static final int LABEL_WIDTH = 150;
  private static final int TITLE_HEIGHT = 28;

  /**
   * One labelled row of images.
   *
   * @param label the row's caption
   * @param images each [height · width] pixels in [0,1] or NaN
   */
  public record Row(String label, List<double[]> images) {
    public Row {
      images = List.copyOf(images);
    }
  }

  private final String title;
  private final int height;
  private final int width;
  private final int scale;
  private final List<Row> rows = new ArrayList<>();

  /**
   * @param height image rows
   * @param width image columns
   * @param scale screen pixels per image pixel
   */
  public ImageGrid(String title, int height, int width, int scale) {
    if (height < 1 || width < 1 || scale < 1) {
      throw new IllegalArgumentException("image: expected positive sizes, found " + height + "×" + width + " ×" + scale);
    }
    this.title = title;
    this.height = height;
    this.width = width;
    this.scale = scale;
  }

  /** Adds a row below the others. */
  public ImageGrid add(String label, List<double[]> images) {
    for (double[] image : images) {
      if (image.length != height * width) {
        throw new IllegalArgumentException(label + ": expected " + height * width + " pixels, found " + image.length);
      }
    }
    rows.add(new Row(label, images));
    return this;
  }

  /** The grid as an image. */
  public BufferedImage render() {
    int columns = rows.stream().mapToInt(r -> r.images().size()).max().orElse(0);
    int cell = width * scale + GAP;
    int w = LABEL_WIDTH + columns * cell + GAP;
    int h = TITLE_HEIGHT + rows.size() * (height * scale + GAP) + GAP;
    BufferedImage out = new BufferedImage(Math.max(w, 1), Math.max(h, 1), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      g.drawString(title, GAP, 19);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      for (int r = 0; r < rows.size(); r++) {
        Row row = rows.get(r);
        int top = TITLE_HEIGHT + r * (height * scale + GAP);
        g.setColor(Color.BLACK);
        g.drawString(row.label(), GAP, top + height * scale / 2 + 5);
        for (int c = 0; c < row.images().size(); c++) {
          draw(out, row.images().get(c), LABEL_WIDTH + c * cell, top);
        }
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Renders and writes the grid as a PNG, atomically. */
  public void write(Path file) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(render(), "png", png);
    AtomicFiles.write(file, png.toByteArray());
  }

  private void draw(BufferedImage out, double[] image, int left, int top) {
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double v = image[y * width + x];
        int rgb;
        if (Double.isNaN(v)) {
          rgb = MISSING.getRGB();
        } else {
          int grey = 255 - (int) Math.round(255 * Math.max(0, Math.min(1, v)));
          rgb = (grey << 16) | (grey << 8) | grey;
        }
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            out.setRGB(left + x * scale + dx, top + y * scale + dy, rgb);
          }
        }
      }
    }
  }
}
