package io.layercount.core.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The printed arguments of a layer, e.g. {@code 3, 64, kernel_size=(7, 7), bias=False}.
 *
 * <p>Parsed leniently: top-level commas separate items (brackets and quotes are respected); an item
 * {@code key=value}, {@code key = value} or {@code key: value} is named, anything else positional. The
 * legacy arrow {@code 512 -> 1000} gives two positional items. The raw text is kept.
 *
 * @param raw the text as printed (several extra-repr lines joined by {@code ", "})
 * @param positional unnamed items in order
 * @param named named items in order
 */
public record Arguments(String raw, List<String> positional, Map<String, String> named) {
  /** No arguments printed. */
  public static final Arguments NONE = new Arguments("", List.of(), Map.of());

  /**
   * Copies the collections, so that the record stays immutable. Where the raw text is exactly the
   * items written out again ({@link #raw()}), as PyTorch prints nearly every layer, it is not kept:
   * a model of a million layers held a copy of each distinct text beside its parsed items, a sixth
   * of the memory its analysis took.
   */
  public Arguments {
    positional = List.copyOf(positional);
    named = NamedArguments.copyOf(named);
    if (raw != null && isWritten(raw, positional, (NamedArguments) named)) {
      raw = null;
    }
  }

  /**
   * The text as printed: kept where it differs from the items written out again, else written
   * out: the positional items, then the named ones as {@code key=value}, joined by {@code ", "}.
   */
  @Override
  public String raw() {
    return raw != null ? raw : written(positional, (NamedArguments) named);
  }

  /**
   * As a record's own: the fields compared, the raw text as kept. Written out because the record's
   * is linked on its first call (an {@code invokedynamic} of {@code ObjectMethods}), which took 5 to
   * 10 ms of a short run's start, on both of its threads at once.
   */
  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof Arguments a && Objects.equals(raw, a.raw)
        && positional.equals(a.positional) && named.equals(a.named);
  }

  /** As a record's own: each field's hash in turn, the sum so far times 31 plus the next. */
  @Override
  public int hashCode() {
    return (31 * Objects.hashCode(raw) + positional.hashCode()) * 31 + named.hashCode();
  }

  /** {@code Arguments[raw=..., positional=..., named=...]}, with the text as printed. */
  @Override
  public String toString() {
    return "Arguments[raw=" + raw() + ", positional=" + positional + ", named=" + named + "]";
  }

  /** The items written out: the positional ones, then {@code key=value}, joined by {@code ", "}. */
  private static String written(List<String> positional, NamedArguments named) {
    int items = positional.size() + named.size();
    if (items == 0) {
      return "";
    }
    int length = 2 * (items - 1);
    for (int i = 0; i < positional.size(); i++) {
      length += positional.get(i).length();
    }
    for (int i = 0; i < named.size(); i++) {
      length += named.key(i).length() + 1 + named.value(i).length();
    }
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < items; i++) {
      if (i > 0) {
        out.append(", ");
      }
      if (i < positional.size()) {
        out.append(positional.get(i));
      } else {
        int k = i - positional.size();
        out.append(named.key(k)).append('=').append(named.value(k));
      }
    }
    return out.toString();
  }

  /** Whether {@code raw} is exactly {@link #written} of the items, compared in place with nothing made. */
  private static boolean isWritten(String raw, List<String> positional, NamedArguments named) {
    int items = positional.size() + named.size();
    int at = 0;
    for (int i = 0; i < items && at >= 0; i++) {
      if (i > 0) {
        at = matches(raw, at, ", ");
      }
      if (i < positional.size()) {
        at = matches(raw, at, positional.get(i));
      } else {
        int k = i - positional.size();
        at = matches(raw, matches(raw, matches(raw, at, named.key(k)), "="), named.value(k));
      }
    }
    return at == raw.length();
  }

  /** Where {@code part} ends when {@code text} holds it at {@code at}, or -1 (as also for {@code at} -1). */
  private static int matches(String text, int at, String part) {
    return at >= 0 && part != null && text.startsWith(part, at) ? at + part.length() : -1;
  }

  /** Parses printed argument text; never fails. */
  public static Arguments parse(String text) {
    if (text == null || text.isBlank()) {
      return text == null ? NONE : new Arguments(text, List.of(), Map.of());
    }
    Items items = ITEMS.get();
    items.clear();
    // one pass, by index: splitting, trimming and rescanning each item made a substring per step,
    // and this runs for every layer of every printout
    int n = text.length();
    int depth = 0;
    char quote = 0;
    int start = 0;
    int arrow = -1;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        if (c == ',') {
          addItem(text, start, i, arrow, items);
          start = i + 1;
          arrow = -1;
        } else if (c == '-' && arrow < 0 && i + 1 < n && text.charAt(i + 1) == '>') {
          arrow = i;
        }
      }
    }
    addItem(text, start, n, arrow, items);
    return new Arguments(text, items.positional(), items.named.buildAndReset());
  }

  /**
   * The items of the layer being parsed, in buffers each thread keeps for every layer it parses: a
   * list and a builder per layer were a tenth of what a large printout's analysis allocated.
   */
  private static final class Items {
    private String[] positional = new String[4];
    private int count;
    final NamedArguments.Builder named = new NamedArguments.Builder();

    void clear() {
      Arrays.fill(positional, 0, count, null);
      count = 0;
      named.buildAndReset();
    }

    void add(String item) {
      if (count == positional.length) {
        positional = Arrays.copyOf(positional, 2 * count);
      }
      positional[count++] = item;
    }

    /** The positional items so far, as an immutable list of their own, and the buffer emptied. */
    List<String> positional() {
      List<String> list = switch (count) {
        case 0 -> List.of();
        case 1 -> List.of(positional[0]);
        case 2 -> List.of(positional[0], positional[1]);
        default -> List.of(Arrays.copyOf(positional, count));
      };
      Arrays.fill(positional, 0, count, null);
      count = 0;
      return list;
    }
  }

  private static final ThreadLocal<Items> ITEMS = ThreadLocal.withInitial(Items::new);

  /**
   * Adds the item {@code text[from, to)}, trimmed: the legacy arrow {@code a -> b} (at {@code arrow},
   * the first outside brackets and quotes, or -1) gives two positional items, {@code key=value} a
   * named one (the first of a key wins), anything else one positional item.
   */
  private static void addItem(String text, int from, int to, int arrow, Items items) {
    int start = skipBlank(text, from, to);
    int end = trimEnd(text, start, to);
    if (start == end) {
      return;
    }
    if (arrow > start) {
      items.add(trimmed(text, start, arrow));
      items.add(trimmed(text, arrow + 2, end));
      return;
    }
    int sep = keySeparator(text, start, end);
    if (sep > 0) {
      items.named.putIfAbsent(part(text, start, trimEnd(text, start, sep)), trimmed(text, sep + 1, end));
    } else {
      items.add(part(text, start, end));
    }
  }

  /**
   * The keys torch.nn prints and the values it prints most, each kept once: a printout of a
   * million layers holds several million of them, and a separate copy of each was a third of the
   * memory its model took.
   */
  private static final Map<String, String> COMMON = common(
      "in_features", "out_features", "in_channels", "out_channels", "kernel_size", "stride", "padding",
      "dilation", "groups", "bias", "padding_mode", "output_padding", "eps", "momentum", "affine",
      "track_running_stats", "elementwise_affine", "normalized_shape", "num_features", "num_groups",
      "num_channels", "inplace", "p", "approximate", "dim", "output_size", "ceil_mode", "count_include_pad",
      "num_embeddings", "embedding_dim", "padding_idx", "batch_first", "bidirectional", "num_layers",
      "dropout", "negative_slope", "start_dim", "end_dim", "scale_factor", "mode", "size", "value",
      "True", "False", "None", "0", "1", "2", "0.0", "0.1", "1e-05", "1e-06", "1e-12", "'none'", "'tanh'",
      "'zeros'", "(0, 0)", "(1, 1)", "(2, 2)", "(3, 3)", "(5, 5)", "(7, 7)", "(1,)", "(3,)", "(0,)", "(1, 1, 1)",
      "(3, 3, 3)", "(0, 0, 0)");

  private static Map<String, String> common(String... texts) {
    Map<String, String> map = new HashMap<>();
    for (String t : texts) {
      map.put(t, t);
    }
    return Map.copyOf(map);
  }

  /**
   * {@link #COMMON} again, to be looked up by a part of a text without cutting it out first: open
   * addressing on {@link String#hashCode()}, and a filter on length and first character so that a
   * part no common string can be (a width such as {@code 65}) is not even hashed.
   */
  private static final String[] COMMON_SLOTS;
  private static final int MAX_COMMON_LENGTH = 24;
  /** Bit {@code c} of entry {@code length}: some common string of that length starts with {@code c} (ASCII). */
  private static final long[][] COMMON_STARTS = new long[MAX_COMMON_LENGTH + 1][2];

  static {
    int size = Integer.highestOneBit(COMMON.size() * 4 - 1) << 1;
    COMMON_SLOTS = new String[size];
    for (String t : COMMON.keySet()) {
      if (t.length() > MAX_COMMON_LENGTH || t.charAt(0) >= 128) {
        throw new IllegalStateException("a common argument text must be short ASCII: " + t);
      }
      int slot = slot(t.hashCode());
      while (COMMON_SLOTS[slot] != null) {
        slot = (slot + 1) & (size - 1);
      }
      COMMON_SLOTS[slot] = t;
      char first = t.charAt(0);
      COMMON_STARTS[t.length()][first >> 6] |= 1L << (first & 63);
    }
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (COMMON_SLOTS.length - 1);
  }

  /** The common string equal to {@code text[from, to)}, or {@code null}. */
  private static String commonPart(String text, int from, int to) {
    int length = to - from;
    if (length == 0 || length > MAX_COMMON_LENGTH) {
      return null;
    }
    char first = text.charAt(from);
    if (first >= 128 || (COMMON_STARTS[length][first >> 6] & 1L << (first & 63)) == 0) {
      return null;
    }
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    for (int slot = slot(hash); COMMON_SLOTS[slot] != null; slot = (slot + 1) & (COMMON_SLOTS.length - 1)) {
      String known = COMMON_SLOTS[slot];
      if (known.length() == length && known.hashCode() == hash && text.regionMatches(from, known, 0, length)) {
        return known;
      }
    }
    return null;
  }

  /**
   * {@code text[from, to)}, shared where it is a common key or value or a number ({@link #number}),
   * cut out only where it is not.
   */
  private static String part(String text, int from, int to) {
    String known = commonPart(text, from, to);
    if (known == null) {
      known = number(text, from, to);
    }
    return known != null ? known : text.substring(from, to);
  }

  /**
   * The numbers below {@value #SMALL_NUMBERS} as printed ({@code 64}, {@code 768}), each kept once
   * when first met: the widths a layer prints are such numbers, most of them repeated across a
   * model and across models, and a copy of each was a tenth of the memory a large model took.
   * Filled as they are met (a string is immutable, so a slot written twice holds equal texts).
   */
  private static final int SMALL_NUMBERS = 10_000;

  private static final String[] NUMBERS = new String[SMALL_NUMBERS];

  /**
   * The larger numbers met last (5 to 18 digits), by value modulo the slots: a model's large widths
   * ({@code 11008}, {@code 50257}) repeat in texts that differ otherwise, mostly on lines close
   * together, and a printout of a million modules of distinct widths held a copy of each number
   * per text that printed it (a fifth of the objects its analysis kept). A slot holds the last
   * number of its residue read anywhere; as for {@link #NUMBERS}, a slot written by two threads
   * at once holds either text, each a whole string.
   */
  private static final int RECENT_NUMBERS = 4096;

  private static final String[] RECENT = new String[RECENT_NUMBERS];

  /**
   * The shared text of {@code text[from, to)} when it is a number as Python prints it (no sign, no
   * leading zero): below {@value #SMALL_NUMBERS} the one kept for good, else the one met last with
   * that value's slot where that is this number; {@code null} when it is no number.
   */
  private static String number(String text, int from, int to) {
    int length = to - from;
    if (length < 1 || length > 18 || length > 1 && text.charAt(from) == '0') {
      return null;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      value = 10 * value + c - '0';
    }
    if (value < SMALL_NUMBERS) {
      String known = NUMBERS[(int) value];
      if (known == null) {
        known = text.substring(from, to);
        NUMBERS[(int) value] = known;
      }
      return known;
    }
    int slot = (int) (value % RECENT_NUMBERS);
    String recent = RECENT[slot];
    if (recent == null || recent.length() != length || !text.regionMatches(from, recent, 0, length)) {
      recent = text.substring(from, to);
      RECENT[slot] = recent;
    }
    return recent;
  }

  /** {@code text[from, to)} as {@link String#trim()} would give it. */
  private static String trimmed(String text, int from, int to) {
    int start = skipBlank(text, from, to);
    return part(text, start, trimEnd(text, start, to));
  }

  private static int skipBlank(String text, int from, int to) {
    int i = from;
    while (i < to && text.charAt(i) <= ' ') {
      i++;
    }
    return i;
  }

  private static int trimEnd(String text, int from, int to) {
    int i = to;
    while (i > from && text.charAt(i - 1) <= ' ') {
      i--;
    }
    return i;
  }

  /** The named value, or {@code null}. */
  public String get(String key) {
    return named.get(key);
  }

  /** The positional item at {@code index}, or {@code null}. */
  public String positional(int index) {
    return index < positional.size() ? positional.get(index) : null;
  }

  /** A named value or else the positional item at {@code index}, as a whole number. */
  public OptionalLong longValue(String key, int index) {
    return parseLong(item(key, index));
  }

  /**
   * {@link #longValue} without an {@code OptionalLong}: the whole number, or {@code missing} where
   * there is none. The passes that read every layer's widths read them so, since a width past
   * 4,096 made an object each time it was read.
   */
  public long longValue(String key, int index, long missing) {
    long n = wholeNumber(item(key, index));
    return n < 0 ? missing : n;
  }

  /** The named value, or else the positional item at {@code index} (none where it is negative). */
  private String item(String key, int index) {
    String value = get(key);
    return value == null && index >= 0 ? positional(index) : value;
  }

  /** A boolean flag: {@code True/False}, {@code true/false}, {@code 1/0}; {@code fallback} if absent or odd. */
  public boolean flag(String key, boolean fallback) {
    String value = get(key);
    if (value == null) {
      return fallback;
    }
    switch (value.trim()) {
      case "True": case "true": case "1":
        return true;
      case "False": case "false": case "0": case "None":
        return false;
      default:
        return fallback;
    }
  }

  /**
   * The integers of a tuple such as {@code (3, 3)}, {@code (4,)} or a lone {@code 3}; empty when the
   * value is absent or not numeric.
   */
  public static long[] tuple(String value) {
    if (value == null) {
      return new long[0];
    }
    // by index, without splitting: every convolution's kernel and stride are read this way
    int from = 0;
    int to = value.length();
    while (from < to && value.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && value.charAt(to - 1) <= ' ') {
      to--;
    }
    if (to - from >= 2 && (value.charAt(from) == '(' && value.charAt(to - 1) == ')'
        || value.charAt(from) == '[' && value.charAt(to - 1) == ']')) {
      from++;
      to--;
    }
    // sized by the commas, so that the usual tuple (every item a number) needs no copy
    int items = 1;
    for (int i = from; i < to; i++) {
      if (value.charAt(i) == ',') {
        items++;
      }
    }
    long[] out = new long[items];
    int count = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i < to && value.charAt(i) != ',') {
        continue;
      }
      int a = start;
      int b = i;
      start = i + 1;
      while (a < b && value.charAt(a) <= ' ') {
        a++;
      }
      while (b > a && value.charAt(b - 1) <= ' ') {
        b--;
      }
      if (a == b) {
        continue;
      }
      long n = digits(value, a, b);
      if (n < 0) {
        return new long[0];
      }
      out[count++] = n;
    }
    return count == out.length ? out : Arrays.copyOf(out, count);
  }

  /**
   * The value of the decimal digits {@code s[from, to)} as {@link #parseLong} reads them (1 to 18
   * of them, no sign), or -1 when they are not: a whole number read in place, with nothing made.
   */
  public static long digits(String s, int from, int to) {
    if (to <= from || to - from > 18) {
      return -1;
    }
    long n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** A plain decimal integer (underscores and thousands separators are not accepted), if it fits 63 bits. */
  public static OptionalLong parseLong(String value) {
    long n = wholeNumber(value);
    if (n < 0) {
      return OptionalLong.empty();
    }
    return n < SMALL.length ? SMALL[(int) n] : recentAnswer(n);
  }

  /** What {@link #parseLong} reads from {@code value}, or -1 where it reads nothing. */
  private static long wholeNumber(String value) {
    if (value == null) {
      return -1;
    }
    int from = skipBlank(value, 0, value.length());
    int to = trimEnd(value, from, value.length());
    return from == to ? -1 : digits(value, from, to);
  }

  /**
   * The answers for the widths, kernels and counts printed most (0 to 4096): every layer's sizes are
   * read several times, and a new {@code OptionalLong} each time was 2 % of all allocation.
   */
  private static final OptionalLong[] SMALL = new OptionalLong[4097];

  /**
   * The larger answers read last, by value modulo the slots, as {@link #RECENT} keeps the numbers'
   * texts: a model's widths repeat from one layer to the next, and a tree of a million layers of
   * distinct widths held an answer per width read (1.18 million for 200,000 widths, kept by the
   * stream-width nodes). Two threads writing one slot at once leave either answer, each whole.
   */
  private static final OptionalLong[] RECENT_ANSWERS = new OptionalLong[RECENT_NUMBERS];

  /** {@code OptionalLong.of(n)}, the one read last with its slot where that is {@code n}. */
  private static OptionalLong recentAnswer(long n) {
    int slot = (int) (n % RECENT_NUMBERS);
    OptionalLong known = RECENT_ANSWERS[slot];
    if (known == null || known.getAsLong() != n) {
      known = OptionalLong.of(n);
      RECENT_ANSWERS[slot] = known;
    }
    return known;
  }

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = OptionalLong.of(i);
    }
  }

  /**
   * The index of the {@code =} or {@code :} after a key in the trimmed item {@code text[from, to)},
   * or -1 where a bracket or quote comes first or what precedes is no key.
   */
  private static int keySeparator(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '=' || c == ':') {
        return i > from && isKey(text, from, trimEnd(text, from, i)) ? i : -1;
      }
      if (c == '(' || c == '[' || c == '{' || c == '\'' || c == '"') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isKey(String s, int from, int to) {
    if (from >= to || !(Character.isLetter(s.charAt(from)) || s.charAt(from) == '_')) {
      return false;
    }
    for (int i = from + 1; i < to; i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }
}
