package io.hexagan.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.StepStats;

/**
 * Where a training iteration's time goes, from TensorFlow's full trace of some iterations: how
 * many ops ran, how long they ran in total, how long the iteration took from its first op's start
 * to its last op's end, and the same per op type. When the ops' own time is a small part of the
 * wall time, the iteration is bound by the executor's per-op overhead, not by arithmetic.
 *
 * @param iterations traced iterations averaged
 * @param opsPerIteration ops executed per iteration
 * @param opMicrosPerIteration Σ over ops of each op's own time (TensorFlow's {@code
 *     all_end_rel_micros}), per iteration
 * @param wallMicrosPerIteration first op start to last op end, per iteration (tracing slows it)
 * @param byType per op type, most time first
 * @param costliest the {@value #COSTLIEST} single ops (graph nodes) that took most time per
 *     iteration, most first
 */
public record IterationProfile(int iterations, double opsPerIteration, double opMicrosPerIteration,
    double wallMicrosPerIteration, List<OpType> byType, List<Node> costliest) {

  /** How many single ops {@link #costliest} lists. */
  public static final int COSTLIEST = 15;

  /**
   * One op type's share.
   *
   * @param type TensorFlow's op type, e.g. {@code MatMul}
   * @param opsPerIteration how many ran per iteration
   * @param microsPerIteration their total own time per iteration
   */
  public record OpType(String type, double opsPerIteration, double microsPerIteration) {}

  /**
   * One graph node's share.
   *
   * @param name the node's name in the graph
   * @param type its op type
   * @param runsPerIteration how often it ran per iteration (1 unless it sits in a loop)
   * @param microsPerIteration its own time per iteration
   */
  public record Node(String name, String type, double runsPerIteration, double microsPerIteration) {}

  public IterationProfile {
    byType = List.copyOf(byType);
    costliest = List.copyOf(costliest);
  }

  /** Aggregates the step statistics of {@code traces}, one per iteration. */
  public static IterationProfile of(List<StepStats> traces) {
    if (traces.isEmpty()) {
      throw new IllegalArgumentException("traces: expected at least one iteration, found none");
    }
    Map<String, long[]> types = new HashMap<>();
    Map<String, long[]> nodes = new HashMap<>();
    Map<String, String> nodeTypes = new HashMap<>();
    long ops = 0;
    long opMicros = 0;
    long wall = 0;
    for (StepStats trace : traces) {
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (DeviceStepStats device : trace.getDevStatsList()) {
        for (NodeExecStats node : device.getNodeStatsList()) {
          String type = typeOf(node);
          if (type == null) {
            continue;
          }
          long micros = node.getAllEndRelMicros();
          long[] t = types.computeIfAbsent(type, k -> new long[2]);
          t[0]++;
          t[1] += micros;
          long[] byNode = nodes.computeIfAbsent(node.getNodeName(), k -> new long[2]);
          byNode[0]++;
          byNode[1] += micros;
          nodeTypes.putIfAbsent(node.getNodeName(), type);
          ops++;
          opMicros += micros;
          first = Math.min(first, node.getAllStartMicros());
          last = Math.max(last, node.getAllStartMicros() + micros);
        }
      }
      if (last >= first) {
        wall += last - first;
      }
    }
    int n = traces.size();
    List<OpType> byType = new ArrayList<>();
    types.forEach((type, t) -> byType.add(new OpType(type, (double) t[0] / n, (double) t[1] / n)));
    byType.sort(Comparator.comparingDouble(OpType::microsPerIteration).reversed().thenComparing(OpType::type));
    List<Node> costliest = new ArrayList<>();
    nodes.forEach((name, t) -> costliest.add(new Node(name, nodeTypes.get(name), (double) t[0] / n, (double) t[1] / n)));
    costliest.sort(Comparator.comparingDouble(Node::microsPerIteration).reversed().thenComparing(Node::name));
    return new IterationProfile(n, (double) ops / n, (double) opMicros / n, (double) wall / n, byType,
        costliest.subList(0, Math.min(COSTLIEST, costliest.size())));
  }

  /**
   * The op type from the trace's timeline label, {@code "name = Type(inputs)"}; null for the
   * executor's own bookkeeping nodes ({@code _SOURCE}, {@code _SINK}) and unlabelled entries.
   */
  static String typeOf(NodeExecStats node) {
    String label = node.getTimelineLabel();
    int eq = label.indexOf(" = ");
    if (eq < 0 || node.getNodeName().startsWith("_SOURCE") || node.getNodeName().startsWith("_SINK")) {
      return null;
    }
    int open = label.indexOf('(', eq);
    return (open < 0 ? label.substring(eq + 3) : label.substring(eq + 3, open)).trim();
  }
}
