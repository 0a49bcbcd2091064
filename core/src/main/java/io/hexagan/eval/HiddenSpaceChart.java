package io.hexagan.eval;

import io.hexagan.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The paper's Figure 4: t-SNE maps of the hidden space, side by side (one panel per point of
 * training), h_l = E(x̃_l, m_l) of real rows as circles and h_c = G_CG(z_c, y_c) of generated
 * rows as triangles, coloured by class. Each panel embeds its own h_l and h_c together with
 * {@link Tsne}.
 */
public final class HiddenSpaceChart {

  /**
   * The hidden vectors of one panel.
   *
   * @param title the panel's title, such as "epoch 10"
   * @param real h_l, [rows][d_h]
   * @param realClasses class id of each h_l
   * @param generated h_c, [rows][d_h] (may be empty)
   * @param generatedClasses class id of each h_c
   */
  public record Panel(String title, double[][] real, int[] realClasses, double[][] generated, int[] generatedClasses) {
    public Panel {
      if (real.length != realClasses.length || generated.length != generatedClasses.length) {
        throw new IllegalArgumentException("panel " + title + ": expected one class per hidden vector");
      }
    }
  }

  private static final int PANEL_WIDTH = 560;
  private static final int PANEL_HEIGHT = 600;

  private HiddenSpaceChart() {}

  /** Embeds each panel with {@code tsne} and writes the panels side by side as one PNG. */
  public static void write(Path file, List<Panel> panels, List<String> classNames, Tsne tsne) throws IOException {
    if (panels.isEmpty()) {
      throw new IllegalArgumentException("panels: expected at least one");
    }
    BufferedImage out = new BufferedImage(PANEL_WIDTH * panels.size(), PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      for (int p = 0; p < panels.size(); p++) {
        JFreeChart chart = chart(panels.get(p), classNames, tsne);
        g.drawImage(chart.createBufferedImage(PANEL_WIDTH, PANEL_HEIGHT), p * PANEL_WIDTH, 0, null);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(out, "png", png);
    AtomicFiles.write(file, png.toByteArray());
  }

  private static JFreeChart chart(Panel panel, List<String> classNames, Tsne tsne) {
    int nl = panel.real().length;
    double[][] all = new double[nl + panel.generated().length][];
    System.arraycopy(panel.real(), 0, all, 0, nl);
    System.arraycopy(panel.generated(), 0, all, nl, panel.generated().length);
    double[][] y = tsne.forPoints(all.length).embed(all);
    int classes = classNames.size();
    List<XYSeries> real = new ArrayList<>();
    List<XYSeries> generated = new ArrayList<>();
    for (int k = 0; k < classes; k++) {
      real.add(new XYSeries(classNames.get(k) + " (h_l)"));
      generated.add(new XYSeries(classNames.get(k) + " (h_c)"));
    }
    for (int i = 0; i < all.length; i++) {
      boolean isReal = i < nl;
      int k = isReal ? panel.realClasses()[i] : panel.generatedClasses()[i - nl];
      (isReal ? real : generated).get(k).add(y[i][0], y[i][1]);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    Shape circle = new Ellipse2D.Double(-3, -3, 6, 6);
    Shape triangle = triangle();
    int s = 0;
    for (int k = 0; k < classes; k++) {
      Color colour = colour(k, classes);
      for (boolean isReal : new boolean[] {true, false}) {
        XYSeries series = (isReal ? real : generated).get(k);
        if (series.getItemCount() == 0) {
          continue;
        }
        data.addSeries(series);
        renderer.setSeriesShape(s, isReal ? circle : triangle);
        renderer.setSeriesPaint(s, colour);
        renderer.setSeriesShapesFilled(s, isReal);
        s++;
      }
    }
    NumberAxis x = new NumberAxis("t-SNE 1");
    NumberAxis yAxis = new NumberAxis("t-SNE 2");
    x.setAutoRangeIncludesZero(false);
    yAxis.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, yAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    JFreeChart chart = new JFreeChart(panel.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setItemFont(legend.getItemFont().deriveFont(9f));
    return chart;
  }

  private static Shape triangle() {
    Path2D.Double t = new Path2D.Double();
    t.moveTo(0, -4);
    t.lineTo(3.5, 3);
    t.lineTo(-3.5, 3);
    t.closePath();
    return t;
  }

  /** Ten well-separated colours (Tableau's), then evenly spaced hues. */
  static Color colour(int k, int classes) {
    int[] tableau = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    if (classes <= tableau.length) {
      return new Color(tableau[k]);
    }
    return Color.getHSBColor((float) k / classes, 0.75f, 0.85f);
  }
}
