package io.tideline.perp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.junit.jupiter.api.Test;

/** No two packages of perp-hedger depend on each other, directly or through others (read from the sources' imports). */
class PackageCyclesTest {

    private static final String BASE = "io.tideline.perp";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.tideline\\.perp(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void packagesHaveNoImportCycle() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                assertThat(declared.find()).as("package of %s", file).isTrue();
                String own = declared.group(1);
                Set<String> used = uses.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher referenced = REFERENCE.matcher(source);
                while (referenced.find()) {
                    if (!referenced.group(1).equals(own)) {
                        used.add(referenced.group(1));
                    }
                }
            }
        }
        assertThat(uses).containsKeys(BASE + ".hedge", BASE + ".venue");
        assertThat(cycles(uses)).as("package cycles among %s", uses).isEmpty();
    }

    /** Tarjan's strongly connected components of more than one package. */
    private static List<Set<String>> cycles(Map<String, Set<String>> uses) {
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
