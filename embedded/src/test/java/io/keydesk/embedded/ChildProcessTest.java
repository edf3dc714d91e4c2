package io.keydesk.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
  @TempDir Path dir;

  @Test
  void stopEndsTheProcessAndItsChildren() throws Exception {
    Path log = dir.resolve("shell.log");
    ChildProcess shell =
        ChildProcess.builder("shell", List.of("sh", "-c", "echo started; sleep 300 & wait"))
            .logFile(log)
            .start();
    awaitLine(log, "started");
    List<ProcessHandle> children = ProcessHandle.of(shell.pid()).orElseThrow().children().toList();
    assertEquals(1, children.size(), "sh started one sleep");

    shell.stop();

    assertFalse(shell.isAlive());
    assertFalse(children.get(0).isAlive(), "the sleep was stopped too");
  }

  @Test
  void theChildIsTheCommandItselfNotAWrapper() throws InterruptedException {
    try (ChildProcess sleep =
        ChildProcess.builder("sleep", List.of("sleep", "300"))
            .logFile(dir.resolve("s.log"))
            .start()) {
      // setsid, when present, replaces itself with the command (same pid) a moment after start.
      String command = "";
      for (int i = 0; i < 40 && !command.endsWith("/sleep"); i++) {
        Thread.sleep(50);
        command = ProcessHandle.of(sleep.pid()).orElseThrow().info().command().orElse("");
      }
      assertTrue(command.endsWith("/sleep"), command);
      assertTrue(sleep.isAlive());
    }
  }

  @Test
  void aLeftoverFromAKilledRunIsStoppedBeforeStartingAgain() throws IOException {
    Path pidFile = dir.resolve("sleep.pid");
    ChildProcess first =
        ChildProcess.builder("sleep", List.of("sleep", "300"))
            .logFile(dir.resolve("first.log"))
            .pidFile(pidFile)
            .start();
    String pidLine = Files.readString(pidFile);
    ProcessHandle leftover = ProcessHandle.of(first.pid()).orElseThrow();

    // As if the JVM had been killed: the process runs on and its pid file stays.
    try (ChildProcess second =
        ChildProcess.builder("sleep", List.of("sleep", "300"))
            .logFile(dir.resolve("second.log"))
            .pidFile(writeBack(pidFile, pidLine))
            .start()) {
      assertFalse(leftover.isAlive(), "the leftover was stopped");
      assertTrue(second.isAlive());
    }
    first.stop();
    assertFalse(Files.exists(pidFile), "the pid file is removed on stop");
  }

  @Test
  void runReturnsTheExitCode() {
    int exitCode =
        ChildProcess.builder("false", List.of("sh", "-c", "exit 3"))
            .logFile(dir.resolve("false.log"))
            .run(Duration.ofSeconds(30));
    assertEquals(3, exitCode);
  }

  private static Path writeBack(Path pidFile, String content) throws IOException {
    return Files.writeString(pidFile, content);
  }

  private static void awaitLine(Path log, String line) throws Exception {
    for (int i = 0; i < 100 && !(Files.exists(log) && Files.readString(log).contains(line)); i++) {
      Thread.sleep(50);
    }
  }
}
