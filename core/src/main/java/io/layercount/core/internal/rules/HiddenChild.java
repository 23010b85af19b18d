package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import java.util.Map;

/**
 * A child module a class owns but does not print (timm {@code SelectAdaptivePool2d} prints
 * {@code pool_type=avg, flatten=Flatten(...)} and hides its {@code pool} and {@code flatten}).
 *
 * @param name the child's key
 * @param typeFrom the printed argument that tells the child's class
 * @param types class by argument value; a value printed as {@code Name(...)} names the class itself
 * @param otherwise the class when the value is neither
 */
public record HiddenChild(String name, String typeFrom, Map<String, String> types, String otherwise) {
  public HiddenChild {
    types = Map.copyOf(types);
  }

  /** The class of this child for a layer printed with {@code arguments}. */
  public String typeFor(Arguments arguments) {
    String value = arguments.get(typeFrom);
    if (value == null) {
      return otherwise;
    }
    String v = value.trim();
    int paren = v.indexOf('(');
    if (paren > 0 && v.endsWith(")")) {
      return v.substring(0, paren);
    }
    return types.getOrDefault(v.replace("'", ""), otherwise);
  }
}
