package io.hexagan.eval;

import io.hexagan.io.AtomicFiles;
import io.hexagan.training.EpochReport;
import io.hexagan.training.TrainingSummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG charts of an evaluation (JFreeChart): F1 against missing rate, and HexaGAN's loss curves. */
public final class Charts {
  private Charts() {}

  /**
   * F1 of each method against the missing rate (the paper's Figure 6).
   *
   * @param f1ByMethod per method, missing rate → mean F1
   */
  public static void f1AgainstMissingRate(Path file, String title, Map<String, Map<Double, Double>> f1ByMethod)
      throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, Map<Double, Double>> e : f1ByMethod.entrySet()) {
      XYSeries s = new XYSeries(e.getKey());
      e.getValue().forEach(s::add);
      data.addSeries(s);
    }
    NumberAxis x = new NumberAxis("missing rate");
    NumberAxis y = new NumberAxis("F1");
    y.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    style(plot);
    write(file, new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), 900, 600);
  }

  /** Every loss of a HexaGAN run per epoch, one panel per loss; warm-up epochs first. */
  public static void trainingCurves(Path file, String title, TrainingSummary training) throws IOException {
    Map<String, XYSeries> series = new LinkedHashMap<>();
    List<EpochReport> history = training.history();
    for (int e = 0; e < history.size(); e++) {
      for (Map.Entry<String, Double> loss : history.get(e).meanLosses().entrySet()) {
        series.computeIfAbsent(loss.getKey(), XYSeries::new).add(e + 1, loss.getValue());
      }
      if (history.get(e).validation() != null && !Double.isNaN(history.get(e).validation().rmse())) {
        series.computeIfAbsent("validation RMSE", XYSeries::new).add(e + 1, history.get(e).validation().rmse());
      }
    }
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("epoch (warm-up included)"));
    combined.setGap(6);
    List<String> names = new ArrayList<>(series.keySet());
    for (String name : names) {
      NumberAxis y = new NumberAxis(name);
      y.setAutoRangeIncludesZero(false);
      y.setLabelFont(y.getLabelFont().deriveFont(9f));
      XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
      r.setSeriesStroke(0, new BasicStroke(1.2f));
      XYPlot p = new XYPlot(new XYSeriesCollection(series.get(name)), null, y, r);
      style(p);
      combined.add(p);
    }
    write(file, new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, false), 900, 140 * names.size() + 80);
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
  }

  private static void write(Path file, JFreeChart chart, int width, int height) throws IOException {
    chart.setBackgroundPaint(Color.WHITE);
    BufferedImage image = chart.createBufferedImage(width, height);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    AtomicFiles.write(file, png.toByteArray());
  }
}
