package io.hexagan.cli;

import io.hexagan.serve.ServeBenchmark;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan serve-bench}. */
@Command(
    name = "serve-bench",
    mixinStandardHelpOptions = true,
    description = {"Load benchmark of a running server: throughput and p50/p99 latency of :predict requests.",
        "Sends a bounded number of requests of complete rows per batch size from a few client threads to hexagan "
            + "serve (or TF Serving) and prints requests/s, rows/s and latency percentiles."},
    showDefaultValues = true,
    footer = {"", "Example:", "  hexagan serve-bench --name patients --batches 1,256 --clients 4"})
final class ServeBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--url", paramLabel = "<url>", defaultValue = "http://127.0.0.1:8501", description = "The server.")
  URI url;

  @Option(names = "--name", required = true, paramLabel = "<name>", description = "NAME in /v1/models/NAME.")
  String name;

  @Option(names = "--signature", paramLabel = "<key>", defaultValue = "classify",
      description = "Signature with inputs x and mask.")
  String signature;

  @Option(names = "--batches", split = ",", paramLabel = "<rows>", defaultValue = "1,256", description = "Rows per request.")
  List<Integer> batches;

  @Option(names = "--clients", paramLabel = "<n>", defaultValue = "4", description = "Client threads.")
  int clients;

  @Option(names = "--requests", paramLabel = "<n>", defaultValue = "2000", description = "Timed requests per batch size.")
  int requests;

  @Option(names = "--warmup", paramLabel = "<n>", defaultValue = "100", description = "Untimed requests per batch size first.")
  int warmup;

  @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "30", description = "Longest a request may take.")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    ServeBenchmark.Settings settings;
    try {
      settings = new ServeBenchmark.Settings(url, name, signature, batches, clients, requests, warmup,
          Duration.ofSeconds(timeoutSeconds), 1);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    int d = ServeBenchmark.features(settings);
    out.printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
    out.printf("server: %s, model %s, signature %s, d = %d, %d client threads, %d timed requests per batch size%n",
        url, name, signature, d, clients, requests);
    out.println("| rows/request | body KiB | requests/s | rows/s | p50 ms | p99 ms | max ms | failed | seconds |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    out.flush();
    for (ServeBenchmark.Result r : ServeBenchmark.run(settings)) {
      out.printf(Locale.ROOT, "| %d | %.1f | %,.0f | %,.0f | %.2f | %.2f | %.2f | %d | %.1f |%n", r.batch(),
          r.bodyBytes() / 1024.0, r.requestsPerSecond(), r.rowsPerSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(),
          r.failures(), r.seconds());
      out.flush();
    }
    return 0;
  }
}
