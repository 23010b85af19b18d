package io.layercount.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The load average of the machine, so that noisy figures say they are. */
final class LoadAverage {
  private LoadAverage() {}

  /** {@code /proc/loadavg}'s 1, 5 and 15 minute averages, or "unknown". */
  static String now() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
