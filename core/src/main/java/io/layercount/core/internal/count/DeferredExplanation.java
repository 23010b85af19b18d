package io.layercount.core.internal.count;

import io.layercount.core.Analysis.Explanation;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An explanation made when first asked for: listing every module occurrence's path is work that
 * only {@code --explain}, {@code --list} and the views need, not the counts, the report or the
 * JSON. Made at most once, whichever thread asks first; it then reads as the explanation itself.
 */
final class DeferredExplanation {
  /** Keeps the counting's state that the explanation is made from: dropped once it is made. */
  private Supplier<Explanation> make;
  private volatile Explanation made;

  private DeferredExplanation(Supplier<Explanation> make) {
    this.make = make;
  }

  /** An explanation whose maps are made by {@code make} on first use. */
  static Explanation of(Supplier<Explanation> make) {
    DeferredExplanation deferred = new DeferredExplanation(make);
    return new Explanation(new Deferred<>(deferred, Explanation::counted),
        new Deferred<>(deferred, Explanation::excluded));
  }

  private Explanation get() {
    Explanation e = made;
    if (e == null) {
      synchronized (this) {
        e = made;
        if (e == null) {
          e = make.get();
          made = e;
          make = null;
        }
      }
    }
    return e;
  }

  /** One of the explanation's maps, unmodifiable as the made one is. */
  private static final class Deferred<K, V> extends AbstractMap<K, V> {
    private final DeferredExplanation source;
    private final Function<Explanation, Map<K, V>> part;

    Deferred(DeferredExplanation source, Function<Explanation, Map<K, V>> part) {
      this.source = source;
      this.part = part;
    }

    private Map<K, V> map() {
      return part.apply(source.get());
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
      return map().entrySet();
    }

    @Override
    public V get(Object key) {
      return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return map().containsKey(key);
    }

    @Override
    public int size() {
      return map().size();
    }
  }
}
