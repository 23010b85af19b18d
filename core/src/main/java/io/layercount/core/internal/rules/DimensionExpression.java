package io.layercount.core.internal.rules;

import io.layercount.core.model.Arguments;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One dimension of a {@code torch-tensors.json} tensor: whole numbers, names and the operators
 * {@code + - * /} with parentheses, such as {@code patchGrid+1} or
 * {@code (x_proj.out-dt_proj.in)/2}. Names are resolved by the caller. Evaluated without recursion
 * (a rules file may come from a user); empty when a name is unknown, a division leaves a remainder,
 * a result overflows or the text is not an expression.
 */
final class DimensionExpression {
  /** Longer texts are not read: no real dimension needs them. */
  static final int MAX_LENGTH = 200;

  private DimensionExpression() {}

  /** The value of {@code text}, with {@code names} giving the value of each name it uses. */
  static OptionalLong evaluate(String text, Function<String, OptionalLong> names) {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      return OptionalLong.empty();
    }
    Deque<Long> values = new ArrayDeque<>();
    Deque<Character> operators = new ArrayDeque<>();
    boolean expectValue = true;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (expectValue && c == '(') {
        operators.push(c);
        i++;
      } else if (expectValue && isNameChar(c)) {
        int end = i;
        while (end < text.length() && isNameChar(text.charAt(end))) {
          end++;
        }
        String token = text.substring(i, end);
        OptionalLong v = Character.isDigit(c) ? Arguments.parseLong(token) : names.apply(token);
        if (v.isEmpty()) {
          return v;
        }
        values.push(v.getAsLong());
        expectValue = false;
        i = end;
      } else if (!expectValue && c == ')') {
        while (!operators.isEmpty() && operators.peek() != '(') {
          if (!apply(operators.pop(), values)) {
            return OptionalLong.empty();
          }
        }
        if (operators.isEmpty()) {
          return OptionalLong.empty();
        }
        operators.pop();
        i++;
      } else if (!expectValue && "+-*/".indexOf(c) >= 0) {
        while (!operators.isEmpty() && operators.peek() != '(' && precedence(operators.peek()) >= precedence(c)) {
          if (!apply(operators.pop(), values)) {
            return OptionalLong.empty();
          }
        }
        operators.push(c);
        expectValue = true;
        i++;
      } else {
        return OptionalLong.empty();
      }
    }
    if (expectValue) {
      return OptionalLong.empty();
    }
    while (!operators.isEmpty()) {
      char op = operators.pop();
      if (op == '(' || !apply(op, values)) {
        return OptionalLong.empty();
      }
    }
    // no tensor has a size below 1: the names did not mean what the row assumed
    return values.size() == 1 && values.peek() > 0 ? OptionalLong.of(values.pop()) : OptionalLong.empty();
  }

  /** Whether {@code text} uses {@code name} as a whole name. */
  static boolean uses(String text, String name) {
    int from = 0;
    while (true) {
      int at = text.indexOf(name, from);
      if (at < 0) {
        return false;
      }
      int end = at + name.length();
      if ((at == 0 || !isNameChar(text.charAt(at - 1))) && (end == text.length() || !isNameChar(text.charAt(end)))) {
        return true;
      }
      from = end;
    }
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  private static int precedence(char op) {
    return op == '*' || op == '/' ? 2 : 1;
  }

  private static boolean apply(char op, Deque<Long> values) {
    if (values.size() < 2) {
      return false;
    }
    long b = values.pop();
    long a = values.pop();
    long r;
    try {
      switch (op) {
        case '+': r = Math.addExact(a, b); break;
        case '-': r = Math.subtractExact(a, b); break;
        case '*': r = Math.multiplyExact(a, b); break;
        default:
          if (b == 0 || a % b != 0) {
            return false;
          }
          r = a / b;
      }
    } catch (ArithmeticException overflow) {
      return false;
    }
    values.push(r);
    return true;
  }
}
