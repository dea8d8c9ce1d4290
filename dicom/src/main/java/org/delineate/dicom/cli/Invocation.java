package org.delineate.dicom.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call of a command: the values given for its options and parameters, already checked against its
 * {@link Syntax} (known names, values present, required ones given), and where its output and messages go. The
 * typed getters refuse a malformed value with a {@link UsageException} naming the option.
 */
public final class Invocation {

    private final Syntax syntax;
    private final Map<String, List<String>> values;
    private final List<String> parameters;
    private final PrintWriter out;
    private final PrintWriter err;

    Invocation(Syntax syntax, Map<String, List<String>> values, List<String> parameters, PrintWriter out,
            PrintWriter err) {
        this.syntax = syntax;
        this.values = values;
        this.parameters = List.copyOf(parameters);
        this.out = out;
        this.err = err;
    }

    /** Standard output: what the command produces. */
    public PrintWriter out() {
        return out;
    }

    /** Standard error: progress and messages. */
    public PrintWriter err() {
        return err;
    }

    /** Whether the flag {@code option} was given. */
    public boolean flag(String option) {
        Syntax.Option o = declared(option);
        if (!o.flag()) {
            throw new IllegalArgumentException(option + " takes a value; it is not a flag");
        }
        return values.containsKey(option);
    }

    /** The value of {@code option}, or null when it was not given. */
    public String string(String option) {
        List<String> given = strings(option);
        return given.isEmpty() ? null : given.get(0);
    }

    /** The value of {@code option}, or {@code otherwise} when it was not given. */
    public String string(String option, String otherwise) {
        String value = string(option);
        return value == null ? otherwise : value;
    }

    /** Every value of {@code option}, in the order given (empty when it was not given). */
    public List<String> strings(String option) {
        Syntax.Option o = declared(option);
        if (o.flag()) {
            throw new IllegalArgumentException(option + " is a flag");
        }
        return values.getOrDefault(option, List.of());
    }

    /** The value of {@code option} as a path, or null when it was not given. */
    public Path path(String option) {
        String value = string(option);
        return value == null ? null : toPath("option '" + option + "'", value);
    }

    /** Every value of {@code option} as a path. */
    public List<Path> paths(String option) {
        List<Path> paths = new ArrayList<>();
        for (String value : strings(option)) {
            paths.add(toPath("option '" + option + "'", value));
        }
        return paths;
    }

    /** The value of {@code option} as a whole number, or {@code otherwise} when it was not given. */
    public int integer(String option, int otherwise) {
        String value = string(option);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("Invalid value for option '" + option + "': '" + value + "' is not a whole number");
        }
    }

    /** The value of {@code option} as a number, or {@code otherwise} when it was not given. */
    public double decimal(String option, double otherwise) {
        String value = string(option);
        if (value == null) {
            return otherwise;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("Invalid value for option '" + option + "': '" + value + "' is not a number");
    }

    /** The positional parameter labelled {@code label}, or null when an optional one was not given. */
    public String parameter(String label) {
        int index = syntax.parameterIndex(label);
        if (index < 0) {
            throw new IllegalArgumentException(syntax.name() + " has no parameter " + label);
        }
        return index < parameters.size() ? parameters.get(index) : null;
    }

    /** The positional parameter labelled {@code label} as a path, or null when an optional one was not given. */
    public Path parameterPath(String label) {
        String value = parameter(label);
        return value == null ? null : toPath("positional parameter " + label, value);
    }

    private Syntax.Option declared(String option) {
        Syntax.Option o = syntax.find(option);
        if (o == null) {
            throw new IllegalArgumentException(syntax.name() + " has no option " + option);
        }
        return o;
    }

    private static Path toPath(String what, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("Invalid value for " + what + ": '" + value + "' is not a path (" + e.getReason()
                    + ")");
        }
    }
}
