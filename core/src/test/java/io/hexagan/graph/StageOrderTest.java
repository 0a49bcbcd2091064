package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;

/**
 * The stages of an iteration read and update the same variables with only as much ordering as
 * their data and the reads' control dependencies give. Whatever order TensorFlow picks, every
 * update of a variable must be ordered against every other access to it in the iteration (a read
 * that could run on either side of an update would see the old or the new weights by chance).
 */
class StageOrderTest {

  private static final Set<String> WRITES = Set.of("ResourceApplyRMSProp", "AssignVariableOp",
      "AssignAddVariableOp", "AssignSubVariableOp");
  private static final Set<String> READS = Set.of("ReadVariableOp", "ResourceGather");

  private static GraphSpec spec(int members) {
    return spec(members, false);
  }

  private static GraphSpec spec(int members, boolean conditionalOverlap) {
    return spec(members, OptimizerSettings.paper().withConditionalOverlap(conditionalOverlap));
  }

  private static GraphSpec spec(int members, OptimizerSettings optimizer) {
    return new GraphSpec(4, 2, 12, 6,
        Architecture.defaults().withHiddenUnits(6).withMembers(members),
        LossWeights.paper(), optimizer.withAveragingEpochs(1), Ablation.full(), 1, 5L);
  }

  @Test
  void everyUpdateIsOrderedAgainstEveryOtherAccessToItsVariable() {
    for (boolean overlap : new boolean[] {false, true}) {
      // The pinned read is built per member as any other read: one member shows the overlap's order.
      for (int members : overlap ? new int[] {1} : new int[] {1, 2}) {
        try (Graph g = new Graph()) {
          HexaGanGraph.build(g, spec(members, overlap));
          // Ten (G_CG, D_CG) rounds, E, G_MI, D_MI, C and the weight averages; the warm-up's two critics.
          for (Map.Entry<String, Integer> scope : Map.of("iteration/", 100, "warmup/", 8).entrySet()) {
            int checked = checkScope(g, scope.getKey());
            assertTrue(checked >= scope.getValue() * members, scope.getKey() + ": updates checked " + checked);
          }
        }
      }
    }
  }

  /** Simultaneous conditional rounds keep every update ordered against every access to its variable. */
  @Test
  void simultaneousConditionalRoundsKeepEveryUpdateOrdered() {
    try (Graph g = new Graph()) {
      HexaGanGraph.build(g, spec(1, OptimizerSettings.paper().withConditionalOverlap(true)
          .withConditionalSimultaneous(true)));
      assertTrue(checkScope(g, "iteration/") >= 100);
    }
  }

  /**
   * In the authors' alternation D_CG's update of round k waits for G_CG's update of the same round;
   * with {@code conditionalSimultaneous} it waits only for the rounds before (its fake pairs come
   * from the G_CG that round started from), so a round's two updates run at once. G_CG's update of
   * round k waits for D_CG's of the rounds before in both.
   */
  @Test
  void simultaneousRoundsUpdateTheCriticFromTheGeneratorBeforeItsUpdate() {
    for (boolean simultaneous : new boolean[] {false, true}) {
      try (Graph g = new Graph()) {
        HexaGanGraph.build(g, spec(1, OptimizerSettings.paper().withConditionalSimultaneous(simultaneous)));
        Map<String, List<GraphOperation>> applies = new HashMap<>();
        Iterator<GraphOperation> it = g.operations();
        while (it.hasNext()) {
          GraphOperation op = it.next();
          if (op.name().startsWith("iteration/") && op.type().equals("ResourceApplyRMSProp")) {
            applies.computeIfAbsent(variable(op), k -> new ArrayList<>()).add(op);
          }
        }
        Set<String> generatorUpdates = names(applies, "conditional_generator_");
        Set<String> criticUpdates = names(applies, "conditional_critic_");
        assertEquals(40, generatorUpdates.size(), "G_CG's updates: ten of each of its four variables");
        assertEquals(40, criticUpdates.size(), "D_CG's updates: ten of each of its four variables");
        Ancestry ancestry = new Ancestry(g);
        for (Map.Entry<String, List<GraphOperation>> v : applies.entrySet()) {
          boolean critic = v.getKey().startsWith("conditional_critic_");
          if (!critic && !v.getKey().startsWith("conditional_generator_")) {
            continue;
          }
          for (GraphOperation apply : v.getValue()) {
            Set<String> before = ancestry.of(apply.name());
            // Rounds finished before this one: the updates of the same variable it waits for.
            long rounds = v.getValue().stream().filter(o -> before.contains(o.name())).count();
            long generatorRounds = before.stream().filter(generatorUpdates::contains).count() / 4;
            long criticRounds = before.stream().filter(criticUpdates::contains).count() / 4;
            if (critic) {
              assertEquals(simultaneous ? rounds : rounds + 1, generatorRounds,
                  apply.name() + ": G_CG rounds D_CG's round " + rounds + " waits for, simultaneous " + simultaneous);
            } else {
              assertEquals(rounds, criticRounds,
                  apply.name() + ": D_CG rounds G_CG's round " + rounds + " waits for, simultaneous " + simultaneous);
            }
          }
        }
      }
    }
  }

  private static Set<String> names(Map<String, List<GraphOperation>> applies, String prefix) {
    Set<String> names = new HashSet<>();
    applies.forEach((v, ops) -> {
      if (v.startsWith(prefix)) {
        ops.forEach(o -> names.add(o.name()));
      }
    });
    return names;
  }

  /**
   * With {@code conditionalOverlap} D_MI's and C's updates read G_CG from before its conditional
   * updates and so wait for none of them (the ten rounds then run beside every other stage);
   * without it, in the authors' order, they wait for all of them.
   */
  @Test
  void conditionalOverlapFreesTheCriticAndClassifierUpdatesFromTheGeneratorUpdates() {
    for (boolean overlap : new boolean[] {false, true}) {
      try (Graph g = new Graph()) {
        HexaGanGraph.build(g, spec(1, overlap));
        List<GraphOperation> applies = new ArrayList<>();
        Set<String> generatorUpdates = new HashSet<>();
        Iterator<GraphOperation> it = g.operations();
        while (it.hasNext()) {
          GraphOperation op = it.next();
          if (op.name().startsWith("iteration/") && op.type().equals("ResourceApplyRMSProp")) {
            applies.add(op);
            if (variable(op).startsWith("conditional_generator_")) {
              generatorUpdates.add(op.name());
            }
          }
        }
        assertEquals(40, generatorUpdates.size(), "G_CG's updates: ten of each of its four variables");
        Ancestry ancestry = new Ancestry(g);
        int checked = 0;
        for (GraphOperation apply : applies) {
          String v = variable(apply);
          if (!v.startsWith("imputation_critic_") && !v.startsWith("classifier_")) {
            continue;
          }
          long waitedFor = ancestry.of(apply.name()).stream().filter(generatorUpdates::contains).count();
          assertEquals(overlap ? 0 : generatorUpdates.size(), waitedFor,
              apply.name() + " (" + v + ") waits for this many of G_CG's updates, overlap " + overlap);
          checked++;
        }
        assertTrue(checked >= 8, "D_MI and C updates checked: " + checked);
      }
    }
  }

  /**
   * One run of the iteration op runs every update of the iteration, and a stage reads a network
   * anew only after an update of it: each weight is read once before its first update, once after
   * each update, and once by the weight average, so at most twice more often than it is updated.
   * Without the reuse G_MI's weights, which only the imputer's stage updates, would be read in every
   * stage that uses G_MI (14 of them).
   */
  @Test
  void oneRunUpdatesEverythingAndEachWeightIsReadOnlyAfterItsUpdates() {
    for (int members : new int[] {1, 2}) {
      try (Graph g = new Graph()) {
        HexaGanGraph graph = HexaGanGraph.build(g, spec(members));
        Set<String> run = new Ancestry(g).of(graph.trainIteration().op().name());
        Map<String, Integer> reads = new HashMap<>();
        Map<String, Integer> updates = new HashMap<>();
        Iterator<GraphOperation> it = g.operations();
        while (it.hasNext()) {
          GraphOperation op = it.next();
          if (!op.name().startsWith("iteration/")) {
            continue;
          }
          if (op.type().equals("ResourceApplyRMSProp")) {
            assertTrue(run.contains(op.name()), op.name() + " does not run with the iteration");
            updates.merge(variable(op), 1, Integer::sum);
          } else if (op.type().equals("ReadVariableOp")) {
            reads.merge(variable(op), 1, Integer::sum);
          }
        }
        assertTrue(updates.size() >= 16 * members, "updated variables: " + updates.size());
        for (Map.Entry<String, Integer> u : updates.entrySet()) {
          int r = reads.getOrDefault(u.getKey(), 0);
          assertTrue(r <= u.getValue() + 2, u.getKey() + ": read " + r + " times, updated " + u.getValue());
        }
      }
    }
  }

  /** Asserts the property for the ops under {@code scope}; returns how many updates it checked. */
  private static int checkScope(Graph g, String scope) {
    Map<String, List<GraphOperation>> accesses = new HashMap<>();
    List<GraphOperation> writes = new ArrayList<>();
    Iterator<GraphOperation> it = g.operations();
    while (it.hasNext()) {
      GraphOperation op = it.next();
      if (!op.name().startsWith(scope)) {
        continue;
      }
      boolean write = WRITES.contains(op.type());
      if (write || READS.contains(op.type())) {
        accesses.computeIfAbsent(variable(op), k -> new ArrayList<>()).add(op);
      }
      if (write) {
        writes.add(op);
      }
    }
    Ancestry ancestry = new Ancestry(g);
    for (GraphOperation w : writes) {
      for (GraphOperation other : accesses.get(variable(w))) {
        if (other == w || other.name().equals(w.name())) {
          continue;
        }
        boolean ordered = ancestry.of(other.name()).contains(w.name()) || ancestry.of(w.name()).contains(other.name());
        assertTrue(ordered, w.type() + " " + w.name() + " and " + other.type() + " " + other.name()
            + " access " + variable(w) + " in no fixed order");
      }
    }
    return writes.size();
  }

  /** The variable handle op an access reads or writes through (its first input). */
  private static String variable(GraphOperation op) {
    return op.input(0).op().name();
  }

  /** Every op's parents through data and control edges, read from the graph once; ancestors memoised. */
  private static final class Ancestry {
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, Set<String>> memo = new HashMap<>();

    Ancestry(Graph g) {
      Iterator<GraphOperation> it = g.operations();
      while (it.hasNext()) {
        GraphOperation op = it.next();
        List<String> p = new ArrayList<>();
        for (GraphOperation c : op.controlInputs()) {
          p.add(c.name());
        }
        for (Operand<?> in : op.inputs()) {
          p.add(in.op().name());
        }
        parents.put(op.name(), p);
      }
    }

    /** Every op {@code op} depends on. */
    Set<String> of(String op) {
      Set<String> known = memo.get(op);
      if (known != null) {
        return known;
      }
      Set<String> seen = new HashSet<>();
      Deque<String> todo = new ArrayDeque<>(List.of(op));
      while (!todo.isEmpty()) {
        for (String p : parents.get(todo.pop())) {
          if (seen.add(p)) {
            todo.push(p);
          }
        }
      }
      memo.put(op, seen);
      return seen;
    }
  }
}
