package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Shapes of the convolutional E, G_MI and D_MI, and the layout of a row as an image. */
class ConvolutionalNetworksTest {
  private static final int ROWS = 3;
  private static final Architecture.Resolved ARCH =
      Architecture.defaults().withImage(ImageLayout.mnist()).withCriticUnits(32).resolve(784);

  private static float[][] run(Session s, Operand<TFloat32> op, int rows, int cols) {
    try (TFloat32 t = (TFloat32) s.runner().fetch(op).run().get(0)) {
      assertEquals(Shape.of(rows, cols), t.shape());
      float[][] out = new float[rows][cols];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          out[r][c] = t.getFloat(r, c);
        }
      }
      return out;
    }
  }

  @Test
  void encoderGeneratorAndCriticHaveThePapersShapes() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      SeedStream seeds = new SeedStream(1);
      Encoder<TFloat32> e = Encoder.create(tf, "", TFloat32.class, 784, ARCH, EncoderInputs.NONE, seeds);
      ImputationGenerator<TFloat32> gmi = ImputationGenerator.create(tf, "", TFloat32.class, 784, ARCH, seeds, null);
      ImputationCritic<TFloat32> dmi = ImputationCritic.create(tf, "", TFloat32.class, 784, 10, true, true, ARCH, seeds);
      assertTrue(e.network() instanceof ConvolutionalNetwork);
      assertTrue(gmi.network() instanceof DeconvolutionalNetwork);
      assertTrue(dmi.network() instanceof ConvolutionalNetwork);
      assertEquals(2 * 784, e.network().inputWidth());
      assertEquals(784 + 10, dmi.network().inputWidth());
      assertEquals(785, dmi.network().outputWidth());
      assertEquals(784, dmi.elementOutputs());
      assertEquals(32, dmi.network().hiddenWidth());
      // E: 5·5·2·32 + 32, 5·5·32·64 + 64, then the dense E's layers 3136·256 + 256, 256·64 + 64;
      // G_MI: 64·3136 + 3136, 5·5·32·64 + 32, 5·5·1·32 + 1.
      assertEquals(1632 + 51264 + 803072 + 16448, e.network().parameterCount());
      assertEquals(203840 + 51232 + 801, gmi.network().parameterCount());
      Operand<TFloat32> x = tf.random.randomUniform(tf.constant(new int[] {ROWS, 784}), TFloat32.class);
      Operand<TFloat32> m = tf.dtypes.cast(tf.math.greater(x, tf.constant(0.5f)), TFloat32.class);
      Operand<TFloat32> h = e.encode(tf, e.network().read(tf), x, m);
      Operand<TFloat32> xBar = gmi.generate(tf, gmi.network().read(tf), h, null, null, null);
      Operand<TFloat32> y = tf.oneHot(tf.constant(new int[] {0, 3, 9}), tf.constant(10), tf.constant(1f), tf.constant(0f));
      Operand<TFloat32> scores = dmi.score(tf, dmi.network().read(tf), xBar, y);
      try (Session s = new Session(g)) {
        s.initialize();
        float[][] hv = run(s, h, ROWS, ARCH.latentDim());
        for (float v : hv[0]) {
          assertTrue(v > -1 && v < 1, "tanh hidden space");
        }
        for (float v : run(s, xBar, ROWS, 784)[1]) {
          assertTrue(v > 0 && v < 1, "sigmoid pixels");
        }
        run(s, scores, ROWS, 785);
      }
    }
  }

  @Test
  void aRowsChannelPlanesBecomeTheImagesChannels() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      // One row of two 2×4 planes: plane c, pixel (y, x) holds 100c + 10y + x.
      float[] row = new float[16];
      for (int c = 0; c < 2; c++) {
        for (int y = 0; y < 2; y++) {
          for (int x = 0; x < 4; x++) {
            row[c * 8 + y * 4 + x] = 100 * c + 10 * y + x;
          }
        }
      }
      Operand<TFloat32> flat = tf.constant(new float[][] {row});
      Operand<TFloat32> images = ConvolutionLayers.toImages(tf, flat, 2, 4, 2);
      Operand<TFloat32> back = ConvolutionLayers.toRows(tf, images, 2, 4, 2);
      try (Session s = new Session(g);
          TFloat32 im = (TFloat32) s.runner().fetch(images).run().get(0);
          TFloat32 b = (TFloat32) s.runner().fetch(back).run().get(0)) {
        assertEquals(Shape.of(1, 2, 4, 2), im.shape());
        assertEquals(113f, im.getFloat(0, 1, 3, 1), "NHWC [0, y=1, x=3, c=1]");
        assertEquals(2f, im.getFloat(0, 0, 2, 0));
        for (int k = 0; k < 16; k++) {
          assertEquals(row[k], b.getFloat(0, k));
        }
      }
    }
  }

  @Test
  void imageLayoutsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new ImageLayout(30, 28, 1, 8, 8), "height not a multiple of 4");
    assertThrows(IllegalArgumentException.class, () -> new ImageLayout(28, 28, 0, 8, 8));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Architecture.defaults().withImage(ImageLayout.mnist()).resolve(100));
    assertTrue(e.getMessage().contains("784 values, but the table has 100 feature columns"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Architecture(0, 1, 0, 0, 0, 1, Activation.RELU,
        Activation.TANH, NetworkKind.CONVOLUTIONAL, ImageLayout.NONE, false, false, 1, 0, false, 0, 0));
    assertEquals(List.of(NetworkKind.DENSE, NetworkKind.CONVOLUTIONAL), List.of(NetworkKind.values()));
  }
}
