package io.hexagan.cli;

import io.hexagan.savedmodel.ServingModel;
import io.hexagan.serve.ModelServer;
import io.hexagan.serve.SavedModelLoader;
import io.hexagan.serve.ServerSettings;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hexagan serve}. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {"Serves a model over TensorFlow Serving's REST API until Ctrl-C or SIGTERM.",
        "POST /v1/models/NAME:predict runs a signature (impute, classify, generate, serving_default) on row "
            + "(\"instances\") or columnar (\"inputs\") JSON; GET /v1/models/NAME answers the status and "
            + "GET /v1/models/NAME/metadata the signatures. On shutdown, requests in flight get --grace seconds to "
            + "finish."},
    showDefaultValues = true,
    footer = {"", "Example:", "  hexagan serve --model models/patients --name patients",
        "  curl -d '{\"instances\": [{\"x\": [1.5, 0, 3], \"mask\": [1, 0, 1]}]}' \\",
        "    http://127.0.0.1:8501/v1/models/patients:predict"})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "<dir>", description = "Model directory.")
  Path model;

  @Option(names = {"-p", "--port"}, paramLabel = "<port>", defaultValue = "8501",
      description = "TCP port (TF Serving's REST port by default; 0 picks a free one).")
  int port;

  @Option(names = "--name", paramLabel = "<name>",
      description = "NAME in /v1/models/NAME (default: the model directory's name).")
  String name;

  @Option(names = "--host", paramLabel = "<address>", defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 for every interface (e.g. in a container).")
  String host;

  @Option(names = "--threads", paramLabel = "<n>", description = "Request threads (default: 2 per core, at least 4).")
  Integer threads;

  @Option(names = "--max-body-mib", paramLabel = "<MiB>", defaultValue = "64",
      description = "Largest request body; a larger one gets HTTP 413.")
  int maxBodyMib;

  @Option(names = "--body-timeout", paramLabel = "<seconds>", defaultValue = "30",
      description = "How long a request body may take to arrive; a slower one gets HTTP 408 and its connection is "
          + "closed.")
  int bodyTimeoutSeconds;

  @Option(names = "--grace", paramLabel = "<seconds>", defaultValue = "10",
      description = "On shutdown, how long requests in flight may take to finish.")
  int graceSeconds;

  @Override
  public Integer call() throws Exception {
    String modelName = name != null ? name : model.toAbsolutePath().normalize().getFileName().toString();
    if (!ServerSettings.isValidName(modelName)) {
      throw new ParameterException(spec.commandLine(), (name != null ? "--name" : "the model directory's name")
          + " \"" + modelName + "\" cannot name a model in a URL: use letters, digits, '.', '_' and '-'"
          + (name != null ? "" : ", or set --name"));
    }
    ServerSettings settings;
    try {
      settings = ServerSettings.defaults(modelName).withHost(host).withPort(port)
          .withThreads(threads == null ? ServerSettings.defaultThreads() : threads)
          .withMaxBodyBytes((long) maxBodyMib << 20).withBodyTimeout(Duration.ofSeconds(bodyTimeoutSeconds))
          .withShutdownGrace(Duration.ofSeconds(graceSeconds));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ServingModel serving = SavedModelLoader.load(model);
    String signatures = String.join(", ", new TreeSet<>(serving.signatures().keySet()));
    ModelServer server;
    try {
      server = ModelServer.start(serving, settings);
    } catch (BindException e) {
      throw new IllegalArgumentException(host + ":" + port + ": cannot listen (" + e.getMessage() + "); choose another --port");
    } catch (UnresolvedAddressException e) {
      throw new IllegalArgumentException("--host " + host + ": no such address");
    }
    PrintWriter out = spec.commandLine().getOut();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      out.println("stopped serving " + modelName);
      out.flush();
    }, "hexagan-serve-shutdown"));
    out.printf("serving %s on %s (signatures %s); stop with Ctrl-C%n", modelName, server.modelUri(), signatures);
    out.flush();
    server.awaitClose();
    return 0;
  }
}
