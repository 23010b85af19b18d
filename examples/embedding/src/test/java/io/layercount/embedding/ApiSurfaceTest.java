package io.layercount.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.layercount.core.LayerCount;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every type the exported API mentions (in a public or protected signature of a public type of an
 * exported package) is itself exported or from the JDK: no internal type leaks, even in a method
 * the embedding code never calls (those it calls would not compile).
 */
class ApiSurfaceTest {
  @Test
  void theExportedApiMentionsOnlyExportedTypes() throws Exception {
    ModuleReference core = coreModule();
    ModuleDescriptor descriptor = core.descriptor();
    assertEquals("io.layercount.core", descriptor.name());
    Set<String> exported = descriptor.exports().stream().filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("io.layercount.core", "io.layercount.core.model", "io.layercount.core.spi"), exported);
    assertTrue(descriptor.packages().stream().anyMatch(p -> p.contains(".internal")), "no internal packages found");

    List<String> leaks = new ArrayList<>();
    int checked = 0;
    for (Class<?> type : publicTypes(core, exported)) {
      checked++;
      for (Type mentioned : signatures(type)) {
        for (Class<?> c : classesIn(mentioned)) {
          if (!allowed(c, exported)) {
            leaks.add(type.getName() + " mentions " + c.getName());
          }
        }
      }
    }
    assertTrue(checked > 20, "only " + checked + " public types found");
    assertEquals(List.of(), leaks);
  }

  private static ModuleReference coreModule() throws URISyntaxException {
    Path location = Path.of(LayerCount.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(location).find("io.layercount.core").orElseThrow();
  }

  private static List<Class<?>> publicTypes(ModuleReference core, Set<String> exported)
      throws IOException, ClassNotFoundException {
    List<Class<?>> types = new ArrayList<>();
    List<String> names;
    try (ModuleReader reader = core.open(); Stream<String> entries = reader.list()) {
      names = entries.filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class")
              && !n.endsWith("package-info.class"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).sorted().toList();
    }
    for (String name : names) {
      Class<?> c = Class.forName(name, false, LayerCount.class.getClassLoader());
      if (exported.contains(c.getPackageName()) && isVisible(c)) {
        types.add(c);
      }
    }
    return types;
  }

  /** Public, and so is every class it is nested in. */
  private static boolean isVisible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) {
        return false;
      }
    }
    return !c.isAnonymousClass() && !c.isLocalClass() && !c.isSynthetic();
  }

  private static List<Type> signatures(Class<?> type) {
    List<Type> out = new ArrayList<>();
    if (type.getGenericSuperclass() != null) {
      out.add(type.getGenericSuperclass());
    }
    out.addAll(List.of(type.getGenericInterfaces()));
    for (Field f : type.getDeclaredFields()) {
      if (exposed(f.getModifiers()) && !f.isSynthetic()) {
        out.add(f.getGenericType());
      }
    }
    for (Constructor<?> k : type.getDeclaredConstructors()) {
      if (exposed(k.getModifiers()) && !k.isSynthetic()) {
        out.addAll(List.of(k.getGenericParameterTypes()));
        out.addAll(List.of(k.getGenericExceptionTypes()));
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (exposed(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        out.add(m.getGenericReturnType());
        out.addAll(List.of(m.getGenericParameterTypes()));
        out.addAll(List.of(m.getGenericExceptionTypes()));
      }
    }
    return out;
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** The classes a type expression names, type arguments and bounds included. */
  private static List<Class<?>> classesIn(Type type) {
    List<Class<?>> out = new ArrayList<>();
    List<Type> todo = new ArrayList<>(List.of(type));
    Set<Type> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      Type t = todo.remove(todo.size() - 1);
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof Class<?> c) {
        out.add(c.isArray() ? c.getComponentType() : c);
      } else if (t instanceof ParameterizedType p) {
        todo.add(p.getRawType());
        todo.addAll(List.of(p.getActualTypeArguments()));
      } else if (t instanceof WildcardType w) {
        todo.addAll(List.of(w.getUpperBounds()));
        todo.addAll(List.of(w.getLowerBounds()));
      } else if (t instanceof GenericArrayType g) {
        todo.add(g.getGenericComponentType());
      } else if (t instanceof TypeVariable<?> v) {
        todo.addAll(List.of(v.getBounds()));
      }
    }
    return out;
  }

  private static boolean allowed(Class<?> c, Set<String> exported) {
    Class<?> k = c;
    while (k.isArray()) {
      k = k.getComponentType();
    }
    return k.isPrimitive() || k.getPackageName().startsWith("java.") || exported.contains(k.getPackageName());
  }
}
