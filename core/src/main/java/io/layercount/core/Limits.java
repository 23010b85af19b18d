package io.layercount.core;

import java.util.Locale;

/**
 * How much input layercount accepts before it stops with a diagnostic, in the spirit of Jackson's
 * {@code StreamReadConstraints}: every limit guards time or memory against hostile or accidental
 * input (a binary file, a log of gigabytes, a generated model nested a million deep), and every one
 * can be raised. The defaults are far above anything a real summary prints.
 *
 * <p>Past a limit the result never silently looks complete: an input or a line too large, a model
 * nested too deep or holding too many layers gives an {@code error} diagnostic that names the limit
 * and how to raise it ({@link #howToRaise(String)}), and what was read past it is not counted as
 * exact. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * Limits limits = Limits.builder().maxInputChars(200_000_000).maxNestingDepth(5_000).build();
 * LayerCount lc = LayerCount.standard().withLimits(limits);
 * }</pre>
 *
 * @param maxInputChars characters of text one input may hold (a file larger than this is not read)
 * @param maxLineChars characters one line may hold; a longer line is left out and the counts are
 *     no longer exact
 * @param maxNestingDepth how deep modules may nest (the root is depth 0)
 * @param maxLayers module or layer entries one text may hold (a collapsed run is one entry)
 * @param maxNumberDigits digits a printed number may have; a longer one is not read
 * @param maxDiagnostics diagnostics kept per input; the rest are summed up in one last diagnostic
 */
public record Limits(
    int maxInputChars,
    int maxLineChars,
    int maxNestingDepth,
    int maxLayers,
    int maxNumberDigits,
    int maxDiagnostics) {

  /**
   * 20 million characters, as Jackson's longest string: a hundred times the longest printout of the
   * corpus, and an input this size is analysed within a 512 MiB heap (one of 46 million characters
   * was not).
   */
  public static final int DEFAULT_MAX_INPUT_CHARS = 20_000_000;
  /** 1 MiB characters: real table rows stay under a few thousand. */
  public static final int DEFAULT_MAX_LINE_CHARS = 1 << 20;
  /** Real models nest fewer than 30 levels. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 1_000;
  /** The largest printouts we know hold about 30,000 module lines. */
  public static final int DEFAULT_MAX_LAYERS = 1_000_000;
  /** As Jackson's {@code maxNumberLength}; a parameter count needs at most 19. */
  public static final int DEFAULT_MAX_NUMBER_DIGITS = 1_000;
  /** Enough for every line of a damaged table to be named, few enough to read. */
  public static final int DEFAULT_MAX_DIAGNOSTICS = 100;

  /** The defaults above. */
  public static final Limits DEFAULT = new Limits(DEFAULT_MAX_INPUT_CHARS, DEFAULT_MAX_LINE_CHARS,
      DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_LAYERS, DEFAULT_MAX_NUMBER_DIGITS, DEFAULT_MAX_DIAGNOSTICS);

  /** Every limit must be at least 1. */
  public Limits {
    positive("maxInputChars", maxInputChars);
    positive("maxLineChars", maxLineChars);
    positive("maxNestingDepth", maxNestingDepth);
    positive("maxLayers", maxLayers);
    positive("maxNumberDigits", maxNumberDigits);
    positive("maxDiagnostics", maxDiagnostics);
  }

  /**
   * The most bytes a text within {@link #maxInputChars()} can take: UTF-8 spends at most three bytes
   * on a character (four on a surrogate pair, which is two characters). A file or stream longer than
   * this is refused before it is decoded.
   */
  public int maxInputBytes() {
    return (int) Math.min(Integer.MAX_VALUE - 8, 3L * maxInputChars);
  }

  /** The error for an input of more than {@link #maxInputBytes()} bytes, which is not read. */
  public Diagnostic inputTooLarge() {
    return Diagnostic.error(0, 0, exceeded(String.format(Locale.ROOT,
        "the input is larger than %,d bytes, so it holds more characters than the limit allows",
        maxInputBytes()), "maxInputChars", maxInputChars) + "; nothing was read");
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder(DEFAULT);
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The message for a limit that was passed: what, how much, and how to raise it.
   *
   * @param what what was too large, e.g. {@code "line 12 has 2,000,000 characters"}
   * @param limit the component name, e.g. {@code "maxLineChars"}
   * @param value the limit's value
   */
  public static String exceeded(String what, String limit, long value) {
    return String.format(Locale.ROOT, "%s, more than the limit of %,d (%s): %s", what, value, limit,
        howToRaise(limit));
  }

  /** How a user raises {@code limit}: the command-line option and the builder method. */
  public static String howToRaise(String limit) {
    return "raise it with --" + optionName(limit) + " N or Limits.builder()." + limit + "(n)";
  }

  /** The command-line option for a limit: {@code maxInputChars} → {@code max-input-chars}. */
  public static String optionName(String limit) {
    StringBuilder sb = new StringBuilder();
    for (char c : limit.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('-').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }

  /** Builds {@link Limits}; every setter takes a value of at least 1. */
  public static final class Builder {
    private int maxInputChars;
    private int maxLineChars;
    private int maxNestingDepth;
    private int maxLayers;
    private int maxNumberDigits;
    private int maxDiagnostics;

    private Builder(Limits from) {
      maxInputChars = from.maxInputChars;
      maxLineChars = from.maxLineChars;
      maxNestingDepth = from.maxNestingDepth;
      maxLayers = from.maxLayers;
      maxNumberDigits = from.maxNumberDigits;
      maxDiagnostics = from.maxDiagnostics;
    }

    /** See {@link Limits#maxInputChars()}. */
    public Builder maxInputChars(int n) {
      maxInputChars = n;
      return this;
    }

    /** See {@link Limits#maxLineChars()}. */
    public Builder maxLineChars(int n) {
      maxLineChars = n;
      return this;
    }

    /** See {@link Limits#maxNestingDepth()}. */
    public Builder maxNestingDepth(int n) {
      maxNestingDepth = n;
      return this;
    }

    /** See {@link Limits#maxLayers()}. */
    public Builder maxLayers(int n) {
      maxLayers = n;
      return this;
    }

    /** See {@link Limits#maxNumberDigits()}. */
    public Builder maxNumberDigits(int n) {
      maxNumberDigits = n;
      return this;
    }

    /** See {@link Limits#maxDiagnostics()}. */
    public Builder maxDiagnostics(int n) {
      maxDiagnostics = n;
      return this;
    }

    /** The limits; throws {@link IllegalArgumentException} if one is below 1. */
    public Limits build() {
      return new Limits(maxInputChars, maxLineChars, maxNestingDepth, maxLayers, maxNumberDigits, maxDiagnostics);
    }
  }
}
