package io.hexagan.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A graph of several members ({@link Architecture#members()}): their names, weights and mean. */
class EnsembleGraphTest {
  private static final int D = 5;
  private static final int LABELED = 16;
  private static final int ROWS = 24;

  /**
   * Missing slots hold 0 and no noise, so each member's imputation is a function of its weights;
   * no G_CG and D_CG, to keep the graphs small.
   */
  private static GraphSpec spec(int members) {
    return new GraphSpec(D, 2, LABELED, ROWS - LABELED,
        Architecture.defaults().withHiddenUnits(8).withLinearSkip(true).withMembers(members),
        LossWeights.paper().withMissingNoiseScale(0), OptimizerSettings.paper().withAveragingEpochs(1),
        new Ablation(true, false, true), 1, 11L);
  }

  @Test
  void memberZeroKeepsThePlainNamesAndEveryOtherMemberHasAPrefixedCopy() {
    try (Graph g1 = new Graph(); Graph g3 = new Graph()) {
      HexaGanGraph one = HexaGanGraph.build(g1, spec(1));
      HexaGanGraph three = HexaGanGraph.build(g3, spec(3));
      Set<String> single = names(one.checkpointVariables());
      Set<String> ensemble = names(three.checkpointVariables());
      assertTrue(ensemble.containsAll(single), "member 0 is named as a one-member graph");
      // The step and the learning rates' scale are the graph's, not a member's.
      assertEquals(3 * (single.size() - 2) + 2, ensemble.size(),
          "three copies of everything but the step and the rates' scale");
      assertEquals(one.allNetworks().size() * 3, three.allNetworks().size());
      for (Network<TFloat32> n : one.networks()) {
        for (ResourceVariable<TFloat32> v : n.variables()) {
          for (String prefix : List.of("member1/", "member2/")) {
            assertTrue(networkVariableNames(three).contains(prefix + v.name()), prefix + v.name());
          }
        }
      }
    }
  }

  @Test
  void membersStartFromTheirOwnWeightsAndInferenceIsTheirMean() {
    GraphSpec spec = spec(2);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      HexaGanGraph h = HexaGanGraph.build(g, spec);
      Ops tf = Ops.create(g);
      int perMember = h.networks().size();
      List<ResourceVariable<TFloat32>> first = variables(h.allNetworks().subList(0, perMember));
      List<ResourceVariable<TFloat32>> second = variables(h.allNetworks().subList(perMember, 2 * perMember));
      assertEquals(first.size(), second.size());
      // Copies of each member's weights, and the assignments that put either copy into either member.
      List<ResourceVariable<TFloat32>> saved0 = copies(tf, first, "saved0/");
      List<ResourceVariable<TFloat32>> saved1 = copies(tf, second, "saved1/");
      Op save = group(tf, assign(tf, saved0, first), assign(tf, saved1, second));
      Op bothFirst = group(tf, assign(tf, second, saved0), List.of());
      Op bothSecond = group(tf, assign(tf, first, saved1), assign(tf, second, saved1));
      s.initialize();
      float[] w0 = DataFeeds.fetch(s, first.get(0).read(tf));
      float[] w1 = DataFeeds.fetch(s, second.get(0).read(tf));
      assertFalse(java.util.Arrays.equals(w0, w1), "each member draws its own initial weights");
      s.runner().addTarget(save).run();

      float[][] x = new float[6][D];
      float[][] m = new float[6][D];
      java.util.Random r = new java.util.Random(2);
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < D; j++) {
          x[i][j] = r.nextFloat();
          m[i][j] = (i + j) % 3 == 0 ? 0 : 1;
        }
      }
      float[][] mean = infer(s, h, x, m, true);
      float[][] meanProbabilities = infer(s, h, x, m, false);
      s.runner().addTarget(bothFirst).run();
      float[][] a = infer(s, h, x, m, true);
      float[][] pa = infer(s, h, x, m, false);
      s.runner().addTarget(bothSecond).run();
      float[][] b = infer(s, h, x, m, true);
      float[][] pb = infer(s, h, x, m, false);
      boolean differ = false;
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < D; j++) {
          assertEquals((a[i][j] + b[i][j]) / 2, mean[i][j], 1e-6, "imputation " + i + "," + j);
          differ |= m[i][j] == 0 && Math.abs(a[i][j] - b[i][j]) > 1e-4;
          if (m[i][j] > 0) {
            assertEquals(x[i][j], mean[i][j], "an observed cell is kept");
          }
        }
        for (int c = 0; c < 2; c++) {
          assertEquals((pa[i][c] + pb[i][c]) / 2, meanProbabilities[i][c], 1e-6, "probability " + i + "," + c);
        }
      }
      assertTrue(differ, "the two members impute differently, so the mean is not trivially either");
    }
  }

  private static float[][] infer(Session s, HexaGanGraph h, float[][] x, float[][] m, boolean imputed) {
    HexaGanGraph.Inference inf = h.inference();
    try (TFloat32 xt = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        TFloat32 mt = TFloat32.tensorOf(StdArrays.ndCopyOf(m));
        Result out = s.runner().feed(inf.values(), xt).feed(inf.mask(), mt)
            .fetch(imputed ? inf.imputed() : inf.probabilities()).run()) {
      return StdArrays.array2dCopyOf((TFloat32) out.get(0));
    }
  }

  private static List<ResourceVariable<TFloat32>> variables(List<Network<TFloat32>> networks) {
    List<ResourceVariable<TFloat32>> all = new ArrayList<>();
    networks.forEach(n -> all.addAll(n.variables()));
    return all;
  }

  private static List<ResourceVariable<TFloat32>> copies(Ops tf, List<ResourceVariable<TFloat32>> vs, String prefix) {
    List<ResourceVariable<TFloat32>> out = new ArrayList<>();
    Ops init = tf.withInitScope();
    for (ResourceVariable<TFloat32> v : vs) {
      out.add(ResourceVariable.create(tf, prefix + v.name(), v.type(), v.shape(),
          init.zeros(init.constant(v.shape()), v.type())));
    }
    return out;
  }

  private static List<Op> assign(Ops tf, List<ResourceVariable<TFloat32>> to, List<ResourceVariable<TFloat32>> from) {
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < to.size(); i++) {
      ops.add(tf.assignVariableOp(to.get(i).handle(), from.get(i).read(tf)));
    }
    return ops;
  }

  private static Op group(Ops tf, List<Op> a, List<Op> b) {
    List<Op> all = new ArrayList<>(a);
    all.addAll(b);
    return tf.withControlDependencies(all).noOp();
  }

  private static Set<String> names(List<ResourceVariable<?>> vs) {
    Set<String> out = new HashSet<>();
    vs.forEach(v -> out.add(v.name()));
    return out;
  }

  private static Set<String> networkVariableNames(HexaGanGraph h) {
    Set<String> out = new HashSet<>();
    h.allNetworks().forEach(n -> n.variables().forEach(v -> out.add(v.name())));
    return out;
  }

}
