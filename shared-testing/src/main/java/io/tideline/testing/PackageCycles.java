package io.tideline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package dependency graph of a module, read from its sources (imports and fully qualified references), and its
 * cycles: every service's test asserts it has none.
 */
public final class PackageCycles {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    private PackageCycles() {
    }

    /** Which of the base package's packages each package uses. */
    public static Map<String, Set<String>> uses(Path sources, String basePackage) {
        Pattern reference = Pattern.compile("\\b(" + Pattern.quote(basePackage) + "(?:\\.[a-z]\\w*)*)\\.[A-Z]");
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                if (!declared.find()) {
                    throw new IllegalStateException("no package declaration in " + file);
                }
                String own = declared.group(1);
                Set<String> used = uses.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher referenced = reference.matcher(source);
                while (referenced.find()) {
                    if (!referenced.group(1).equals(own)) {
                        used.add(referenced.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** The groups of packages (more than one) that depend on each other, directly or through others. */
    public static List<Set<String>> cycles(Path sources, String basePackage) {
        return cycles(uses(sources, basePackage));
    }

    /** Tarjan's strongly connected components of more than one package. */
    public static List<Set<String>> cycles(Map<String, Set<String>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> found = new ArrayList<>();
        for (String p : uses.keySet()) {
            if (!index.containsKey(p)) {
                visit(p, uses, index, low, stack, onStack, found);
            }
        }
        return found;
    }

    private static void visit(String p, Map<String, Set<String>> uses, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> found) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        onStack.add(p);
        for (String q : uses.getOrDefault(p, Set.of())) {
            if (!index.containsKey(q)) {
                visit(q, uses, index, low, stack, onStack, found);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (onStack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            Set<String> component = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                onStack.remove(q);
                component.add(q);
            } while (!q.equals(p));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }
}
