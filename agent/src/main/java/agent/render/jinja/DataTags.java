package agent.render.jinja;

import agent.InputError;
import agent.data.YamlReader;
import agent.text.PyRepr;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salt's data tags: {@code {% import_yaml 'x.yaml' as x %}} (also _json, _text) load a file from
 * the state tree, rendered with the current context; {@code {% load_yaml as x %}...{% endload %}}
 * parses the block.
 */
final class DataTags {

    private static final Pattern IMPORT = Pattern.compile("^\\s*(.+?)\\s+as\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*$", Pattern.DOTALL);
    private static final Pattern LOAD = Pattern.compile("^\\s*as\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*$");

    private DataTags() {
    }

    enum Format { YAML, JSON, TEXT }

    static List<Tag> all() {
        return List.of(new ImportTag("import_yaml", Format.YAML), new ImportTag("import_json", Format.JSON),
                new ImportTag("import_text", Format.TEXT), new LoadTag("load_yaml", Format.YAML),
                new LoadTag("load_json", Format.JSON), new LoadTag("load_text", Format.TEXT));
    }

    static Object parse(Format format, String text, String source) {
        return switch (format) {
            case YAML -> YamlReader.read(text, source).data();
            case JSON -> {
                try {
                    yield new ObjectMapper().readValue(text, Object.class);
                } catch (IOException e) {
                    throw new InputError("invalid JSON: " + e.getMessage(), source, 0);
                }
            }
            case TEXT -> text;
        };
    }

    private record ImportTag(String name, Format format) implements Tag {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getEndTagName() {
            return null;
        }

        @Override
        public String interpret(TagNode node, JinjavaInterpreter interpreter) {
            Matcher m = IMPORT.matcher(node.getHelpers());
            if (!m.matches()) {
                throw new TemplateSyntaxException(node.getMaster().getImage(),
                        "Tag '" + name + "' expects: " + name + " 'path' as name", node.getLineNumber(), node.getStartPosition());
            }
            Object pathValue = interpreter.resolveELExpression(m.group(1), node.getLineNumber());
            String path = interpreter.resolveResourceLocation(PyRepr.str(pathValue));
            String rendered;
            try {
                String text = interpreter.getResource(path);
                interpreter.getContext().getCurrentPathStack().push(path, node.getLineNumber(), node.getStartPosition());
                try {
                    Node parsed = interpreter.parse(text);
                    rendered = interpreter.render(parsed, false);
                } finally {
                    interpreter.getContext().getCurrentPathStack().pop();
                }
            } catch (IOException e) {
                throw new InterpretException(name + ": cannot read " + path + ": " + e.getMessage(), e,
                        node.getLineNumber(), node.getStartPosition());
            }
            try {
                interpreter.getContext().put(m.group(2), parse(format, rendered, path));
            } catch (InputError e) {
                throw new InterpretException(name + " " + path + ": " + e.describe(), e, node.getLineNumber(), node.getStartPosition());
            }
            return "";
        }
    }

    private record LoadTag(String name, Format format) implements Tag {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getEndTagName() {
            return "endload";
        }

        @Override
        public String interpret(TagNode node, JinjavaInterpreter interpreter) {
            Matcher m = LOAD.matcher(node.getHelpers());
            if (!m.matches()) {
                throw new TemplateSyntaxException(node.getMaster().getImage(),
                        "Tag '" + name + "' expects: " + name + " as name", node.getLineNumber(), node.getStartPosition());
            }
            StringBuilder body = new StringBuilder();
            for (Node child : node.getChildren()) {
                body.append(child.render(interpreter).getValue());
            }
            try {
                interpreter.getContext().put(m.group(1), parse(format, body.toString(), "<" + name + " block>"));
            } catch (InputError e) {
                throw new InterpretException(name + ": " + e.describe(), e, node.getLineNumber(), node.getStartPosition());
            }
            return "";
        }
    }
}
