package io.layercount.core.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.layercount.core.model.Layer;
import io.layercount.core.model.LayerKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameter rules of one framework, read once from JSON resources: hand-written rows
 * ({@code torch.json}, {@code keras.json}) and, for PyTorch, rows generated from the corpus
 * ({@code torch-corpus.json}: third-party classes that own nothing, and classes that own exactly
 * what a torch.nn printed signature implies). Immutable and thread-safe: the answers about each
 * class name are remembered, but they follow from the rows alone.
 */
public final class RuleTable {
  private static final String PARAMETRIZED = "parametrized";
  private static final String PARAMETRIZATION_LIST = "parametrization-list";
  private static final JsonNode NO_ROWS = JsonNodeFactory.instance.objectNode();
  private static final RuleTable TORCH = load("torch.json", "torch-corpus.json", "torch-tensors.json");
  private static final RuleTable KERAS = load("keras.json", null, null);

  private final Map<String, TypeRule> byName;
  private final List<Map.Entry<Pattern, TypeRule>> byPattern;
  private final Map<String, TypeRule> corpus;
  private final LayerNormOwners layerNormOwners;
  private final TensorRules tensors;
  /** Class → printed child-key sets under which the corpus shows it owning nothing. */
  private final Map<String, Set<String>> ownsNothingByChildren;
  /** The user's rows: they win over every built-in row. */
  private final UserRules user;
  /** Class → printed child key-and-class sets under which the corpus shows it owning nothing. */
  private final Map<String, Set<String>> ownsNothingByChildTypes;
  /**
   * What the tables say of each class, in one answer remembered across analyses (a user's copy of
   * the table remembers its own, since the user's rows change them): a node's questions take one
   * lookup, not one per table.
   */
  private final ByTypeName<ClassFacts> classes = new ByTypeName<>(this::classFacts);
  /** Why an owner's LayerNorms have a bias or none, made once per owner class (a string per LayerNorm before). */
  private final ByTypeName<String[]> ownerNotes = new ByTypeName<>(RuleTable::ownerNotes);

  /**
   * The rows of one class: its hand-written (or user) row, its corpus row, the formula it follows
   * ({@link #formulaOf}), its tensor rows, the child sets under which the corpus shows it owning
   * nothing (keys, and keys with classes), and whether its row is a {@code ParametrizedX}'s whose X
   * has a row (the part of {@link #isParametrized} the class decides, asked of every module), and
   * the answers its layers share.
   */
  private record ClassFacts(TypeRule hand, TypeRule corpus, String formula, List<TensorRule> tensorRows,
      ChildKeySets ownsNothingByKeys, Set<String> ownsNothingByTypes, boolean parametrized,
      String unreadable, Resolution[] unknown, Resolution handOwnsNothing, Resolution corpusOwnsNothing) {

    /**
     * The answer for a layer of this class that {@code rule}, one of its rows, sizes at 0: one shared
     * answer per row, as every activation and container of a model gives the same (an answer per
     * layer was a tenth of what a large model's analysis kept).
     */
    Resolution ownsNothing(TypeRule rule) {
      return rule == hand ? handOwnsNothing : rule == corpus ? corpusOwnsNothing : ownsNothingBy(rule);
    }

    /** The answer for a layer of this class of {@code kind} that no rule covers, one per kind. */
    Resolution unknown(LayerKind kind) {
      return unknown[kind.ordinal()];
    }

    static Resolution ownsNothingBy(TypeRule rule) {
      return rule == null ? null
          : new Resolution(rule.kind(), 0, true, rule.exact(), rule.weighted(), rule.basis(), rule.note());
    }
  }

  private ClassFacts classFacts(String typeName) {
    TypeRule hand = findHandRule(typeName);
    TypeRule fromCorpus = corpus.get(typeName);
    TypeRule rule = hand != null ? hand : fromCorpus;
    String formula;
    if (rule != null && rule.formula().name().equals(PARAMETRIZED)) {
      TypeRule base = parametrizedBase(typeName);
      formula = base == null ? null : base.formula().name();
    } else {
      formula = rule == null ? null : rule.formula().name();
    }
    Set<String> byKeys = ownsNothingByChildren.get(typeName);
    boolean parametrized = hand != null && hand.formula().name().equals(PARAMETRIZED)
        && parametrizedBase(typeName) != null;
    return new ClassFacts(hand, fromCorpus, formula, tensors.rowsNaming(typeName),
        byKeys == null ? null : new ChildKeySets(byKeys), ownsNothingByChildTypes.get(typeName), parametrized,
        // the notes and answers of a layer of this class without a size, made once (every unknown
        // container had its own)
        "the printed arguments of " + typeName + " do not give its size", unknownAnswers("no rule for " + typeName),
        ClassFacts.ownsNothingBy(hand), ClassFacts.ownsNothingBy(fromCorpus));
  }

  /** {@link Resolution#unknown} for each kind, with {@code note}. */
  private static Resolution[] unknownAnswers(String note) {
    LayerKind[] kinds = LayerKind.values();
    Resolution[] answers = new Resolution[kinds.length];
    for (LayerKind kind : kinds) {
      answers[kind.ordinal()] = Resolution.unknown(kind, note);
    }
    return answers;
  }

  private RuleTable(Map<String, TypeRule> byName, List<Map.Entry<Pattern, TypeRule>> byPattern,
      Map<String, TypeRule> corpus, LayerNormOwners layerNormOwners, TensorRules tensors,
      Map<String, Set<String>> ownsNothingByChildren, Map<String, Set<String>> ownsNothingByChildTypes) {
    this.byName = Map.copyOf(byName);
    this.byPattern = List.copyOf(byPattern);
    this.corpus = Map.copyOf(corpus);
    this.layerNormOwners = layerNormOwners;
    this.tensors = tensors;
    this.ownsNothingByChildren = Map.copyOf(ownsNothingByChildren);
    this.ownsNothingByChildTypes = Map.copyOf(ownsNothingByChildTypes);
    this.user = UserRules.NONE;
  }

  private RuleTable(RuleTable builtIn, UserRules user) {
    this.byName = builtIn.byName;
    this.byPattern = builtIn.byPattern;
    this.corpus = builtIn.corpus;
    this.layerNormOwners = builtIn.layerNormOwners;
    this.tensors = builtIn.tensors;
    this.ownsNothingByChildren = builtIn.ownsNothingByChildren;
    this.ownsNothingByChildTypes = builtIn.ownsNothingByChildTypes;
    this.user = user;
  }

  /** The PyTorch rules. */
  public static RuleTable torch() {
    return TORCH;
  }

  /** The Keras rules: kinds only, counts come from the printed {@code Param #}. */
  public static RuleTable keras() {
    return KERAS;
  }

  /** This table with {@code user}'s rows put before every built-in row. */
  public RuleTable withUserRules(UserRules user) {
    return user.isEmpty() ? this : new RuleTable(this, user.over(this.user));
  }

  /** Whether any user row is in force. */
  public boolean hasUserRules() {
    return !user.isEmpty();
  }

  /**
   * The user row that decides {@code layer} at {@code place}, or {@code null} when the built-in
   * rows do.
   */
  public UserRule userRuleFor(Layer layer, Place place) {
    return user.decisiveFor(layer, place.parentType());
  }

  /** As {@link #userRuleFor(Layer, Place)}, for the stream-width node {@code at}, whose parent's class it holds. */
  public UserRule userRuleFor(StreamWidths.Node at) {
    return user.decisiveFor(at.layer(), at.parentType());
  }

  /** Whether a built-in row (hand-written, generated or tensor) names {@code typeName}. */
  public boolean knowsBuiltIn(String typeName) {
    return builtInHandRule(typeName) != null || corpus.containsKey(typeName)
        || ownsNothingByChildren.containsKey(typeName) || tensors.names(typeName);
  }

  /** Whether the hand-written rows (names or patterns, the user's first) cover {@code typeName}. */
  public boolean knowsByHand(String typeName) {
    return handRule(typeName) != null;
  }

  /** Whether the corpus-generated rows cover {@code typeName} (and no hand-written row does). */
  public boolean knowsFromCorpus(String typeName) {
    return handRule(typeName) == null && (corpus.containsKey(typeName) || ownsNothingByChildren.containsKey(typeName)
        || ownsNothingByChildTypes.containsKey(typeName));
  }

  /** Whether a row of {@code torch-tensors.json} names {@code typeName} (and no hand-written row does). */
  public boolean knowsTensors(String typeName) {
    return handRule(typeName) == null && tensors.names(typeName);
  }

  /**
   * What the rules say about {@code layer} inside {@code owner} at {@code place}: a class whose
   * tensors follow from its place ({@code torch-tensors.json}) is sized there; any other as by
   * {@link #resolve(Layer, Layer)}.
   */
  public Resolution resolve(Layer layer, Layer owner, Place place) {
    return resolve(layer, owner, place.parentType(), null, place);
  }

  /**
   * As {@link #resolve(Layer, Layer, Place)}, for the node {@code at} of {@code places}: its parent's
   * class is read from the node, and the whole place is looked up only for a class sized by it.
   */
  public Resolution resolve(StreamWidths.Node at, Layer owner, StreamWidths places) {
    return resolve(at.layer(), owner, at.parentType(), places, null);
  }

  private Resolution resolve(Layer layer, Layer owner, String parentType, StreamWidths places, Place place) {
    UserRule mine = user.decisiveFor(layer, parentType);
    if (mine != null && mine.tensors() != null && (!layer.isLeaf() || layer.stated().params() == null)) {
      return TensorRules.resolve(mine.tensors(), layer, place != null ? place : places.of(layer), this::formulaOf);
    }
    ClassFacts facts = classes.get(layer.typeName());
    if (handRuleFor(layer, facts) == null && (!layer.isLeaf() || layer.stated().params() == null)) {
      TensorRule row = TensorRules.firstCovering(facts.tensorRows(), layer, parentType, this::ownsNothing);
      if (row != null) {
        return TensorRules.resolve(row, layer, place != null ? place : places.of(layer), this::formulaOf);
      }
      // the keys are only matched for the classes the corpus lists: most have no entry
      ChildKeySets byKeys = facts.ownsNothingByKeys();
      if (byKeys != null && facts.corpus() == null && byKeys.contains(layer)) {
        return new Resolution(LayerKind.CONTAINER, 0, true, true, 0, "corpus", "owns nothing in every corpus"
            + " occurrence printed with these children (torch-corpus.json)");
      }
      Set<String> byTypes = facts.ownsNothingByTypes();
      if (byTypes != null && facts.corpus() == null && byTypes.contains(childTypes(layer))) {
        return new Resolution(LayerKind.CONTAINER, 0, true, true, 0, "corpus", "owns nothing in every corpus"
            + " occurrence printed with these children of these classes (torch-corpus.json)");
      }
    }
    return resolve(layer, owner, facts);
  }

  /**
   * Whether the answer for the leaf {@code layer} follows from its class, printed arguments and
   * statements alone, wherever it sits: no user row (they may name the parent's class), no tensor
   * row (sized by the stream, chosen by the parent), and no rule that asks the owner (a LayerNorm's
   * hidden bias, a parametrization list). Leaves printed alike in one tree then share one answer.
   */
  public boolean answersAlikeEverywhere(Layer layer) {
    if (!layer.isLeaf() || !user.isEmpty()) {
      return false;
    }
    ClassFacts facts = classes.get(layer.typeName());
    TypeRule hand = handRuleFor(layer, facts);
    if (hand == null && layer.stated().params() == null && !facts.tensorRows().isEmpty()) {
      return false;
    }
    TypeRule rule = hand != null ? hand : facts.corpus();
    return rule == null || !rule.formula().name().equals(PARAMETRIZATION_LIST) && !rule.biasHidden();
  }

  /** Whether {@code layer} is a leaf the rules know to own nothing (an activation), wherever it sits. */
  private boolean ownsNothing(Layer layer) {
    Resolution r = layer.isLeaf() ? resolve(layer) : null;
    return r != null && r.known() && r.exact() && r.ownParameters() == 0;
  }

  /** The printed child keys of {@code layer}, sorted, numbers as {@code #}, comma-separated. */
  static String childKeys(Layer layer) {
    List<Layer> children = layer.children();
    String[] keys = new String[children.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = keyOf(children.get(i));
    }
    return sortedDistinct(keys);
  }

  /**
   * The printed children of {@code layer} as {@code key:Class}, sorted and distinct, numbers as
   * {@code #}, comma-separated: finer than {@link #childKeys} where one class name stands for
   * several designs (timm {@code Block} of BEiT, with layer-scale vectors, and of PVT-v2, without).
   */
  static String childTypes(Layer layer) {
    List<Layer> children = layer.children();
    String[] keys = new String[children.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = keyOf(children.get(i)) + ":" + children.get(i).typeName();
    }
    return sortedDistinct(keys);
  }

  /** A child's key, with a number (a position in a list) as {@code #}. */
  static String keyOf(Layer child) {
    String name = child.name();
    if (name.isEmpty()) {
      return name;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return name;
      }
    }
    return "#";
  }

  /** The distinct {@code keys} in natural order, comma-separated, as a sorted set would join them. */
  static String sortedDistinct(String[] keys) {
    Arrays.sort(keys);
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      if (i > 0 && keys[i].equals(keys[i - 1])) {
        continue;
      }
      if (i > 0) {
        joined.append(',');
      }
      joined.append(keys[i]);
    }
    return joined.toString();
  }

  /** The {@code torch-tensors.json} row that covers {@code layer} as printed, or {@code null}; for tests. */
  TensorRule tensorRowFor(Layer layer, Place place) {
    return handRuleFor(layer) == null ? tensorRowCovering(layer, place.parentType()) : null;
  }

  private TensorRule tensorRowCovering(Layer layer, String parentType) {
    return TensorRules.firstCovering(classes.get(layer.typeName()).tensorRows(), layer, parentType, this::ownsNothing);
  }

  /**
   * The formula a class follows (hand-written or corpus signature row), or {@code null}; for a
   * {@code ParametrizedX}, the formula of X, whose arguments it prints.
   */
  String formulaOf(String typeName) {
    return classes.get(typeName).formula();
  }

  /**
   * Whether {@code layer} prints the arguments of the torch.nn layer its class was made from
   * ({@code ParametrizedConv1d}).
   */
  boolean isParametrized(Layer layer) {
    ClassFacts facts = classes.get(layer.typeName());
    return facts.parametrized() && handRuleFor(layer, facts) != null;
  }

  /** The hand-written row of X for a {@code ParametrizedX}, or {@code null}. */
  private TypeRule parametrizedBase(String typeName) {
    String base = Parametrizations.baseType(typeName);
    return base == null ? null : handRule(base);
  }

  /** What the rules say about {@code layer}, whatever encloses it. */
  public Resolution resolve(Layer layer) {
    return resolve(layer, null);
  }

  /**
   * What the rules say about {@code layer} inside {@code owner}, the nearest enclosing layer whose
   * class is not a plain container ({@code null} when unknown); the owner decides counts the text
   * does not show, such as whether a LayerNorm has a bias.
   */
  public Resolution resolve(Layer layer, Layer owner) {
    return resolve(layer, owner, classes.get(layer.typeName()));
  }

  /** As {@link #resolve(Layer, Layer)}, with the rows of the layer's class at hand. */
  private Resolution resolve(Layer layer, Layer owner, ClassFacts facts) {
    TypeRule rule = handRuleFor(layer, facts);
    if (rule == null && facts.hand() != null && !facts.hand().fitsArguments(layer) && layer.stated().params() == null) {
      return Resolution.unknown(SignatureKinds.infer(layer), Resolution.OTHER_CLASS, layer.typeName() + "() prints no"
          + " arguments, where torch.nn's " + layer.typeName() + " always does: it is another class of that name,"
          + " which may own parameters the text does not show");
    }
    if (rule == null) {
      rule = facts.corpus();
    }
    Long stated = layer.isLeaf() ? layer.stated().params() : null;
    if (rule == null) {
      LayerKind kind = SignatureKinds.infer(layer);
      if (stated != null) {
        return new Resolution(kind, stated, true, true, kind.isWeighted() ? 1 : 0, "stated", null);
      }
      Resolution linear = kind == LayerKind.FULLY_CONNECTED && layer.isLeaf() ? SignatureKinds.asLinear(layer) : null;
      return linear != null ? linear : facts.unknown(kind);
    }
    if (stated != null) {
      return new Resolution(rule.kind(), stated, true, true, rule.weighted(), "stated", null);
    }
    if (rule.formula().name().equals(PARAMETRIZED)) {
      return parametrized(layer, rule);
    }
    if (rule.formula().name().equals(PARAMETRIZATION_LIST)) {
      TypeRule base = owner == null || !isParametrized(owner) ? null : parametrizedBase(owner.typeName());
      return Parametrizations.originals(layer, owner, base == null ? null : base.formula());
    }
    OptionalLong own = rule.formula().formula().ownParameters(layer);
    if (own.isEmpty()) {
      return new Resolution(rule.kind(), 0, false, false, rule.weighted(), Resolution.UNREADABLE, facts.unreadable());
    }
    if (rule.biasHidden()) {
      return layerNormByOwner(layer, rule, own.getAsLong(), owner);
    }
    if (own.getAsLong() == 0) {
      return facts.ownsNothing(rule);
    }
    return new Resolution(rule.kind(), own.getAsLong(), true, rule.exact(), rule.weighted(), rule.basis(),
        rule.note());
  }

  /** A {@code ParametrizedX}: what X owns less the tensors moved into its parametrization lists, of X's kind. */
  private Resolution parametrized(Layer layer, TypeRule rule) {
    TypeRule base = parametrizedBase(layer.typeName());
    OptionalLong own = base == null ? OptionalLong.empty() : Parametrizations.kept(layer, base.formula());
    if (own.isEmpty()) {
      TypeRule kindOf = base == null ? rule : base;
      return new Resolution(kindOf.kind(), 0, false, false, kindOf.weighted(), Resolution.UNREADABLE,
          "the printed arguments of " + layer.typeName() + " or the tensors its parametrizations list do not give its"
              + " size");
    }
    return new Resolution(base.kind(), own.getAsLong(), true, base.exact(), base.weighted(), rule.basis(), rule.note());
  }

  /** The hidden children of {@code layer}'s class (modules its printed text does not show). */
  public List<HiddenChild> hiddenChildren(String typeName) {
    TypeRule rule = handRule(typeName);
    return rule == null ? List.of() : rule.hidden();
  }

  private Resolution layerNormByOwner(Layer layer, TypeRule rule, long withBias, Layer ownerLayer) {
    long weightOnly = Formulas.byName("rms-norm").formula().ownParameters(layer).orElse(withBias);
    String owner = ownerLayer == null ? null : ownerLayer.typeName();
    Boolean bias = weightOnly == withBias ? Boolean.FALSE : LayerNormOwners.biasShownBySibling(ownerLayer);
    String basis = bias == null ? null : "table";
    String why = bias == null ? null : ownerNote(owner, 0);
    if (bias == null && owner != null && layerNormOwners.withBias().contains(owner)) {
      bias = Boolean.TRUE;
      basis = "corpus";
      why = ownerNote(owner, 1);
    } else if (bias == null && owner != null && layerNormOwners.withoutBias().contains(owner)) {
      bias = Boolean.FALSE;
      basis = "corpus";
      why = ownerNote(owner, 2);
    }
    if (bias != null) {
      return new Resolution(rule.kind(), bias ? withBias : weightOnly, true, true, rule.weighted(), basis, why);
    }
    return new Resolution(rule.kind(), weightOnly, false, false, rule.weighted(), Resolution.BIAS_UNKNOWN,
        "LayerNorm does not print bias=False: under " + (owner == null ? "an unknown class" : owner)
            + " its bias (" + (withBias - weightOnly) + " parameters each) may or may not exist; only its weight"
            + " is counted");
  }

  /** Note {@code which} of {@link #ownerNotes} for the class {@code owner} (which may be {@code null}). */
  private String ownerNote(String owner, int which) {
    return (owner == null ? ownerNotes(null) : ownerNotes.get(owner))[which];
  }

  private static String[] ownerNotes(String owner) {
    return new String[] {owner + " builds its LayerNorms with the bias its printed linear1 shows",
        "every LayerNorm of " + owner + " has a bias", "every LayerNorm of " + owner + " is built with bias=False"};
  }

  /**
   * The count a signature formula gives for {@code layer}, or empty; for the corpus generator.
   */
  static OptionalLong applyFormula(String formulaName, Layer layer) {
    Formulas.Named named = Formulas.byName(formulaName);
    return named == null ? OptionalLong.empty() : named.formula().ownParameters(layer);
  }

  /** Whether a hand-written row covers {@code layer} as printed (see {@link #handRuleFor}). */
  public boolean knowsByHand(Layer layer) {
    return handRuleFor(layer) != null;
  }

  /**
   * The hand-written row for {@code layer}, or {@code null}: none for a layer printed with children
   * whose class shares its name with a torch.nn leaf it cannot be (timm SwiftFormer's
   * {@code Embedding} holding a convolution and a norm is no {@code nn.Embedding}), nor for one
   * printing children its row says the class never prints ({@link TypeRule#onlyChildren}).
   */
  private TypeRule handRuleFor(Layer layer) {
    return handRuleFor(layer, classes.get(layer.typeName()));
  }

  private static TypeRule handRuleFor(Layer layer, ClassFacts facts) {
    TypeRule rule = facts.hand();
    if (rule != null && !layer.isLeaf() && Formulas.SIGNATURES.contains(rule.formula().name())
        && !ownArgumentsBesideNorms(layer)) {
      return null;
    }
    return rule != null && rule.fitsChildren(layer) && rule.fitsArguments(layer) ? rule : null;
  }

  /**
   * Whether a module printed as a block has its own arguments and only norms, activations or a LoRA
   * layer as children: detectron2's {@code Conv2d} prints a convolution's arguments on a line of its
   * own with its {@code (norm)} (and {@code (activation)}) below, diffusers' {@code
   * LoRACompatibleLinear} its {@code (lora_layer)} (whose down and up projections are its own), an
   * older PEFT's LoRA layer its {@code (lora_A)}, {@code (lora_B)} and {@code (lora_dropout)}, a
   * layer prepared for quantization-aware training its {@code (weight_fake_quant)} and {@code
   * (activation_post_process)} (observers, whose counts are their own), so
   * the class's rule is its own; a class wrapping its layer ({@code Conv2d((conv): Conv2d(...))})
   * prints no arguments of its own.
   */
  private static boolean ownArgumentsBesideNorms(Layer layer) {
    if (layer.arguments().positional().isEmpty() && layer.arguments().named().isEmpty()) {
      return false;
    }
    for (Layer child : layer.children()) {
      String key = child.name();
      boolean beside = child.isLeaf() && (key.equals("norm") || key.equals("activation") || key.equals("act"))
          || key.startsWith("lora_") || key.equals("weight_fake_quant") || key.equals("activation_post_process");
      if (!beside) {
        return false;
      }
    }
    return true;
  }

  private TypeRule handRule(String typeName) {
    return classes.get(typeName).hand();
  }

  private TypeRule findHandRule(String typeName) {
    UserRule mine = user.formulaFor(typeName);
    return mine != null ? mine.formula() : builtInHandRule(typeName);
  }

  private TypeRule builtInHandRule(String typeName) {
    TypeRule rule = byName.get(typeName);
    if (rule != null) {
      return rule;
    }
    for (Map.Entry<Pattern, TypeRule> e : byPattern) {
      if (e.getKey().matcher(typeName).matches()) {
        return e.getValue();
      }
    }
    return null;
  }

  private static RuleTable load(String handFile, String corpusFile, String tensorFile) {
    Map<String, TypeRule> byName = new HashMap<>();
    List<Map.Entry<Pattern, TypeRule>> byPattern = new ArrayList<>();
    for (JsonNode row : read(handFile).path("rules")) {
      TypeRule rule = rowRule(row, "table");
      for (JsonNode type : row.path("types")) {
        byName.put(type.asText(), rule);
      }
      if (row.has("pattern")) {
        byPattern.add(Map.entry(Pattern.compile(row.get("pattern").asText()), rule));
      }
    }
    Map<String, TypeRule> corpus = new HashMap<>();
    Map<String, Set<String>> byChildren = new HashMap<>();
    Map<String, Set<String>> byChildTypes = new HashMap<>();
    LayerNormOwners layerNormOwners = new LayerNormOwners(Set.of(), Set.of());
    if (corpusFile != null) {
      JsonNode generated = read(corpusFile);
      String note = "owns nothing in every corpus occurrence (" + corpusFile + ")";
      TypeRule none = new TypeRule(LayerKind.CONTAINER, Formulas.byName("none"), true, 0, note, "corpus", false,
          List.of(), Set.of(), false);
      for (JsonNode type : generated.path("ownsNothing")) {
        corpus.put(type.asText(), none);
      }
      generated.path("signatures").fields().forEachRemaining(e -> {
        Formulas.Named formula = require(e.getValue().asText());
        corpus.put(e.getKey(), new TypeRule(formula.kind(), formula, true, formula.kind().isWeighted() ? 1 : 0,
            "prints like torch.nn (" + formula.name() + ") and owns what that implies in every corpus occurrence",
            "corpus", false, List.of(), Set.of(), false));
      });
      generated.path("ownsNothingByChildren").fields()
          .forEachRemaining(e -> byChildren.put(e.getKey(), texts(e.getValue())));
      generated.path("ownsNothingByChildTypes").fields()
          .forEachRemaining(e -> byChildTypes.put(e.getKey(), texts(e.getValue())));
      JsonNode owners = generated.path("layerNormOwners");
      layerNormOwners = new LayerNormOwners(texts(owners.path("withBias")), texts(owners.path("withoutBias")));
    }
    TensorRules tensors = TensorRules.read(tensorFile == null ? NO_ROWS : read(tensorFile));
    return new RuleTable(byName, byPattern, corpus, layerNormOwners, tensors, byChildren, byChildTypes);
  }

  static TypeRule rowRule(JsonNode row, String basis) {
    Formulas.Named formula = require(row.path("rule").asText());
    LayerKind kind = row.has("kind") ? kindOf(row.get("kind").asText()) : formula.kind();
    int weighted = row.has("weighted") ? row.get("weighted").asInt() : kind.isWeighted() ? 1 : 0;
    String note = row.has("note") ? row.get("note").asText() : null;
    List<HiddenChild> hidden = new ArrayList<>();
    for (JsonNode child : row.path("hiddenChildren")) {
      Map<String, String> types = new HashMap<>();
      child.path("types").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().asText()));
      hidden.add(new HiddenChild(child.path("name").asText(), child.path("typeFrom").asText(),
          types, child.path("otherwise").asText("Module")));
    }
    return new TypeRule(kind, formula, row.path("exact").asBoolean(true), weighted, note, basis,
        row.path("biasHidden").asBoolean(false), hidden, texts(row.path("onlyChildren")),
        row.path("printsArguments").asBoolean(false));
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Formulas.Named require(String name) {
    Formulas.Named formula = Formulas.byName(name);
    if (formula == null) {
      throw new IllegalStateException("rule table names an unknown formula: " + name);
    }
    return formula;
  }

  static LayerKind kindOf(String label) {
    return LayerKind.valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  private static JsonNode read(String file) {
    return BuiltInJson.read(file);
  }
}
