/**
 * The {@code hexagan} command line (picocli): parses arguments, calls the library, prints. Every
 * subcommand is a {@code Callable<Integer>}; errors reach one handler in {@link
 * io.hexagan.cli.Main}, which prints one line to standard error and sets the exit code (0 success,
 * 1 bad data or a failed run, 2 bad usage). Only {@code Main.main} calls {@code System.exit}.
 */
package io.hexagan.cli;
