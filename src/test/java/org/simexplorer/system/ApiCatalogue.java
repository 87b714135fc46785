package org.simexplorer.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed requests generated from an OpenAPI document: for every operation, bad path variables (not numbers,
 * loose numbers, missing ids, broken escapes), bad query values for each parameter by its type, and bad bodies for
 * each media type it takes (wrong types, nulls, missing and extra fields, huge, negative and non-finite numbers,
 * deep nesting, a 10 MB string, invalid UTF-8, wrong content types, broken multipart). Real ids are only sent with
 * input that must be refused, so no case may change anything.
 */
final class ApiCatalogue {

    /** One request; {@code why} says what is wrong with it. */
    record Case(String why, String method, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            return method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " [" + why + "]";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for a raw JSON text (NaN, 1e400, broken bytes) that a tree cannot hold. */
    private static final String RAW = "@@raw@@";
    private static final String BOUNDARY = "----catalogue";
    private static final String MISSING_ID = "987654";
    private static final List<String> BAD_IDS = List.of("abc", "0x10", "%2310", "+1", "-1", "%201", "1%20", "1.5",
            "1e3", "99999999999999999999", "%ff", "%c3%28", MISSING_ID, "%00", "..%2f1", "1;x=1");
    private static final List<String> BAD_TEXT_IDS = List.of("%ff", "%c3%28", "%00", "..%2f..%2f", "a;b=1",
            "x".repeat(300));
    private static final Map<String, List<String>> BAD_QUERY = Map.of(
            "integer", List.of("abc", "1.5", "99999999999999999999", "-99999999999999999999", "NaN", "0x10", ""),
            "number", List.of("abc", "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "0x1p3", ""),
            "boolean", List.of("maybe", "2", ""),
            "string", List.of("%ff%fe", "%c3%28", "%e2%82", "%zz"));
    /** Values whose bytes are not UTF-8 or not an escape at all: refused whatever the parameter is. */
    private static final List<String> BROKEN_ESCAPES = List.of("%ff", "%c3%28", "%e2%82", "%z1");

    private final JsonNode document;
    private final long dataset;
    private final long adapter;
    private final Random random;
    private final Arbitrary<JsonNode> hostileValues;
    private int operations;

    ApiCatalogue(JsonNode document, long dataset, long adapter, Random random) {
        this.document = document;
        this.dataset = dataset;
        this.adapter = adapter;
        this.random = random;
        this.hostileValues = hostileValues();
    }

    int operations() {
        return operations;
    }

    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                operation(cases, operation.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        operation.getValue());
            }
        }
        return cases;
    }

    private void operation(List<Case> cases, String method, String template, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").values().forEach(parameters::add);
        JsonNode content = operation.path("requestBody").path("content");
        String firstType = content.isObject() && !content.properties().isEmpty()
                ? content.properties().iterator().next().getKey() : null;
        boolean stream = operation.path("responses").path("200").path("content").has("text/event-stream");
        String real = realPath(template);
        // Path variables: each one bad in turn, the others real.
        for (JsonNode parameter : parameters) {
            if (!"path".equals(parameter.path("in").asString())) continue;
            String name = parameter.get("name").asString();
            boolean numeric = "integer".equals(type(parameter.path("schema")));
            for (String bad : numeric ? BAD_IDS : BAD_TEXT_IDS) {
                String path = realPath(template.replace("{" + name + "}", bad));
                cases.add(new Case("path " + name + "=" + bad, method, path, firstType, firstType == null ? null
                        : brokenBody(firstType)));
            }
        }
        // Query strings: broken escapes in a known name, a known value and an unknown one, on the real path.
        for (String escape : BROKEN_ESCAPES) {
            cases.add(new Case("unknown parameter " + escape, method, real + "?unknown=" + escape, firstType,
                    firstType == null ? null : brokenBody(firstType)));
            cases.add(new Case("parameter name " + escape, method, real + "?" + escape + "=1", firstType,
                    firstType == null ? null : brokenBody(firstType)));
        }
        for (JsonNode parameter : parameters) {
            if (!"query".equals(parameter.path("in").asString())) continue;
            String name = parameter.get("name").asString();
            String type = type(parameter.path("schema"));
            if (!BAD_QUERY.containsKey(type)) continue;
            // A wrong value that is still well formed could be taken as given by a call that changes data.
            boolean escapesOnly = method.equals("DELETE") || stream;
            for (String bad : escapesOnly ? BROKEN_ESCAPES : BAD_QUERY.get(type)) {
                cases.add(new Case("query " + name + "=" + bad, method, real + "?" + name + "=" + bad, firstType,
                        firstType == null ? null : brokenBody(firstType)));
            }
            cases.add(new Case("query " + name + " of 9,000 characters", method, real + "?" + name + "="
                    + "9".repeat(9000), null, null));
        }
        // Bodies, for each media type the operation takes.
        if (content.isObject()) {
            for (Map.Entry<String, JsonNode> media : content.properties()) {
                String type = media.getKey();
                JsonNode schema = resolve(media.getValue().path("schema"));
                if (type.equals("application/json")) jsonBodies(cases, method, real, schema);
                else if (type.startsWith("multipart/")) multipartBodies(cases, method, real);
                else textBodies(cases, method, real, type);
            }
            for (String wrong : new String[] {"application/xml", "text/html", "image/png",
                "application/x-www-form-urlencoded"}) {
                if (!content.has(wrong)) {
                    cases.add(new Case("content type " + wrong, method, real, wrong, bytes(wrong.equals(
                            "application/x-www-form-urlencoded") ? "a=%ff&b=%z1" : "<a>%ff</a>")));
                }
            }
            cases.add(new Case("no content type", method, real, null, bytes("{")));
        }
    }

    private void jsonBodies(List<Case> cases, String method, String path, JsonNode schema) {
        String t = "application/json";
        for (String body : new String[] {"", " ", "null", "true", "12", "-1e400", "\"text\"", "{", "[", "{}}",
            "{\"a\":}", "[1,]", "NaN", "{\"x\":NaN}", "{\"x\":Infinity}", "{\"x\":-Infinity}", "[".repeat(5000)
                + "]".repeat(5000), "{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "{\"x\":1}{\"y\":2}",
            "// comment\n{}", "{'single':'quotes'}", "\uFEFF{}"}) {
            cases.add(new Case("JSON " + abbreviate(body), method, path, t, bytes(body)));
        }
        cases.add(new Case("JSON invalid UTF-8", method, path, t, new byte[] {'{', '"', 'x', '"', ':', '"',
            (byte) 0xC3, 0x28, (byte) 0xFF, '"', '}'}));
        cases.add(new Case("JSON as UTF-16", method, path, t + ";charset=UTF-16", "{\"x\":1}".getBytes(
                StandardCharsets.UTF_16)));
        JsonNode base = example(schema, 0);
        cases.add(new Case("JSON opposite kind", method, path, t, bytes(base.isArray() ? "{}" : "[]")));
        if (base.isArray() && base.size() > 0 && base.get(0).isObject()) {
            // A list of objects (labels): mutate the first item.
            ArrayNode list = (ArrayNode) base;
            mutations(cases, method, path, resolve(schema.path("items")), (ObjectNode) list.get(0), list);
        } else if (base.isObject()) {
            mutations(cases, method, path, schema, (ObjectNode) base, base);
        }
        // In a body of the right kind, so that the parser reads it to the end before it refuses it.
        String large = "\"" + "m".repeat(10 << 20) + "\"";
        cases.add(new Case("JSON with a 10 MB string", method, path, t, bytes(base.isArray() ? "[" + large + "]"
                : "{\"x\":" + large + "}")));
    }

    /** Each property wrong in each way, then random hostile values (jqwik, seeded) in random properties. */
    private void mutations(List<Case> cases, String method, String path, JsonNode schema, ObjectNode target,
            JsonNode root) {
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").values().forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String name = property.getKey();
            JsonNode original = target.get(name);
            String kind = type(resolve(property.getValue()));
            for (String raw : wrongValues(kind)) {
                target.set(name, NODES.stringNode(RAW));
                cases.add(new Case(name + "=" + abbreviate(raw), method, path, "application/json",
                        render(root, bytes(raw))));
            }
            target.set(name, NODES.stringNode(RAW));
            cases.add(new Case(name + " not UTF-8", method, path, "application/json", render(root,
                    new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF, '"'})));
            target.remove(name);
            cases.add(new Case("without " + name + (required.contains(name) ? " (required)" : ""), method, path,
                    "application/json", render(root, null)));
            if (original != null) target.set(name, original);
        }
        target.set("unexpected", NODES.stringNode(RAW));
        cases.add(new Case("an extra field, deeply nested", method, path, "application/json", render(root,
                bytes("[".repeat(2000) + "]".repeat(2000)))));
        target.remove("unexpected");
        List<String> names = new ArrayList<>();
        properties.properties().forEach(p -> names.add(p.getKey()));
        if (names.isEmpty()) return;
        for (int k = 0; k < 12; k++) {
            String name = names.get(random.nextInt(names.size()));
            JsonNode original = target.get(name);
            JsonNode value = hostileValues.generator(100).next(random).value();
            target.set(name, value);
            cases.add(new Case("random " + name + "=" + abbreviate(value.toString()), method, path,
                    "application/json", render(root, null)));
            if (original != null) target.set(name, original);
            else target.remove(name);
        }
    }

    private static List<String> wrongValues(String kind) {
        List<String> values = new ArrayList<>(List.of("null", "{\"nested\":{}}", "1e400", "-1e400",
                "99999999999999999999999", "NaN", "-Infinity", "\"NaN\"", "\"Infinity\""));
        switch (kind) {
            case "string" -> values.addAll(List.of("12", "true", "[\"a\"]", "\"\"",
                    "\"" + "s".repeat(100_000) + "\""));
            case "integer" -> values.addAll(List.of("\"1\"", "1.5", "-1", "-2147483649", "2147483648", "true"));
            case "number" -> values.addAll(List.of("\"1\"", "-1e308", "1e-400", "true", "[1]"));
            case "boolean" -> values.addAll(List.of("\"true\"", "1", "[]"));
            case "array" -> values.addAll(List.of("\"a\"", "12", "[null]", "[[[[]]]]",
                    "[" + "1,".repeat(20_000) + "1]"));
            default -> values.addAll(List.of("\"a\"", "[]", "12"));
        }
        return values;
    }

    /** Random JSON of every kind but a plain string or list of strings, which a field could take as valid. */
    private static Arbitrary<JsonNode> hostileValues() {
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(),
                        java.math.BigInteger.TEN.pow(30)).map(NODES::numberNode));
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(numbers, Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        Arbitrary<JsonNode> nested = numbers.list().ofMaxSize(5).map(values -> {
            ArrayNode array = NODES.arrayNode();
            values.forEach(array::add);
            return (JsonNode) NODES.arrayNode().add(array);
        });
        Arbitrary<JsonNode> objects = Arbitraries.strings().ofMaxLength(8).map(key -> {
            ObjectNode object = NODES.objectNode();
            object.put(key, Double.MAX_VALUE);
            return (JsonNode) object;
        });
        Arbitrary<JsonNode> deep = Arbitraries.integers().between(50, 450).map(depth -> {
            JsonNode node = NODES.arrayNode();
            for (int d = 0; d < depth; d++) node = NODES.arrayNode().add(node);
            return node;
        });
        return Arbitraries.oneOf(scalars, nested, objects, deep);
    }

    private void multipartBodies(List<Case> cases, String method, String path) {
        String valid = "sentence1,sentence2,score\nA first one.,A second one.,3\n";
        cases.add(new Case("multipart without boundary", method, path, "multipart/form-data", bytes("--x\r\n")));
        cases.add(new Case("multipart with an empty boundary", method, path, "multipart/form-data; boundary=",
                bytes("--\r\n")));
        cases.add(new Case("multipart cut off", method, path, multipartType(), cut(multipart("a.csv", bytes(valid),
                Map.of("name", "x")), 40)));
        cases.add(new Case("multipart without closing boundary", method, path, multipartType(),
                cut(multipart("a.csv", bytes(valid), Map.of("name", "x")), 10)));
        cases.add(new Case("multipart, another boundary", method, path, "multipart/form-data; boundary=other",
                multipart("a.csv", bytes(valid), Map.of())));
        cases.add(new Case("multipart, no file part", method, path, multipartType(), multipart(null, null,
                Map.of("name", "x"))));
        cases.add(new Case("multipart, empty file", method, path, multipartType(), multipart("a.txt", new byte[0],
                Map.of())));
        cases.add(new Case("multipart, file not UTF-8", method, path, multipartType(), multipart("a.txt",
                new byte[] {'a', '\n', (byte) 0xC3, 0x28, '\n'}, Map.of())));
        cases.add(new Case("multipart, part header not UTF-8", method, path, multipartType(), bytesOf("--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"", new byte[] {(byte) 0xFF},
                "\"\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n")));
        cases.add(new Case("multipart, binary garbage", method, path, multipartType(), randomBytes(4096)));
        for (String threshold : new String[] {"NaN", "Infinity", "-Infinity", "1e400", "abc", "1,5"}) {
            cases.add(new Case("multipart threshold=" + threshold, method, path, multipartType(), multipart("a.csv",
                    bytes(valid), Map.of("threshold", threshold, "name", "threshold"))));
        }
        // Just under the upload limit, so that it is read to the end; its extension is the fault.
        cases.add(new Case("multipart, 9.5 MB file", method, path, multipartType(), multipart("big.exe",
                bytes("A line of a big file.\n".repeat(450_000)), Map.of())));
    }

    private void textBodies(List<Case> cases, String method, String path, String type) {
        cases.add(new Case(type + " empty", method, path, type, new byte[0]));
        cases.add(new Case(type + " not UTF-8", method, path, type, new byte[] {'i', ',', 'j', ',', 'l', 'a', 'b', 'e',
            'l', '\n', (byte) 0xC3, 0x28, ',', '1', ',', '1', '\n'}));
        cases.add(new Case(type + " binary garbage", method, path, type, randomBytes(2048)));
        cases.add(new Case(type + " deep JSON line", method, path, type, bytes("[".repeat(5000) + "\n")));
        cases.add(new Case(type + " NaN index", method, path, type, bytes("i,j,label\nNaN,1,1\n")));
        cases.add(new Case(type + " huge index", method, path, type, bytes("i,j,label\n99999999999999999999,1,1\n")));
        cases.add(new Case(type + " 9.5 MB line", method, path, type, bytes("i,j,label\n" + "1".repeat(9_500_000))));
    }

    /** A JSON body of the media type that no handler can take: kept for cases whose fault is elsewhere. */
    private static byte[] brokenBody(String type) {
        return type.startsWith("multipart/") ? bytes("--nothing") : bytes("{");
    }

    /** The smallest body of the schema's shape: empty strings, zeros, one-item lists; never valid as a whole. */
    private JsonNode example(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        String type = type(resolved);
        if (depth > 4) return NODES.nullNode();
        return switch (type) {
            case "array" -> NODES.arrayNode().add(example(resolved.path("items"), depth + 1));
            case "string" -> NODES.stringNode("");
            case "integer", "number" -> NODES.numberNode(0);
            case "boolean" -> NODES.booleanNode(false);
            default -> {
                ObjectNode object = NODES.objectNode();
                resolved.path("properties").properties().forEach(p -> object.set(p.getKey(),
                        example(p.getValue(), depth + 1)));
                yield object;
            }
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        if (ref.isString()) {
            String name = ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
            return resolve(document.path("components").path("schemas").path(name));
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray() && type.size() > 0) return type.get(0).asString();
        if (type.isString()) return type.asString();
        return schema.has("items") ? "array" : "object";
    }

    private String realPath(String template) {
        String id = Long.toString(template.startsWith("/api/adapters/") ? adapter : dataset);
        return template.replaceAll("\\{id}", id).replaceAll("\\{[^}]+}", "no-such-job");
    }

    /** The tree as JSON, with the raw bytes in place of the marker. */
    private static byte[] render(JsonNode root, byte[] raw) {
        String text = JSON.writeValueAsString(root);
        if (raw == null) return bytes(text);
        int at = text.indexOf("\"" + RAW + "\"");
        return bytesOf(text.substring(0, at), raw, text.substring(at + RAW.length() + 2));
    }

    private static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    private static byte[] multipart(String filename, byte[] content, Map<String, String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data;"
                + " name=\"" + name + "\"\r\n\r\n" + value + "\r\n")));
        if (filename != null) {
            body.writeBytes(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            body.writeBytes(content);
            body.writeBytes(bytes("\r\n"));
        }
        body.writeBytes(bytes("--" + BOUNDARY + "--\r\n"));
        return body.toByteArray();
    }

    private static byte[] cut(byte[] body, int dropped) {
        return java.util.Arrays.copyOf(body, Math.max(1, body.length - dropped));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytesOf(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(head));
        out.writeBytes(middle);
        out.writeBytes(bytes(tail));
        return out.toByteArray();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
