package org.delineate.dicom.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a command line against a tree of {@link CliCommand}s and runs the command it names.
 *
 * <ul>
 * <li>Subcommands by name, before their own arguments: {@code delineate seg write --out X}.</li>
 * <li>Options as {@code --name VALUE} or {@code --name=VALUE}; flags as {@code --name}; {@code --} ends the options.
 * Anything else is a positional parameter.</li>
 * <li>{@code -h/--help} and {@code -V/--version} anywhere: the help of the command they follow (on stdout), or the
 * version; exit 0.</li>
 * <li>Usage errors (unknown or repeated options, missing values, options or parameters, extra arguments, and
 * {@link UsageException}s from the command): the message and the usage on stderr, exit 2.</li>
 * <li>Anything else the command throws: one line on stderr, exit 1; never a stack trace.</li>
 * </ul>
 */
public final class CommandRunner {

    /** The exit code of usage errors. */
    public static final int USAGE = 2;

    private final CliCommand root;
    private final String version;

    /** @param version what {@code --version} prints */
    public CommandRunner(CliCommand root, String version) {
        this.root = root;
        this.version = version;
    }

    /** Runs {@code args}; returns the exit code. */
    public int execute(PrintWriter out, PrintWriter err, String... args) {
        CliCommand command = root;
        String name = root.syntax().name();
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> parameters = new ArrayList<>();
        // NB: what -h or -V asked for, the first one given: the help of the command it followed, or the version
        CliCommand helpOf = null;
        String helpName = null;
        boolean version = false;
        try {
            boolean optionsEnd = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                Syntax syntax = command.syntax();
                if (!optionsEnd && arg.equals("--")) {
                    optionsEnd = true;
                } else if (!optionsEnd && (arg.equals("--help") || isShortFlags(arg) && arg.indexOf('h') > 0)) {
                    if (helpOf == null && !version) {
                        helpOf = command;
                        helpName = name;
                    }
                } else if (!optionsEnd && (arg.equals("--version") || isShortFlags(arg))) {
                    version |= helpOf == null;
                } else if (!optionsEnd && arg.startsWith("-") && arg.length() > 1) {
                    int equals = arg.indexOf('=');
                    String option = equals < 0 ? arg : arg.substring(0, equals);
                    Syntax.Option o = syntax.find(option);
                    if (o == null) {
                        throw new UsageException("Unknown option: '" + option + "'");
                    }
                    if (values.containsKey(option) && !o.repeatable()) {
                        throw new UsageException("option '" + option + "' should be specified only once");
                    }
                    String value;
                    if (o.flag()) {
                        if (equals >= 0) {
                            throw new UsageException("option '" + option + "' takes no value, but was given '"
                                    + arg.substring(equals + 1) + "'");
                        }
                        value = "";
                    } else if (equals >= 0) {
                        value = arg.substring(equals + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new UsageException("Missing required parameter for option '" + option + "' ("
                                + o.label() + ")");
                    }
                    values.computeIfAbsent(option, k -> new ArrayList<>()).add(value);
                } else if (parameters.isEmpty() && values.isEmpty() && subcommand(command, arg) != null) {
                    command = subcommand(command, arg);
                    name += " " + arg;
                } else {
                    if (parameters.size() >= syntax.parameters().size()) {
                        throw new UsageException("Unmatched argument at index " + i + ": '" + arg + "'");
                    }
                    parameters.add(arg);
                }
            }
            if (helpOf != null) {
                helpOf.syntax().usage(helpName, helpOf.subcommands(), out);
                return 0;
            }
            if (version) {
                out.println(this.version);
                return 0;
            }
            check(command.syntax(), values, parameters);
            return command.run(new Invocation(command.syntax(), values, parameters, out, err));
        } catch (UsageException e) {
            err.println(e.getMessage());
            command.syntax().usage(name, command.subcommands(), err);
            return USAGE;
        } catch (RuntimeException e) {
            // NB: a fault of ours, not of the input: one line, as every message, but never silent
            err.println(name + ": internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
                    + "; please report it");
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code -h}, {@code -V}, or both together ({@code -hV}, {@code -Vh}), as the synopsis shows them. */
    private static boolean isShortFlags(String arg) {
        if (arg.length() < 2 || arg.length() > 3 || arg.charAt(0) != '-') {
            return false;
        }
        for (int i = 1; i < arg.length(); i++) {
            if (arg.charAt(i) != 'h' && arg.charAt(i) != 'V') {
                return false;
            }
        }
        return true;
    }

    private static void check(Syntax syntax, Map<String, List<String>> values, List<String> parameters) {
        List<String> missing = new ArrayList<>();
        for (Syntax.Option o : syntax.options()) {
            if (o.required() && !values.containsKey(o.name())) {
                missing.add("'" + o.shown() + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("Missing required option" + (missing.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", missing));
        }
        for (int p = parameters.size(); p < syntax.parameters().size(); p++) {
            if (!syntax.parameters().get(p).optional()) {
                missing.add("'" + syntax.parameters().get(p).label() + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException("Missing required parameter" + (missing.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", missing));
        }
    }

    private static CliCommand subcommand(CliCommand command, String name) {
        for (CliCommand c : command.subcommands()) {
            if (c.syntax().name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
