import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the surefire reports of a build say, so that a green run cannot hide a skipped suite: totals per module,
 * each failed and each skipped test with its reason (the report's {@code <skipped message=...>}), and last a plain
 * line {@code tests: N passed, N failed, N skipped}. It reads every {@code target/surefire-reports/TEST-*.xml}
 * under ROOT (default: the working directory) and always exits 0: the build's own status is what counts.
 * Run by .ci/run after the build: {@code java .ci/TestSummary.java [ROOT]}. Compiled by app/gui's build so that
 * it cannot rot.
 */
public class TestSummary {

    enum Outcome { PASSED, FAILED, SKIPPED }

    record Case(String module, String test, Outcome outcome, String reason) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Path> reports = reports(root);
        List<Case> cases = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path report : reports) {
            try {
                cases.addAll(read(root, report));
            } catch (org.xml.sax.SAXException | IOException e) {
                unreadable.add(root.relativize(report).toString().replace('\\', '/'));
            }
        }
        System.out.println("== Test summary: " + reports.size() + " surefire reports under " + root);
        if (reports.isEmpty()) {
            System.out.println("no surefire report found: no test ran");
        }
        unreadable.forEach(r -> System.out.println("unreadable report " + r + ": not counted"));
        Map<String, int[]> perModule = new TreeMap<>();
        for (Case c : cases) {
            perModule.computeIfAbsent(c.module(), m -> new int[3])[c.outcome().ordinal()]++;
        }
        perModule.forEach((module, n) -> System.out.printf("%-14s %5d passed, %d failed, %d skipped%n",
                module, n[0], n[1], n[2]));
        list(cases, Outcome.FAILED, "failed");
        reasons(cases);
        list(cases, Outcome.SKIPPED, "skipped");
        System.out.printf("tests: %d passed, %d failed, %d skipped%n", count(cases, Outcome.PASSED),
                count(cases, Outcome.FAILED), count(cases, Outcome.SKIPPED));
    }

    /** Every report file of every module, in a stable order. */
    static List<Path> reports(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().startsWith("TEST-")
                            && f.getFileName().toString().endsWith(".xml")
                            && f.getParent() != null && f.getParent().endsWith(Path.of("target", "surefire-reports")))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /** The test cases of one report; the module is the report's path up to its target directory. */
    static List<Case> read(Path root, Path report) throws Exception {
        Path moduleDir = report.getParent().getParent().getParent();
        String module = root.equals(moduleDir) ? "." : root.relativize(moduleDir).toString().replace('\\', '/');
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws on a fatal error, prints nothing
        NodeList testcases = builder.parse(report.toFile()).getElementsByTagName("testcase");
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < testcases.getLength(); i++) {
            Element t = (Element) testcases.item(i);
            String name = t.getAttribute("name");
            String test = t.getAttribute("classname") + (name.isEmpty() ? "" : "." + name);
            Element problem = first(t, "failure", "error");
            Element skipped = first(t, "skipped");
            if (problem != null) {
                cases.add(new Case(module, test, Outcome.FAILED, oneLine(problem.getAttribute("message"))));
            } else if (skipped != null) {
                String why = oneLine(skipped.getAttribute("message"));
                cases.add(new Case(module, test, Outcome.SKIPPED, why.isEmpty() ? "(no reason given)" : why));
            } else {
                cases.add(new Case(module, test, Outcome.PASSED, ""));
            }
        }
        return cases;
    }

    private static Element first(Element testcase, String... tags) {
        for (String tag : tags) {
            NodeList found = testcase.getElementsByTagName(tag);
            if (found.getLength() > 0) {
                return (Element) found.item(0);
            }
        }
        return null;
    }

    private static void list(List<Case> cases, Outcome outcome, String title) {
        List<Case> these = cases.stream().filter(c -> c.outcome() == outcome).toList();
        if (these.isEmpty()) {
            return;
        }
        System.out.println(title + " (" + these.size() + "):");
        for (Case c : these) {
            System.out.println("  " + c.module() + " " + c.test() + ": " + c.reason());
        }
    }

    /** How many tests each skip reason accounts for, most first: what a whole skipped suite looks like. */
    private static void reasons(List<Case> cases) {
        Map<String, Long> byReason = new TreeMap<>();
        cases.stream().filter(c -> c.outcome() == Outcome.SKIPPED)
                .forEach(c -> byReason.merge(c.reason(), 1L, Long::sum));
        if (byReason.isEmpty()) {
            return;
        }
        System.out.println("skipped by reason:");
        byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %4d  %s%n", e.getValue(), e.getKey()));
    }

    private static long count(List<Case> cases, Outcome outcome) {
        return cases.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** A message on one line: whitespace runs collapse, other control characters show as \\uXXXX, long ones are cut. */
    static String oneLine(String message) {
        String collapsed = message.strip().replaceAll("\\s+", " ");
        StringBuilder out = new StringBuilder();
        collapsed.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.length() > 300 ? out.substring(0, 300) + "..." : out.toString();
    }
}
