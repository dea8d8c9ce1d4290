package org.delineate.dicom.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What one command accepts: its name and description, its options ({@code --name VALUE}, {@code --name=VALUE}, or
 * flags without a value) and its positional parameters, in the order its help lists them; and that help. Every
 * command also takes {@code -h/--help} and {@code -V/--version}. Immutable: each adding method returns a new
 * syntax.
 *
 * <p>NB: declared in code, not by annotations read through reflection: picocli's model of one command cost every
 * start of a new JVM 70 to 100 ms (docs/performance.md), a sixth of a whole {@code convert}.
 */
public final class Syntax {

    /**
     * An option.
     *
     * @param label the value's name in the help, or null for a flag (an option without a value)
     */
    public record Option(String name, String label, String description, boolean required, boolean repeatable,
            boolean hidden) {

        boolean flag() {
            return label == null;
        }

        /** As the synopsis and messages show it: {@code --in=DIR}, or {@code --json}. */
        String shown() {
            return flag() ? name : name + "=" + label;
        }
    }

    /** A positional parameter; optional ones may only follow required ones. */
    public record Parameter(String label, String description, boolean optional) {
    }

    /** The width the help is wrapped to. */
    static final int WIDTH = 80;

    private static final Option HELP = new Option("--help", null, "Show this help message and exit.", false, false,
            false);
    private static final Option VERSION = new Option("--version", null, "Print version information and exit.", false,
            false, false);

    private final String name;
    private final List<String> description;
    private final List<Option> options;
    private final List<Parameter> parameters;

    private Syntax(String name, List<String> description, List<Option> options, List<Parameter> parameters) {
        this.name = name;
        this.description = List.copyOf(description);
        this.options = List.copyOf(options);
        this.parameters = List.copyOf(parameters);
    }

    /** A command named {@code name}; each description line is a paragraph of its help. */
    public static Syntax command(String name, String... description) {
        return new Syntax(name, List.of(description), List.of(), List.of());
    }

    public String name() {
        return name;
    }

    /** The first paragraph of the description: what a parent command's help lists. */
    public String summary() {
        return description.isEmpty() ? "" : description.get(0);
    }

    public List<Option> options() {
        return options;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Adds a flag. */
    public Syntax flag(String option, String text) {
        return with(new Option(option, null, text, false, false, false));
    }

    /** Adds an option that may be given once. */
    public Syntax option(String option, String label, String text) {
        return with(new Option(option, label, text, false, false, false));
    }

    /** Adds an option that must be given once. */
    public Syntax required(String option, String label, String text) {
        return with(new Option(option, label, text, true, false, false));
    }

    /** Adds an option that may be given any number of times. */
    public Syntax repeatable(String option, String label, String text) {
        return with(new Option(option, label, text, false, true, false));
    }

    /** Adds an option that must be given at least once and may be repeated. */
    public Syntax requiredRepeatable(String option, String label, String text) {
        return with(new Option(option, label, text, true, true, false));
    }

    /** Adds an option left out of the help (for tests). */
    public Syntax hidden(String option, String label, String text) {
        return with(new Option(option, label, text, false, false, true));
    }

    /** Adds a required positional parameter. */
    public Syntax parameter(String label, String text) {
        if (!parameters.isEmpty() && parameters.get(parameters.size() - 1).optional()) {
            throw new IllegalStateException(name + ": required parameter " + label + " after an optional one");
        }
        return with(new Parameter(label, text, false));
    }

    /** Adds an optional positional parameter. */
    public Syntax optionalParameter(String label, String text) {
        return with(new Parameter(label, text, true));
    }

    private Syntax with(Option option) {
        if (!option.name().startsWith("--") || find(option.name()) != null) {
            throw new IllegalArgumentException(name + ": option " + option.name() + " is not a new --name");
        }
        List<Option> more = new ArrayList<>(options);
        more.add(option);
        return new Syntax(name, description, more, parameters);
    }

    private Syntax with(Parameter parameter) {
        List<Parameter> more = new ArrayList<>(parameters);
        more.add(parameter);
        return new Syntax(name, description, options, more);
    }

    /** The option named {@code option} ({@code --name}), or null. */
    Option find(String option) {
        for (Option o : options) {
            if (o.name().equals(option)) {
                return o;
            }
        }
        return null;
    }

    /** The index of the parameter labelled {@code label}, or -1. */
    int parameterIndex(String label) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    /** Prints the help of this command, called as {@code qualifiedName}, with its subcommands if any. */
    public void usage(String qualifiedName, List<CliCommand> subcommands, PrintWriter out) {
        String start = "Usage: " + qualifiedName + " ";
        List<String> synopsis = new ArrayList<>();
        synopsis.add("[-hV]");
        for (Option o : options) {
            if (o.flag() && !o.hidden() && !o.required()) {
                synopsis.add("[" + o.shown() + "]");
            }
        }
        for (Option o : options) {
            if (o.hidden() || o.flag() && !o.required()) {
                continue;
            }
            String shown = o.required() ? o.shown() : "[" + o.shown() + "]";
            synopsis.add(o.repeatable() ? shown + "..." : shown);
        }
        for (Parameter p : parameters) {
            synopsis.add(p.optional() ? "[" + p.label() + "]" : p.label());
        }
        if (!subcommands.isEmpty()) {
            synopsis.add("[COMMAND]");
        }
        wrapWords(start, String.join(" ", synopsis), start.length(), out);
        for (String paragraph : description) {
            wrapWords("", paragraph, 0, out);
        }
        List<String[]> rows = new ArrayList<>();
        for (Parameter p : parameters) {
            rows.add(new String[] {"      " + p.label(), p.description()});
        }
        rows.add(new String[] {"  -h, " + HELP.name(), HELP.description()});
        for (Option o : options) {
            if (!o.hidden()) {
                rows.add(new String[] {"      " + o.shown(), o.description()});
            }
        }
        rows.add(new String[] {"  -V, " + VERSION.name(), VERSION.description()});
        table(rows, out);
        if (!subcommands.isEmpty()) {
            out.println("Commands:");
            List<String[]> commands = new ArrayList<>();
            for (CliCommand c : subcommands) {
                commands.add(new String[] {"  " + c.syntax().name(), c.syntax().summary()});
            }
            table(commands, out);
        }
        out.flush();
    }

    /** Two columns: the first as wide as its widest entry up to a limit; longer ones put the text on the next line. */
    private static void table(List<String[]> rows, PrintWriter out) {
        int first = 0;
        for (String[] row : rows) {
            if (row[0].length() <= 30) {
                first = Math.max(first, row[0].length());
            }
        }
        int indent = first + 2;
        for (String[] row : rows) {
            if (row[0].length() > first) {
                out.println(row[0]);
                wrapWords(" ".repeat(indent), row[1], indent, out);
            } else {
                wrapWords(row[0] + " ".repeat(indent - row[0].length()), row[1], indent, out);
            }
        }
    }

    /** Prints {@code first} then {@code text}'s words, wrapped at {@link #WIDTH} with {@code indent} spaces after. */
    static void wrapWords(String first, String text, int indent, PrintWriter out) {
        StringBuilder line = new StringBuilder(first);
        int lineStart = line.length();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > lineStart && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line.setLength(0);
                line.append(" ".repeat(indent));
                lineStart = line.length();
            }
            if (line.length() > lineStart) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }
}
