package io.layercount.pytorch;

import io.layercount.core.Diagnostic;
import io.layercount.core.Limits;
import io.layercount.core.model.Arguments;
import io.layercount.core.spi.ElisionMark;
import io.layercount.core.spi.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every printout of a source in one pass, by indentation, with an explicit stack of open
 * blocks. A fresh reader per text: it holds the state of one reading.
 *
 * <p>Inside a block opened at indent {@code d}, a line indented further belongs to it (a child
 * {@code (key): ...} at {@code d + 2}, else one of its own lines); {@code )} at {@code d} closes it;
 * anything else at {@code d} or less means the block was never closed.
 */
final class PrintoutReader {
  private final List<Source.Line> lines;
  private final Limits limits;
  private final List<Printout> printouts = new ArrayList<>();
  private final List<Diagnostic> outsideDiagnostics = new ArrayList<>();
  private final IgnoredText ignored = new IgnoredText();

  /** The printout being read, or {@code null} between printouts. */
  private Current current;

  private PrintoutReader(Source source) {
    this.lines = source.lines();
    this.limits = source.limits();
  }

  /** Reads {@code source}. */
  static PrintoutReading read(Source source) {
    return new PrintoutReader(source).run();
  }

  private PrintoutReading run() {
    for (int i = 0; i < lines.size(); i++) {
      if (current == null) {
        readOutside(i);
      } else {
        readInside(i);
      }
    }
    if (current != null) {
      current.endTruncated(lines.get(current.lastIndex));
      finishPrintout();
    }
    if (printouts.isEmpty()) {
      Printout single = OneLinePrintout.of(lines);
      if (single != null) {
        printouts.add(single);
        return new PrintoutReading(printouts, List.of());
      }
    }
    int module = ignored.flush(printouts.isEmpty() ? IgnoredText.Place.NO_PRINTOUT : IgnoredText.Place.AFTER, lines,
        outsideDiagnostics);
    if (module >= 0 && !printouts.isEmpty()) {
      // the last printout's, as one before it would have been the next one's
      Printout last = printouts.get(printouts.size() - 1);
      List<Diagnostic> diagnostics = new ArrayList<>(last.diagnostics());
      diagnostics.add(IgnoredText.moduleOutside(lines.get(module)));
      printouts.set(printouts.size() - 1, new Printout(last.root(), last.firstLine(), last.lastLine(), last.legacy(),
          diagnostics));
    }
    if (printouts.isEmpty()) {
      outsideDiagnostics.add(Diagnostic.error(firstNonBlank(), 1,
          "no PyTorch printout found: no line like 'Net(' followed by '  (key): ...' lines"));
    }
    return new PrintoutReading(printouts, outsideDiagnostics);
  }

  private void readOutside(int i) {
    Source.Line line = lines.get(i);
    if (line.isBlank()) {
      return;
    }
    PrintoutStart start = PrintoutStart.at(lines, i);
    if (start == null) {
      ignored.add(i, line);
      return;
    }
    int module = ignored.flush(printouts.isEmpty() ? IgnoredText.Place.BEFORE : IgnoredText.Place.BETWEEN, lines,
        outsideDiagnostics);
    current = new Current(start, lines, line, limits);
    if (module >= 0) {
      current.diagnostics.add(IgnoredText.moduleOutside(lines.get(module)));
    }
  }

  private void readInside(int i) {
    Source.Line line = lines.get(i);
    String s = line.text();
    if (isElision(s)) {
      // the writer left modules out here ("..." between encoder layers 0 and 10): the printout goes on
      if (!current.elided) {
        current.elided = true;
        current.diagnostics.add(Diagnostic.error(line.number(), line.column(line.indent()), "'" + s.strip()
            + "': modules were left out of the printout here (the lines after it go on with the same blocks),"
            + " so the counts are lower bounds"));
      }
      current.lastIndex = i;
      return;
    }
    String prefix = current.prefix;
    if (!s.startsWith(prefix)) {
      // a line of the prefix alone, its trailing spaces cut ("##", a blank line of R's output)
      if (line.isBlank() || prefix.startsWith(s)) {
        current.pendingBlanks.add(i);
        return;
      }
      endUnclosed(i);
      return;
    }
    int from = prefix.length();
    // without a prefix the line's own indent serves (counted once, when the text was read)
    int ind = from == 0 ? line.indent() : LineSyntax.indent(s, from);
    if (from + ind >= s.length()) {
      current.pendingBlanks.add(i);
      return;
    }
    if (current.stopped) {
      skipPastLimit(i, line, from, ind);
      return;
    }
    if (current.opener == i) {
      current.lastIndex = i; // the "(" of the module on the line before, read with it
      return;
    }
    Frame top = current.stack.peek();
    while (ind <= top.indent) {
      if (ind == top.indent && LineSyntax.isCloser(s, from + ind)) {
        current.flushBlanks(top, lines);
        current.close(top, line, from + ind);
        current.lastIndex = i;
        if (current.stack.isEmpty()) {
          finishPrintout();
        }
        return;
      }
      current.diagnostics.add(Diagnostic.warning(line.number(), line.column(from + ind),
          "'" + top.node.typeName() + "' opened at line " + top.node.line() + " is never closed: it ends here"));
      current.stack.pop();
      if (current.stack.isEmpty()) {
        endUnclosed(i);
        return;
      }
      top = current.stack.peek();
    }
    current.flushBlanks(top, lines);
    if (i + 1 < lines.size() && s.charAt(from + ind) == '(' && s.charAt(s.length() - 1) != '('
        && isLoneOpener(lines.get(i + 1).text())) {
      // "(prompt_encoder): ModuleDict" with its "(" on a line of its own: one module's opener
      String joined = s + "(";
      if (LineSyntax.childText(joined, from + ind, new int[1]) != null) {
        current.opener = i + 1;
        current.diagnostics.add(Diagnostic.info(line.number(), line.column(s.length()), "read the '(' on line "
            + lines.get(i + 1).number() + " as this module's, which opens its block"));
        current.content(top, i, joined, from, ind);
        current.lastIndex = i;
        return;
      }
    }
    current.content(top, i, s, from, ind);
    current.lastIndex = i;
    if (current.joinedClosers > 0) {
      closeJoined(line);
    }
  }

  /**
   * Closes the blocks whose closing lines were joined onto the module line just read ({@code
   * bias=False)))}: two blocks), innermost first, as their own lines would have.
   */
  private void closeJoined(Source.Line line) {
    int closers = current.joinedClosers;
    current.joinedClosers = 0;
    if (!current.joinedSaid) {
      current.joinedSaid = true;
      current.diagnostics.add(Diagnostic.info(line.number(), line.column(line.text().length() - closers), "read the "
          + (closers == 1 ? "')'" : closers + " ')'") + " joined to the end of this line as the closing line"
          + (closers == 1 ? " of the block" : "s of the blocks") + " around it"));
    }
    for (int k = 0; k < closers && !current.stack.isEmpty() && current.stack.peek().closer == ')'; k++) {
      current.stack.peek().node.close();
      current.stack.pop();
    }
    if (current.stack.isEmpty()) {
      finishPrintout();
    }
  }

  /**
   * After a limit stopped the reading, the printout's lines are passed over (not kept: the limit is
   * there to bound memory) until the root closes or a line at its indent ends it.
   */
  private void skipPastLimit(int i, Source.Line line, int from, int ind) {
    Frame root = current.stack.peekLast();
    if (ind > root.indent) {
      current.lastIndex = i;
    } else if (ind == root.indent && LineSyntax.isCloser(line.text(), from + ind)) {
      current.lastIndex = i;
      current.stack.clear();
      finishPrintout();
    } else {
      current.stack.clear();
      finishPrintout();
      readOutside(i);
    }
  }

  /**
   * Whether {@code s} from {@code at} starts as a module's line ({@code (key): Type(}) and leaves a
   * parenthesis open, but opens no block at its end: the rest of the line is on the lines after it.
   * (A line that ends with {@code (} opens a module its arguments print, {@code
   * GlobalAttention(gate_nn=Sequential(}: the block's own text, as read.)
   */
  static boolean opensUnclosed(String s, int at) {
    int close = at < s.length() && s.charAt(at) == '(' ? s.indexOf("): ", at) : -1;
    if (close < 0 || s.endsWith("(") || s.endsWith("{")) {
      return false;
    }
    return typeOpens(s, close) >= 0 && LineSyntax.openParentheses(s) > 0; // the key's own "(key)" closes itself
  }

  /**
   * Where the {@code (} after the class name that follows the key ending at {@code close} ({@code
   * "): "}) stands, or -1 where no class name and {@code (} follow it.
   */
  private static int typeOpens(String s, int close) {
    int type = close + 3;
    int end = type;
    while (end < s.length() && LineSyntax.isTypePart(s.charAt(end))) {
      end++;
    }
    return end > type && end < s.length() && s.charAt(end) == '(' && LineSyntax.isTypeStart(s.charAt(type))
        ? end : -1;
  }

  /**
   * Whether {@code s} from {@code at} is a module's line whose arguments open another module's block
   * at its end ({@code (pool): GlobalAttention(gate_nn=Sequential(}, as PyTorch Geometric prints it).
   */
  static boolean printsModuleInArguments(String s, int at) {
    int text = afterKey(s, at);
    if (text < 0 || !s.endsWith("(")) {
      return false;
    }
    int open = typeOpens(s, text - "): ".length());
    return open >= 0 && open < s.length() - 1 && LineSyntax.openParentheses(s.substring(open)) >= 2;
  }

  /**
   * Whether the line at {@code at} is a child's key followed by words, not a module: {@code (2-5):
   * Sequential Layers (ResNet-50)}, {@code (encoder): TransformerEncoder with 6 layers}, {@code (pe):
   * Tensor of shape [1, 100, 256]}, as a writer shortens a printout by hand. A ParameterList's
   * {@code (0): Parameter containing: [...]} is what PyTorch prints there.
   */
  static boolean describesChild(String s, int at) {
    int word = afterKey(s, at);
    if (word < 0) {
      return false;
    }
    int end = word;
    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '.')) {
      end++;
    }
    return end > word && Character.isLetter(s.charAt(word)) && end + 1 < s.length() && s.charAt(end) == ' '
        && Character.isLetter(s.charAt(end + 1)) && !s.startsWith("Parameter containing", word);
  }

  /**
   * Whether the line at {@code at} is a child's key followed by text that is no module as PyTorch
   * prints one ({@code (mlp): FullyConnectedNet[64, 64, 64]}, {@code (act): Activation [x] (16x0e ->
   * 16x0e)}, e3nn's modules): a class whose {@code __repr__} is its own. Only a ParameterList's or
   * ParameterDict's {@code (0): Parameter containing: [...]} is PyTorch's own such line.
   */
  static boolean printsOwnRepr(String s, int at) {
    int text = afterKey(s, at);
    return text >= 0 && text < s.length() && !Character.isWhitespace(s.charAt(text))
        && !s.startsWith("Parameter containing", text);
  }

  /**
   * The index of the {@code ": "} ending a child's key that lost its {@code )} ({@code (0: Embedding(84546,
   * 300)}: a key of letters, digits, {@code _}, {@code .} and {@code -}, as PyTorch's keys and runs
   * are), or -1.
   */
  private static int keyWithoutCloser(String s, int at) {
    int colon = s.indexOf(": ", at + 1);
    if (colon <= at + 1) {
      return -1;
    }
    for (int k = at + 1; k < colon; k++) {
      char c = s.charAt(k);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '.' && c != '-') {
        return -1;
      }
    }
    return colon;
  }

  /**
   * Where the text after a child's key starts on the line at {@code at} ({@code (key): } with no
   * parenthesis inside the key), or -1 where the line starts no such key.
   */
  private static int afterKey(String s, int at) {
    int close = s.indexOf("): ", at);
    int open = s.indexOf('(', at + 1);
    return close < 0 || open >= 0 && open < close ? -1 : close + 3;
  }

  /** Whether {@code s} is only a mark that text was left out: {@code ...}, {@code …}, {@code ⋮}, {@code [...]}. */
  static boolean isElision(String s) {
    String t = s.strip();
    return ElisionMark.isDots(t) || t.equals("⋮") || t.equals("[...]") || t.equals(". . .") || t.equals("(...)");
  }

  /**
   * Whether a class's name says it is a whole model ({@code BloomForCausalLM}, {@code LlamaModel}):
   * such a class has layers, so printed with nothing inside ({@code BloomForCausalLM()}) it was
   * collapsed by hand.
   */
  static boolean namesAModel(String type) {
    if (type.length() > "Model".length() && type.endsWith("Model")) {
      return true;
    }
    int at = type.indexOf("For");
    return at > 0 && at + 3 < type.length() && Character.isUpperCase(type.charAt(at + 3));
  }

  /** Whether {@code t} is a {@code (} alone (its trailing spaces were cut): the last character looked at first. */
  private static boolean isLoneOpener(String t) {
    return !t.isEmpty() && t.charAt(t.length() - 1) == '(' && t.strip().equals("(");
  }

  /** The root was never closed and line {@code i} is not part of the printout. */
  private void endUnclosed(int i) {
    current.endTruncated(lines.get(current.lastIndex));
    finishPrintout();
    readOutside(i);
  }

  private void finishPrintout() {
    if (isPythonCall(current.root)) {
      // code around the printout (LoraConfig(\n    r=8,\n ...): text outside it, no model of its own
      for (int k = current.firstIndex; k <= current.lastIndex; k++) {
        ignored.add(k, lines.get(k));
      }
    } else {
      printouts.add(current.toPrintout(lines));
    }
    current = null;
  }

  /**
   * Whether a block read as a printout's root is a Python call written over several lines: no
   * child, and at least two lines of its own, each but the last ending in a comma (a call's
   * arguments, {@code r=8,} then {@code lora_alpha=32,}), comment lines aside. A module PyTorch
   * prints with lines of its own has children too, or writes its extra_repr on one line.
   */
  static boolean isPythonCall(ModuleNode root) {
    List<Entry> entries = root.entries();
    int own = 0;
    boolean commaEnded = true;
    for (Entry e : entries) {
      if (!(e instanceof Entry.Extra extra)) {
        return false;
      }
      String t = extra.text().strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (!commaEnded) {
        return false; // a line without its comma before another
      }
      commaEnded = t.endsWith(",");
      own++;
    }
    return own >= 2;
  }

  private int firstNonBlank() {
    for (Source.Line l : lines) {
      if (!l.isBlank()) {
        return l.number();
      }
    }
    return lines.isEmpty() ? 0 : 1;
  }

  /**
   * An open block, with the keys of its children so far: PyTorch prints each child once, so a key
   * printed again under one module means the text lost the line that opened another module (or
   * repeats a part of itself), and the counts of such a text are not its model's.
   */
  private static final class Frame {
    private static final String[] NO_NAMES = new String[0];
    /** Past this many keys that are not indices, they are kept in a set rather than scanned. */
    private static final int SCANNED = 16;

    final ModuleNode node;
    final int indent;
    final char closer;
    /** Parentheses the block's own lines opened and did not close (an argument printed over lines). */
    int openInText;
    /** The largest index key so far (the end of a run's range); -1 before the first. */
    private long lastIndex = -1;
    private String[] names = NO_NAMES;
    private int nameCount;
    /** Every key, once the index keys stop increasing or the other keys are many; else {@code null}. */
    private Set<String> all;

    Frame(ModuleNode node, int indent, char closer) {
      this.node = node;
      this.indent = indent;
      this.closer = closer;
    }

    /**
     * Whether {@code key} was printed before under this block; notes it. Index keys ({@code 3},
     * {@code 0-31}) that increase, as PyTorch prints them, are compared with the last alone.
     */
    boolean repeats(String key) {
      if (all != null) {
        return !all.add(key);
      }
      int dash = LineSyntax.rangeDash(key);
      long first = Arguments.digits(key, 0, dash < 0 ? key.length() : dash);
      long last = dash < 0 ? first : Arguments.digits(key, dash + 1, key.length());
      if (first >= 0 && last >= first) {
        if (first > lastIndex) {
          lastIndex = last;
          return false;
        }
        return keepAll(key);
      }
      for (int i = 0; i < nameCount; i++) {
        if (names[i].equals(key)) {
          return true;
        }
      }
      if (nameCount == SCANNED) {
        return keepAll(key);
      }
      if (nameCount == names.length) {
        names = Arrays.copyOf(names, Math.max(4, 2 * nameCount));
      }
      names[nameCount++] = key;
      return false;
    }

    /** Every key printed so far in a set, {@code key} among them: whether it was there before. */
    private boolean keepAll(String key) {
      all = new HashSet<>();
      for (Entry e : node.entries()) {
        if (e instanceof Entry.Child child) {
          all.add(child.key());
        }
      }
      return !all.add(key);
    }
  }

  /** The state of the printout being read. */
  /** How many distinct keys and class names a printout's reading keeps once ({@link Current#shared}). */
  static final int MAX_NAMES = 100_000;

  private static final class Current {

    final String prefix;
    final int firstIndex;
    final Deque<Frame> stack = new ArrayDeque<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<Integer> pendingBlanks = new ArrayList<>();
    final TrailingText trailing = new TrailingText();
    /**
     * Keys and class names, each kept once: a printout repeats a few dozen of them at every block
     * ({@code conv}, {@code 0}, {@code BatchNorm2d}), and a copy per module was a tenth of the memory
     * a large model took. Bounded, so that a text of distinct names costs no more than without it.
     */
    private final Map<String, String> names = new HashMap<>();
    final ModuleNode root;
    final Limits limits;
    int lastIndex;
    boolean legacy;
    /** The closing lines joined onto the module line being read ({@code bias=False)))}: 2), for {@link #closeJoined}. */
    int joinedClosers;
    /** Whether joined closing lines were said in a diagnostic. */
    boolean joinedSaid;
    int entries;
    /** Whether a line of it was an elision mark ({@link #isElision}), said once. */
    boolean elided;
    /** Whether a closing line that closes no block was met, said once. */
    boolean strayCloser;
    /** The line of a lone {@code (} read with the module's line before it, or -1. */
    int opener = -1;
    /** The source's lines, the printout's among them. */
    private final List<Source.Line> lines;
    /** Whether a module's line indented deeper than a child's was read as a child, said once. */
    boolean overIndented;
    /** A limit was passed: the rest of this printout is not read. */
    boolean stopped;

    Current(PrintoutStart start, List<Source.Line> lines, Source.Line line, Limits limits) {
      this.lines = lines;
      this.limits = limits;
      this.prefix = start.prefix();
      this.firstIndex = start.line();
      this.lastIndex = start.line();
      ModuleText header = start.header();
      // the opener's own indent, which its children and closing line may place it away from
      int own = LineSyntax.indent(line.text(), start.prefix().length());
      int before = start.prefix().length() + Math.min(start.rootIndent(), own);
      if (start.rootIndent() != own) {
        diagnostics.add(Diagnostic.info(line.number(), line.column(before), "the printout's first line is indented"
            + " otherwise than its children and its closing line say (a block copied from its first character, or"
            + " pasted after other text): read at the indent they give it"));
      }
      if (header.typeStart() > before) {
        String text = line.text().substring(before, header.typeStart());
        diagnostics.add(Diagnostic.info(line.number(), line.column(before),
            "ignored '" + text.strip() + "' before the printout"));
      }
      if (!prefix.isEmpty()) {
        diagnostics.add(Diagnostic.info(line.number(), line.column(0),
            "ignored the prefix '" + prefix.strip() + "' repeated on every line of the printout"));
      }
      root = new ModuleNode(TypeNames.canonical(header.typeName()), header.form(), null, line.number());
      legacy = header.form() != ModuleNode.Form.MODERN;
      stack.push(new Frame(root, start.rootIndent(), header.closer()));
    }

    /** {@code name}, or the equal name read before. */
    private String shared(String name) {
      String known = names.get(name);
      if (known != null) {
        return known;
      }
      if (names.size() < MAX_NAMES) {
        names.put(name, name);
      }
      return name;
    }

    /** The indent of the first line after line {@code i} with text, past the printout's prefix; -1 if none. */
    private int nextIndent(int i) {
      for (int k = i + 1; k < lines.size(); k++) {
        Source.Line l = lines.get(k);
        String t = l.text();
        if (!t.startsWith(prefix) || l.isBlank()) {
          continue;
        }
        int ind = prefix.isEmpty() ? l.indent() : LineSyntax.indent(t, prefix.length());
        if (prefix.length() + ind < t.length()) {
          return ind;
        }
      }
      return -1;
    }

    /** A line inside block {@code top}: a child at {@code top.indent + 2}, else an extra line. */
    void content(Frame top, int i, String s, int from, int ind) {
      Source.Line line = lines.get(i);
      int at = from + ind;
      if (ind == top.indent + 2 && s.charAt(at) == '(') {
        int[] keyEnd = new int[1];
        ModuleText text = childText(line, s, at, keyEnd);
        if (text != null) {
          addChild(top, line, shared(s.substring(at + 1, keyEnd[0])), text, ind, at);
          return;
        }
        if (opensUnclosed(s, at)) {
          // "(lstm): LSTM(64, 128, batch_first=True," with the rest on the next line: not a line of
          // the block's own text, though it is kept as one
          diagnostics.add(Diagnostic.error(line.number(), line.column(at), "a module's line whose arguments do not"
              + " close on it ('" + IgnoredText.quoted(s.substring(at)) + "'): read as its block's own text, so the"
              + " module is not counted and no count is called exact"));
        } else if (printsModuleInArguments(s, at)) {
          diagnostics.add(Diagnostic.error(line.number(), line.column(at), "a module whose arguments print"
              + " another module ('" + IgnoredText.quoted(s.substring(at)) + "'): read, with the lines of that"
              + " module, as its block's own text, so neither is counted and no count is called exact"));
        } else if (describesChild(s, at)) {
          diagnostics.add(Diagnostic.error(line.number(), line.column(at), "a child described in words, not printed"
              + " as PyTorch prints a module ('" + IgnoredText.quoted(s.substring(at)) + "'): what it stands for is in"
              + " no count, so every count is a lower bound"));
        } else if (printsOwnRepr(s, at)) {
          diagnostics.add(Diagnostic.error(line.number(), line.column(at), (isElision(s.substring(afterKey(s, at)))
              ? "a child whose module was left out of the text" : "a child printed by its class's own repr, not as"
              + " PyTorch prints a module") + " ('" + IgnoredText.quoted(s.substring(at)) + "'): what it holds is in no"
              + " count, so every count is a lower bound"));
        }
      } else if (ind > top.indent + 2 && s.charAt(at) == '(' && top.openInText == 0) {
        int[] keyEnd = new int[1];
        ModuleText text = childText(line, s, at, keyEnd);
        if (text != null) {
          // a module's line indented deeper than its block's children (a docstring edited by hand):
          // PyTorch prints no line of a block's own text so, and the parentheses still say whose
          // child it is; its block is read at the indent a child has, where its own lines go on
          if (!overIndented) {
            overIndented = true;
            diagnostics.add(Diagnostic.warning(line.number(), line.column(at), "a module's line indented"
                + " deeper than the children of '" + top.node.typeName()
                + "' (line " + top.node.line() + "): read as its child, as the parentheses say (the indents of the"
                + " lines around it may have been edited by hand)"));
          }
          // a block whose own lines go on deeper was moved in whole (its closing line too): it is
          // read at its own indent; else at a child's, where its lines are
          int own = text.kind() == ModuleText.Kind.OPEN && nextIndent(i) > ind ? ind : top.indent + 2;
          addChild(top, line, shared(s.substring(at + 1, keyEnd[0])), text, own, at);
          return;
        }
      }
      String text = s.substring(at);
      if (text.charAt(0) == ')' && top.openInText == 0 && !strayCloser) {
        // a block's closing line deeper than the block: the line that opened a block here is lost
        // (joined to the line before it, or cut), and its children were read into the block around it
        strayCloser = true;
        diagnostics.add(Diagnostic.error(line.number(), line.column(at), "a closing line inside '"
            + top.node.typeName() + "' (line " + top.node.line() + ") that closes no block opened there: the line"
            + " that opened one is lost, so which module the lines before it belong to is a guess, and no count"
            + " is called exact"));
      }
      top.node.add(new Entry.Extra(ind - top.indent, text, line.number()));
      // (the lines of a module printed in an argument, GlobalAttention(gate_nn=Sequential(, are its text too)
      top.openInText = Math.max(0, top.openInText + LineSyntax.openParentheses(text));
    }

    /**
     * {@link LineSyntax#childText}, or a child whose key lost its {@code )} ({@code (0: Embedding(84546,
     * 300)}: the module is whole), said in a warning; {@code null} where the line is neither.
     */
    private ModuleText childText(Source.Line line, String s, int at, int[] keyEnd) {
      ModuleText text = LineSyntax.childText(s, at, keyEnd);
      if (text != null) {
        return text;
      }
      int colon = keyWithoutCloser(s, at);
      if (colon < 0 || (text = LineSyntax.moduleText(s, colon + 2, true)) == null) {
        return null;
      }
      keyEnd[0] = colon;
      diagnostics.add(Diagnostic.warning(line.number(), line.column(at), "a child's key that lost its ')' ('"
          + IgnoredText.quoted(s.substring(at)) + "'): read as child '" + s.substring(at + 1, colon)
          + "', as the rest of the line says"));
      return text;
    }

    private void addChild(Frame top, Source.Line line, String key, ModuleText text, int ind, int at) {
      if (top.repeats(key)) {
        diagnostics.add(Diagnostic.error(line.number(), line.column(at), "'" + top.node.typeName() + "' (line "
            + top.node.line() + ") prints the key '" + key + "' a second time; PyTorch prints each child once, so"
            + " the text lost the line that opened another module, or repeats a part: which module each line"
            + " belongs to is a guess, and no count is called exact"));
      }
      if (text.kind() == ModuleText.Kind.NONE) {
        top.node.add(new Entry.Child(key, 1, null, line.number()));
        return;
      }
      if (pastLimit(line, at)) {
        return;
      }
      if (text.kind() == ModuleText.Kind.ONE_LINE && text.arguments().isEmpty() && namesAModel(text.typeName())) {
        diagnostics.add(Diagnostic.error(line.number(), line.column(at), "'" + text.typeName() + "()' prints a"
            + " model's class with nothing inside it, where PyTorch prints a model's layers: they were left out of"
            + " the text, so every count is a lower bound"));
      }
      int count = RunCheck.count(key, text.count(), line, diagnostics);
      ModuleNode node = new ModuleNode(TypeNames.canonical(text.typeName()), text.form(), text.arguments(), line.number());
      top.node.add(new Entry.Child(key, count, node, line.number()));
      if (text.kind() == ModuleText.Kind.OPEN) {
        legacy |= text.form() != ModuleNode.Form.MODERN;
        stack.push(new Frame(node, ind, text.closer()));
      } else if (text.trailingStart() >= 0) {
        String s = line.text();
        int closers = s.length() - text.trailingStart();
        if (LineSyntax.onlyClosers(s, text.trailingStart()) && closers <= stack.size()) {
          joinedClosers = closers; // (closed once the line is read: see closeJoined)
        } else {
          trailing.note(line, text.trailingStart());
        }
      }
    }

    /** Whether this child passes a limit; if so, says which, and stops the reading. */
    private boolean pastLimit(Source.Line line, int at) {
      String what = null;
      String limit = null;
      int value = 0;
      if (++entries > limits.maxLayers()) {
        what = "the printout has more than " + limits.maxLayers() + " modules";
        limit = "maxLayers";
        value = limits.maxLayers();
      } else if (stack.size() > limits.maxNestingDepth()) {
        what = "this module is nested more than " + limits.maxNestingDepth() + " levels deep";
        limit = "maxNestingDepth";
        value = limits.maxNestingDepth();
      }
      if (what == null) {
        return false;
      }
      diagnostics.add(Diagnostic.error(line.number(), line.column(at), Limits.exceeded(what, limit, value)
          + "; the rest of the printout is not read, so the counts are lower bounds"));
      stopped = true;
      return true;
    }

    void close(Frame top, Source.Line line, int at) {
      top.node.close();
      stack.pop();
      if (at + 1 < line.text().length()) {
        trailing.note(line, at + 1);
      }
    }

    /** Blank lines followed by more of block {@code top} belong to it (HF configs print them). */
    void flushBlanks(Frame top, List<Source.Line> lines) {
      if (pendingBlanks.isEmpty()) {
        return; // nearly always: no iterator made for each line
      }
      for (int b : pendingBlanks) {
        top.node.add(new Entry.Extra(0, "", lines.get(b).number()));
      }
      pendingBlanks.clear();
    }

    /**
     * The text ends inside the printout: what followed is not there, so no count is called exact (an
     * error, as {@code Honesty} reads them: a number may be missing). A warning let a block cut short
     * after its last whole line be counted as exact.
     */
    void endTruncated(Source.Line last) {
      // where every block was ended by a line further out, each said so already ("never closed")
      String what = stack.isEmpty() ? "its blocks end without their closing lines"
          : stack.size() + " block(s) never closed";
      diagnostics.add(Diagnostic.error(last.number(), last.text().length() + last.offset() + 1,
          "the printout ends early: " + what + ", so modules may be missing and a count may be too low; no count is"
              + " called exact"));
      stack.clear();
    }

    Printout toPrintout(List<Source.Line> lines) {
      trailing.report(diagnostics);
      return new Printout(root, lines.get(firstIndex).number(), lines.get(lastIndex).number(), legacy,
          diagnostics);
    }
  }
}
