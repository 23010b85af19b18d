package io.layercount.cli;

import io.layercount.core.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the names given on the command line and reads them one at a time, so that a large
 * directory is never held in memory at once. Never throws: what cannot be read becomes an
 * {@link Input} with a problem.
 */
final class InputReader {
  /** Standard input's name on the command line and in output. */
  static final String STDIN = "-";

  /** How much of a file is inspected to tell text from binary. */
  private static final int SNIFF_BYTES = 8192;

  private final InputStream stdin;
  private final Limits limits;
  private boolean stdinRead;

  InputReader(InputStream stdin, Limits limits) {
    this.stdin = stdin;
    this.limits = limits;
  }

  /**
   * The names to read, in order: a directory is replaced by its text files (not its
   * subdirectories), sorted by name; a directory without any stays, so that reading it reports the
   * problem.
   */
  List<String> expand(List<String> given) {
    List<String> names = new ArrayList<>();
    for (String name : given) {
      Path path = name.equals(STDIN) ? null : pathOrNull(name);
      if (path == null || !Files.isDirectory(path)) {
        names.add(name);
        continue;
      }
      List<String> files = textFilesIn(path);
      names.addAll(files.isEmpty() ? List.of(name) : files);
    }
    return names;
  }

  /** Reads one expanded name. */
  Input read(String name) {
    if (name.equals(STDIN)) {
      return readStdin();
    }
    Path path = pathOrNull(name);
    if (path == null) {
      return Input.unreadable(name, "is not a valid file name on this system");
    }
    if (Files.isDirectory(path)) {
      return Input.unreadable(name, "is a directory without text files");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return read(name, in);
    } catch (NoSuchFileException e) {
      return Input.unreadable(name, "no such file");
    } catch (AccessDeniedException e) {
      return Input.unreadable(name, "permission denied");
    } catch (IOException | OutOfMemoryError e) {
      return Input.unreadable(name, "cannot be read: " + e.getMessage());
    }
  }

  /** Reads no more than the limits allow: a huge file or stream is refused, not loaded. */
  private Input read(String name, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(limits.maxInputBytes());
    if (in.read() >= 0) {
      return Input.unreadable(name, limits.inputTooLarge().message());
    }
    return Input.of(name, bytes);
  }

  private static Path pathOrNull(String name) {
    try {
      return Path.of(name);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private Input readStdin() {
    if (stdinRead) {
      return Input.unreadable(STDIN, "standard input was already read by an earlier '-'");
    }
    stdinRead = true;
    try {
      return read(STDIN, stdin);
    } catch (IOException | OutOfMemoryError e) {
      return Input.unreadable(STDIN, "standard input cannot be read: " + e.getMessage());
    }
  }

  private static List<String> textFilesIn(Path dir) {
    List<String> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String fileName = entry.getFileName().toString();
        if (!fileName.startsWith(".") && Files.isRegularFile(entry) && looksLikeText(entry)) {
          files.add(entry.toString());
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    files.sort(null);
    return files;
  }

  /** A NUL byte near the start marks a binary file (compressed data, images): skip it. */
  private static boolean looksLikeText(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      for (byte b : in.readNBytes(SNIFF_BYTES)) {
        if (b == 0) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      // keep it: reading it later reports why it cannot be read
      return true;
    }
  }
}
