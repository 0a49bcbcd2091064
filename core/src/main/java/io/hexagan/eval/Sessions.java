package io.hexagan.eval;

import io.hexagan.graph.DenseNetwork;
import io.hexagan.graph.WeightLoader;
import io.hexagan.training.SessionSettings;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** Opening sessions on the baselines' graphs, and moving float data and network weights in and out. */
final class Sessions {
  private Sessions() {}

  /** An initialised session on {@code graph}, with the thread counts of {@code settings}. */
  static Session open(Graph graph, SessionSettings settings) {
    ConfigProto config = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(settings.intraOpThreads())
        .setInterOpParallelismThreads(settings.interOpThreads())
        .setAllowSoftPlacement(true)
        .build();
    Session session = new Session(graph, false, config);
    try {
      session.initialize();
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** A float32 tensor of {@code shape} holding {@code data} row-major. */
  static TFloat32 tensor(Shape shape, float[] data) {
    return TFloat32.tensorOf(shape, DataBuffers.of(data, true, false));
  }

  /** The elements of a float32 tensor, row-major. */
  static float[] floats(TFloat32 tensor) {
    float[] out = new float[Math.toIntExact(tensor.shape().size())];
    tensor.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** Feeds each placeholder its array (shaped as the placeholder) and runs {@code target}. */
  static void feedAndRun(Session session, List<? extends Operand<TFloat32>> placeholders, List<float[]> data, Op target) {
    List<TFloat32> tensors = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (int i = 0; i < placeholders.size(); i++) {
        TFloat32 t = tensor(placeholders.get(i).shape(), data.get(i));
        tensors.add(t);
        runner.feed(placeholders.get(i), t);
      }
      runner.addTarget(target).run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /** The current values of a network's variables, read through {@code weights}. */
  static NetworkValues fetch(Session session, DenseNetwork.Weights<TFloat32> weights) {
    Session.Runner runner = session.runner();
    weights.tensors().forEach(runner::fetch);
    try (Result r = runner.run()) {
      List<float[]> values = new ArrayList<>();
      for (int i = 0; i < weights.tensors().size(); i++) {
        values.add(floats((TFloat32) r.get(i)));
      }
      return new NetworkValues(values);
    }
  }

  /** Sets a network's variables to {@code values}. */
  static void load(Session session, WeightLoader<TFloat32> loader, NetworkValues values) {
    feedAndRun(session, loader.placeholders(), values.values(), loader.load());
  }
}
