package io.layercount.core.testing;

/**
 * A summary as a training log holds it when it was printed through a logger line by line
 * ({@code model.summary(print_fn=logging.info)}): each of its lines after the logger's prefix, and
 * around it lines of other levels and a progress line with none. For the tests of every parser.
 */
public final class Logged {
  private Logged() {}

  /** {@code text} logged with {@code logging.basicConfig()}'s prefix, {@code INFO:root:}. */
  public static String byRoot(String text) {
    return log(text, false);
  }

  /** {@code text} logged with a time stamp and level ({@code 2024-03-01 12:00:00,007 - INFO - }), 7 ms apart. */
  public static String timeStamped(String text) {
    return log(text, true);
  }

  private static String log(String text, boolean stamped) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    int[] clock = {0};
    out.append(prefix("INFO", stamped, clock)).append("Loading data from /data/train\n");
    out.append(prefix("WARNING", stamped, clock)).append("Using a fallback tokenizer\n");
    out.append("Epoch progress: 0%|          | 0/100\n");
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      out.append(prefix("INFO", stamped, clock)).append(line).append('\n');
    }
    out.append(prefix("INFO", stamped, clock)).append("Starting training\n");
    out.append(prefix("ERROR", stamped, clock)).append("CUDA not available, using CPU\n");
    return out.toString();
  }

  private static String prefix(String level, boolean stamped, int[] clock) {
    if (!stamped) {
      return level + ":root:";
    }
    int ms = clock[0] += 7;
    return String.format("2024-03-01 12:%02d:%02d,%03d - %s - ", ms / 60_000 % 60, ms / 1000 % 60, ms % 1000, level);
  }
}
