package io.layercount.cli;

import io.layercount.core.Analysis;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads and analyses the inputs one after another, or {@code jobs} at a time on as many threads,
 * and hands each result back in input order as soon as it and those before it are done: the
 * output streams, and memory holds only the inputs in flight (at most {@link #WINDOW} per job),
 * never the whole batch. Inputs are read on the calling thread (standard input can be read only
 * once, in order); only the analysis runs in parallel.
 */
final class Pipeline implements AutoCloseable {
  /** How many inputs per job may wait, read or analysed, ahead of the one being written. */
  static final int WINDOW = 2;

  /** One input with its analyses. */
  record Done(String name, Input input, List<Analysis> analyses) {}

  private final List<String> names;
  private final InputReader reader;
  private final Function<Input, List<Analysis>> analyse;
  private final ExecutorService pool;
  private final int inFlight;
  private final Deque<Future<Done>> window = new ArrayDeque<>();
  private int next;

  /**
   * @param analyse never throws for a bad input (it returns failed analyses); it must be
   *     thread-safe when {@code jobs > 1}
   */
  Pipeline(List<String> names, InputReader reader, Function<Input, List<Analysis>> analyse, int jobs) {
    this.names = names;
    this.reader = reader;
    this.analyse = analyse;
    this.pool = jobs > 1 ? Executors.newFixedThreadPool(jobs, Pipeline::worker) : null;
    this.inFlight = jobs * WINDOW;
  }

  boolean hasNext() {
    return next < names.size() || !window.isEmpty();
  }

  /** The next input in order, analysed. */
  Done next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (pool == null) {
      Input input = reader.read(names.get(next++));
      return new Done(input.name(), input, analyse.apply(input));
    }
    fill();
    Future<Done> head = window.poll();
    fill();
    return await(head);
  }

  private void fill() {
    while (window.size() < inFlight && next < names.size()) {
      Input input = reader.read(names.get(next++));
      window.add(pool.submit(() -> new Done(input.name(), input, analyse.apply(input))));
    }
  }

  private static Done await(Future<Done> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an analysis", e);
    } catch (ExecutionException e) {
      // the analysis catches what a bad input can cause; anything else is a bug, as it would be
      // without --jobs, and must not be hidden
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
  }

  /** Worker threads do not keep the JVM alive: the tool exits when the output is written. */
  private static Thread worker(Runnable task) {
    Thread t = new Thread(task, "layercount-worker");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    if (pool != null) {
      window.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }
}
