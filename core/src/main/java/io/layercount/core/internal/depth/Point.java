package io.layercount.core.internal.depth;

/**
 * A tensor inside one module's forward: how many conv/FC layers lie behind it (counted from the
 * module's input) and its width. {@code previous} and {@code child} record how it was made, so the
 * longest path can be traced back through the children that made it.
 */
final class Point {
  final long depth;
  final long width;
  final Point previous;
  /** The index of the child whose output this is, or -1 for the input and for merges. */
  final int child;

  Point(long depth, long width, Point previous, int child) {
    this.depth = depth;
    this.width = width;
    this.previous = previous;
    this.child = child;
  }

  Point withWidth(long newWidth) {
    return new Point(depth, newWidth, previous, child);
  }
}
