package io.keydesk.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The classpath of this JVM as a child JVM needs it. A jar on {@code java.class.path} may only
 * carry a manifest whose {@code Class-Path} lists the real entries (Maven Surefire's booter jar, a
 * thin runnable jar with a {@code lib/} folder); those entries are followed, as the JVM itself
 * does.
 */
final class JavaClasspath {
  private JavaClasspath() {}

  /** The expanded classpath of the running JVM, in a form for {@code -cp} or {@code CLASSPATH}. */
  static String current() {
    Set<Path> entries = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        add(Path.of(entry).toAbsolutePath().normalize(), entries);
      }
    }
    return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
  }

  private static void add(Path entry, Set<Path> entries) {
    if (!entries.add(entry) || !Files.isRegularFile(entry)) {
      return;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      Manifest manifest = jar.getManifest();
      String classPath =
          manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (classPath == null) {
        return;
      }
      URI base = entry.getParent().toUri();
      for (String reference : classPath.trim().split("\\s+")) {
        add(Path.of(base.resolve(reference)).normalize(), entries);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the manifest of " + entry, e);
    }
  }
}
