package io.layercount.core.internal.depth;

import java.util.ArrayList;
import java.util.List;

/**
 * A tensor inside one module's forward: how many conv/FC layers lie behind it (counted from the
 * module's input) and its width. {@code previous} and {@code child} record how it was made, so the
 * longest path can be traced back through the children that made it; {@code feeds} records every
 * tensor made from it (a residual sum, a concatenation), so the longest path onward can be measured.
 */
final class Point {
  final long depth;
  final long width;
  final Point previous;
  /** The index of the child whose output this is, or -1 for the input and for merges. */
  final int child;
  /**
   * The first tensor made from this one, later in the forward, or {@code null}; most tensors feed
   * exactly one, so the others are kept apart, in {@link #moreFeeds} (a list each was an allocation
   * per tensor of every replay).
   */
  private Point firstFeed;
  /** The tensors made from this one after {@link #firstFeed}, in order, or {@code null}. */
  private List<Point> moreFeeds;

  Point(long depth, long width, Point previous, int child) {
    this.depth = depth;
    this.width = width;
    this.previous = previous;
    this.child = child;
    if (previous != null) {
      previous.feed(this);
    }
  }

  /** Records that {@code made} was made from this tensor. */
  void feed(Point made) {
    if (firstFeed == null) {
      firstFeed = made;
      return;
    }
    if (moreFeeds == null) {
      moreFeeds = new ArrayList<>(2);
    }
    moreFeeds.add(made);
  }

  /** The tensors made from this one, in the order they were made. */
  List<Point> feeds() {
    if (firstFeed == null) {
      return List.of();
    }
    if (moreFeeds == null) {
      return List.of(firstFeed);
    }
    List<Point> all = new ArrayList<>(moreFeeds.size() + 1);
    all.add(firstFeed);
    all.addAll(moreFeeds);
    return all;
  }

  /** The conv/FC layers this tensor's own step adds: a child's, or none for merges and reshapes. */
  long step() {
    return child >= 0 && previous != null ? depth - previous.depth : 0;
  }

  /** The tensor this one is a relabelling of: merges and reshapes add no layer and keep the depth. */
  Point origin() {
    Point p = this;
    while (p.child < 0 && p.previous != null && p.previous.depth == p.depth) {
      p = p.previous;
    }
    return p;
  }
}
