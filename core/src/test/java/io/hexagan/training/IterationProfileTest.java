package io.hexagan.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.StepStats;

class IterationProfileTest {

  private static NodeExecStats node(String name, String type, long start, long micros) {
    return NodeExecStats.newBuilder().setNodeName(name)
        .setTimelineLabel(type == null ? "" : name + " = " + type + "(a, b)")
        .setAllStartMicros(start).setAllEndRelMicros(micros).build();
  }

  private static StepStats trace(NodeExecStats... nodes) {
    return StepStats.newBuilder().addDevStats(DeviceStepStats.newBuilder().setDevice("/cpu:0")
        .addAllNodeStats(List.of(nodes))).build();
  }

  @Test
  void aggregatesOpsAndTimePerIterationAndPerType() {
    StepStats first = trace(node("_SOURCE", null, 0, 1), node("a", "MatMul", 100, 30), node("b", "Relu", 140, 10),
        node("c", "MatMul", 160, 50));
    StepStats second = trace(node("a", "MatMul", 1000, 20), node("b", "Relu", 1030, 30));
    IterationProfile p = IterationProfile.of(List.of(first, second));
    assertEquals(2, p.iterations());
    assertEquals(2.5, p.opsPerIteration(), 1e-12);
    assertEquals(70, p.opMicrosPerIteration(), 1e-12);
    // Wall: first op start to last op end: (210 − 100 + 1060 − 1000) / 2.
    assertEquals(85, p.wallMicrosPerIteration(), 1e-12);
    assertEquals(List.of(new IterationProfile.OpType("MatMul", 1.5, 50), new IterationProfile.OpType("Relu", 1, 20)),
        p.byType());
    // Per node: a ran twice (25 µs per iteration), c once (25), b twice (20); ties by name.
    assertEquals(List.of(new IterationProfile.Node("a", "MatMul", 1, 25), new IterationProfile.Node("c", "MatMul", 0.5, 25),
        new IterationProfile.Node("b", "Relu", 1, 20)), p.costliest());
  }

  @Test
  void readsTheTypeFromTheTimelineLabel() {
    assertEquals("_MklFusedMatMul", IterationProfile.typeOf(node("dense/x", "_MklFusedMatMul", 0, 1)));
    assertNull(IterationProfile.typeOf(node("_SINK", "NoOp", 0, 1)));
    assertNull(IterationProfile.typeOf(node("x", null, 0, 1)));
    assertThrows(IllegalArgumentException.class, () -> IterationProfile.of(List.of()));
  }

  @Test
  void aTracedIterationRunsTheGraphsTrainingOps() {
    IterationProfile p = TrainingBenchmark.profile(3, 8, new SessionSettings(1, 1, "", true), 2, 2, SyntheticTables.quick(1));
    assertEquals(2, p.iterations());
    double ops = p.byType().stream().mapToDouble(IterationProfile.OpType::opsPerIteration).sum();
    assertEquals(p.opsPerIteration(), ops, 1e-9);
    assertTrue(p.opsPerIteration() > 100, "ops per iteration: " + p.opsPerIteration());
    assertTrue(p.byType().stream().anyMatch(t -> t.type().contains("ApplyRMSProp")), p.byType().toString());
  }

  @Test
  void aTracedImputeCallRunsTheServingGraphsImputationOpsOnly() {
    // The defaults give E quantile ranks, searched by UpperBound; the call trains nothing.
    IterationProfile p = TrainingBenchmark.profileImputation(3, new SessionSettings(1, 1, "", true), 2, SyntheticTables.quick(1));
    assertEquals(2, p.iterations());
    assertTrue(p.byType().stream().anyMatch(t -> t.type().equals("UpperBound")), p.byType().toString());
    assertTrue(p.byType().stream().anyMatch(t -> t.type().contains("MatMul")), p.byType().toString());
    assertTrue(p.byType().stream().noneMatch(t -> t.type().contains("ApplyRMSProp")), p.byType().toString());
  }
}
