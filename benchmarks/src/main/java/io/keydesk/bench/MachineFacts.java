package io.keydesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the results depend on: the machine, the JVM, the code, and how busy the machine was. */
public record MachineFacts(
    String nproc,
    String cpuModel,
    String memory,
    String kernel,
    String date,
    String java,
    String commit,
    String loadAverage) {

  public static MachineFacts collect(Path repository) {
    return new MachineFacts(
        command(repository, "nproc"),
        firstValue(Path.of("/proc/cpuinfo"), "model name"),
        String.format(
            "%.1f GiB",
            Long.parseLong(firstValue(Path.of("/proc/meminfo"), "MemTotal").replaceAll("\\D", ""))
                / 1024.0
                / 1024.0),
        read(Path.of("/proc/sys/kernel/osrelease")).trim(),
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        commit(repository),
        String.join(
            " ", List.of(read(Path.of("/proc/loadavg")).trim().split("\\s+")).subList(0, 3)));
  }

  private static String commit(Path repository) {
    String head = command(repository, "git", "rev-parse", "--short", "HEAD");
    String changes = command(repository, "git", "status", "--porcelain");
    return changes.isBlank() ? head : head + " + uncommitted changes";
  }

  private static String firstValue(Path file, String key) {
    try (var lines = Files.lines(file)) {
      return lines
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String command(Path workingDirectory, String... command) {
    try {
      Process process =
          new ProcessBuilder(List.of(command))
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return "?";
      }
      return out.trim();
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
