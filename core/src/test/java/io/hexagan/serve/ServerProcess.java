package io.hexagan.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A server in a JVM of its own, for tests of what the JDK server reads once per JVM. Arguments: the
 * model directory, the number of threads, the body timeout in milliseconds, and a file to write
 * the port to; it serves "tiny" on 127.0.0.1 until its standard input ends.
 */
public final class ServerProcess {
  private ServerProcess() {}

  public static void main(String[] args) throws Exception {
    ServerSettings settings = ServerSettings.defaults("tiny").withPort(0).withThreads(Integer.parseInt(args[1]))
        .withBodyTimeout(Duration.ofMillis(Long.parseLong(args[2])));
    try (ModelServer server = ModelServer.start(SavedModelLoader.load(Path.of(args[0])), settings)) {
      Path port = Path.of(args[3]);
      Path written = Files.writeString(port.resolveSibling(port.getFileName() + ".part"),
          Integer.toString(server.address().getPort()));
      Files.move(written, port, StandardCopyOption.ATOMIC_MOVE);
      System.in.readAllBytes();
    }
  }
}
