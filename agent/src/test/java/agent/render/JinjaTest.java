package agent.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agent.testing.AgentRun;
import agent.testing.Tree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jinja as Salt users write it, observed through the bytes of the files a state writes. */
class JinjaTest {

    @TempDir
    Path dir;
    Tree tree;

    @BeforeEach
    void setUp() {
        tree = new Tree(dir);
    }

    /** Renders {@code expr} inside an SLS and returns what the managed file received. */
    private String render(String jinja, String... extraArgs) throws Exception {
        Path out = dir.resolve("out.txt");
        Files.deleteIfExists(out);
        tree.write("r.sls", "result:\n  file.managed:\n    - name: " + out + "\n    - contents_newline: False\n"
                + "    - contents: |\n        " + jinja.replace("\n", "\n        ") + "\n");
        String[] args = new String[4 + extraArgs.length];
        args[0] = "apply";
        args[1] = dir.resolve("r.sls").toString();
        args[2] = "--file-root";
        args[3] = dir.toString();
        System.arraycopy(extraArgs, 0, args, 4, extraArgs.length);
        var r = AgentRun.run(args);
        assertEquals(0, r.exit(), r::toString);
        return Files.readString(out).stripTrailing();
    }

    @Test
    void pillarAndGrainsAndSaltFunctions() throws Exception {
        String pillar = "{\"app\": {\"port\": 8080, \"name\": \"web\"}}";
        assertEquals("8080 web dflt 8080", render("{{ pillar['app']['port'] }} {{ pillar.app.name }} "
                + "{{ salt['pillar.get']('app:missing', 'dflt') }} {{ salt['pillar.get']('app:port') }}", "--pillar", pillar));
        assertEquals("Linux", render("{{ grains['kernel'] }}"));
        assertEquals("Linux", render("{{ salt['grains.get']('kernel') }}"));
        assertEquals("True", render("{{ salt['test.ping']() }}"));
        assertEquals("True False", render("{{ salt['file.directory_exists']('/tmp') }} {{ salt['file.file_exists']('/nope') }}"));
        assertEquals("hi", render("{{ salt['cmd.run']('echo hi') }}"));
        assertEquals("3", render("{{ salt['cmd.retcode']('exit 3') }}"));
        assertEquals("local", render("{{ salt['config.get']('file_client') }}"));
        assertEquals("local", render("{{ opts['file_client'] }}"));
    }

    @Test
    void pythonStylePrinting() throws Exception {
        assertEquals("True False", render("{{ True }} {{ 1 == 2 }}"));
        assertEquals("['a', 1, True]", render("{{ ['a', 1, True] }}"));
        assertEquals("{'k': 'v'}", render("{{ {'k': 'v'} }}"));
    }

    @Test
    void pythonStringMethods() throws Exception {
        assertEquals("True ['a', 'b'] X a_b 1-2 ab", render("{{ 'abc'.startswith('a') }} {{ 'a:b'.split(':') }} "
                + "{{ 'x'.upper() }} {{ 'a-b'.replace('-', '_') }} {{ '{}-{}'.format(1, 2) }} {{ '  ab '.strip() }}"));
    }

    @Test
    void doStatementAndLoops() throws Exception {
        assertEquals("[1, 2] a=1;b=2;", render("{% set l = [1] %}{% do l.append(2) %}{{ l }} "
                + "{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}={{ v }};{% endfor %}"));
    }

    @Test
    void commentsAreHonouredEvenInsideYamlComments() throws Exception {
        tree.write("c.sls", "# {# a jinja comment inside a yaml comment #}\n{# whole line #}\nx:\n  test.nop\n");
        var r = AgentRun.run("apply", dir.resolve("c.sls").toString());
        assertEquals(0, r.exit(), r::toString);
        // As in Jinja, an unclosed comment is an error, even behind a YAML '#'.
        tree.write("c2.sls", "x:\n  test.nop\n# {# unclosed in a yaml comment\n");
        var bad = AgentRun.run("apply", dir.resolve("c2.sls").toString());
        assertEquals(1, bad.exit(), bad::toString);
        assertTrue(bad.err().contains(dir.resolve("c2.sls") + ", line 3: Jinja error: Missing end of comment tag"), bad.err());
    }

    @Test
    void shebangLineIsAccepted() throws Exception {
        tree.write("s.sls", "#!jinja|yaml\n{% set n = 'x' %}\n{{ n }}:\n  test.nop\n");
        var r = AgentRun.run("apply", dir.resolve("s.sls").toString());
        assertEquals(0, r.exit(), r::toString);
        tree.write("y.sls", "#!yaml\nx:\n  test.show_notification:\n    - text: '{{ not rendered }}'\n");
        var y = AgentRun.run("apply", dir.resolve("y.sls").toString(), "--state-verbose", "--state-output", "full");
        assertTrue(y.out().contains("Comment: {{ not rendered }}"), y.out());
        tree.write("p.sls", "#!py\ndef run(): return {}\n");
        var py = AgentRun.run("apply", dir.resolve("p.sls").toString());
        assertEquals(1, py.exit());
        assertTrue(py.err().contains("unsupported renderer 'py'"), py.err());
    }

    @Test
    void fromImportWithContextAndMacros() throws Exception {
        tree.write("app/map.jinja", "{% set app = salt['grains.filter_by']({'Debian': {'pkg': 'apache2'}, 'default': {'pkg': 'httpd'}}, "
                + "grain='os_family', merge=salt['pillar.get']('app:lookup', {})) %}\n"
                + "{% macro greet(n) %}hello {{ n }}{% endmacro %}");
        assertEquals("apache2 hello x", render("{% from 'app/map.jinja' import app, greet with context %}{{ app.pkg }} {{ greet('x') }}"));
        assertEquals("custom", render("{% from 'app/map.jinja' import app with context %}{{ app.pkg }}",
                "--pillar", "{\"app\": {\"lookup\": {\"pkg\": \"custom\"}}}"));
        assertEquals("hello y", render("{% import 'app/map.jinja' as m %}{{ m.greet('y') }}"));
    }

    @Test
    void includeTemplates() throws Exception {
        tree.write("parts/part.txt", "part for {{ grains['kernel'] }}");
        assertEquals("before part for Linux after", render("before {% include 'parts/part.txt' %} after"));
    }

    @Test
    void importYamlJsonAndLoadBlocks() throws Exception {
        tree.write("defaults.yaml", "port: 80\nname: {{ 'web' }}\n");
        tree.write("defaults.json", "{\"port\": 443}");
        assertEquals("80 web 443", render("{% import_yaml 'defaults.yaml' as d %}{% import_json 'defaults.json' as j %}"
                + "{{ d.port }} {{ d.name }} {{ j.port }}"));
        assertEquals("b 3", render("{% load_yaml as y %}\na: b\nc: 3\n{% endload %}{{ y.a }} {{ y.c }}"));
        assertEquals("1", render("{% load_json as j %}{\"x\": 1}{% endload %}{{ j.x }}"));
    }

    @Test
    void importYamlRelativeToTheTemplate() throws Exception {
        tree.write("formula/defaults.yaml", "v: relative\n");
        tree.write("formula/map.jinja", "{% import_yaml './defaults.yaml' as d %}{% set value = d.v %}");
        assertEquals("relative", render("{% from 'formula/map.jinja' import value %}{{ value }}"));
    }

    @Test
    void saltFilters() throws Exception {
        assertEquals("{a: 1, b: [x, y]}", render("{{ {'a': 1, 'b': ['x', 'y']} | yaml }}"));
        assertEquals("{\"a\": 1, \"b\": [\"x\", \"y\"]}", render("{{ {'b': ['x', 'y'], 'a': 1} | json }}"));
        assertEquals("{\"a\": \"\\u003cb\\u003e\"}", render("{{ {'a': '<b>'} | tojson }}"));
        assertEquals("\"yes\"", render("{{ 'yes' | yaml_encode }}"));
        assertEquals("\"a \\\"q\\\"\"", render("{{ 'a \"q\"' | yaml_dquote }}"));
        assertEquals("x-2", render("{{ 'x1' | regex_replace('(\\\\d)', '-2') }}"));
        assertEquals("['12']", render("{{ 'ab12' | regex_search('(\\\\d+)') }}"));
        assertEquals("True False", render("{{ 'yes' | to_bool }} {{ 'nope' | to_bool }}"));
        assertEquals("3 dflt", render("{% set d = {'a': {'b': 3} } %}{{ d | traverse('a:b') }} {{ {} | traverse('x', 'dflt') }}"));
        assertEquals("[1, 2]", render("{{ [1, 2, 1] | unique | list }}"));
        assertEquals("a=2,b=1,", render("{% for k, v in {'b': 1, 'a': 2} | dictsort %}{{ k }}={{ v }},{% endfor %}"));
    }

    @Test
    void contextVariablesNameTheFile() throws Exception {
        tree.write("deep/er/f.sls", "x:\n  test.show_notification:\n    - text: '{{ sls }} {{ slspath }} {{ tpldir }} {{ tplroot }} {{ tplfile }} {{ saltenv }}'\n");
        var r = AgentRun.run("apply", "deep.er.f", "--file-root", dir.toString(), "--state-verbose", "--state-output", "full");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("Comment: deep.er.f deep/er deep/er deep deep/er/f.sls base"), r.out());
    }

    @Test
    void jinjaErrorsNameTheFileAndLine() {
        tree.write("e.sls", "a:\n  test.nop\n{{ salt['nope.fn']() }}\n");
        var r = AgentRun.run("apply", dir.resolve("e.sls").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(dir.resolve("e.sls") + ", line 3: Jinja error"), r.err());
        assertTrue(r.err().contains("'nope.fn' is not available"), r.err());
    }

    @Test
    void trailingCommasAsPythonAllowsThem() throws Exception {
        assertEquals("a-b [1, 2] {'k': 1}", render("{{ '{}-{}'.format('a', 'b',) }} {{ [1, 2,] }} {{ {'k': 1,} }}"));
        assertEquals("x,) ok", render("{{ 'x,)' }} {{ salt['grains.filter_by']({'Debian': 'ok', 'default': 'ok'},\n  grain='os_family',\n) }}"));
    }

    @Test
    void importPathsMayBeExpressions() throws Exception {
        tree.write("formula/map.jinja", "{% set settings = {'pkg': 'redis'} %}");
        tree.write("formula/defaults.yaml", "port: 6379\n");
        assertEquals("redis 6379", render("{% set tplroot = 'formula' %}"
                + "{%- from tplroot ~ \"/map.jinja\" import settings with context %}"
                + "{%- import_yaml tplroot ~ '/defaults.yaml' as d %}{{ settings.pkg }} {{ d.port }}"));
        assertEquals("redis", render("{% set tplroot = 'formula' %}{% import tplroot ~ '/map.jinja' as m with context %}{{ m.settings.pkg }}"));
        assertEquals("redis", render("{% set tplroot = 'formula' %}{% include tplroot ~ '/map.jinja' without context %}{{ settings.pkg }}"));
    }

    @Test
    void yamlEncodeWritesOneQuotedScalar() throws Exception {
        assertEquals("\"a\\nb\" true null 3 \"it's\"", render("{{ 'a\\nb' | yaml_encode }} {{ True | yaml_encode }} "
                + "{{ None | yaml_encode }} {{ 3 | yaml_encode }} {{ \"it's\" | yaml_encode }}"));
    }

    @Test
    void dictMethodsOnFunctionResults() throws Exception {
        String pillar = "{\"groups\": {\"a\": {\"gid\": 1}, \"b\": {}}}";
        assertEquals("a=1;b=none; ['a', 'b'] 1", render("{% for g, s in salt['pillar.get']('groups', {}).items() %}"
                + "{{ g }}={{ s.get('gid', 'none') }};{% endfor %} {{ salt['pillar.get']('groups').keys() | list }} "
                + "{{ salt['pillar.get']('groups').get('a').gid }}", "--pillar", pillar));
    }

    @Test
    void stateRootListings() throws Exception {
        tree.write("users/files/user/alice/.bashrc", "x");
        tree.write("users/init.sls", "x:\n  test.nop\n");
        assertEquals("['users/files/user/alice'] ['users/files/user/alice/.bashrc']",
                render("{{ salt['cp.list_master_dirs'](prefix='users/files/user/') }} "
                        + "{{ salt['cp.list_master'](prefix='users/files/user/a') }}"));
    }

    @Test
    void pythonPercentFormatting() throws Exception {
        assertEquals("/home/bob /srv/a-2 005.50 x=1 50% True|None", render("{% set name = 'bob' %}{{ \"/home/%s\" % name }} "
                + "{{ '/srv/%s-%d' % ('a', 2) }} {{ '%06.2f' % 5.5 }} {{ '%(k)s=%(v)d' % {'k': 'x', 'v': 1} }} "
                + "{{ '%d%%' % 50 }} {{ '%s|%s' % (True, None) }}"));
        assertEquals("HI-B", render("{% set u = {'n': 'b'} %}{{ '%s-%s' % ('hi' | upper, u.n | upper) }}"));
        assertEquals("a b", render("{{ '%s %s' | format('a', 'b') }}"));
        assertEquals("1 2", render("{% set x = 7 %}{{ x % 3 }} {{ 8 % 3 }}"));
    }

    @Test
    void versionListsCompareAsInPython() throws Exception {
        assertEquals("True False True", render("{{ grains['saltversioninfo'] >= [2018, 3, 1] }} "
                + "{{ grains.saltversioninfo < [3000] }} {{ [2019, 2] <= grains['saltversioninfo'] }}"));
        assertEquals("3006 1", render("{{ grains['saltversioninfo'][0] }} {% set l = salt['pillar.get']('l') %}{{ l | length }}",
                "--pillar", "{\"l\": [1]}"));
    }

    @Test
    void loopFiltersSkipItems() throws Exception {
        String users = "{% set users = {'a': {'absent': True}, 'b': {}, 'c': {'absent': False}} %}";
        assertEquals("b c", render(users + "{% for name, u in users.items() if u.absent is not defined or not u.absent %}"
                + "{{ name }} {% endfor %}"));
        assertEquals("[b][c]", render(users + "{%- for name, u in users.items() if not u.get('absent') -%}"
                + "[{% if name == 'b' %}{{ name }}{% else %}{{ name }}{% endif %}]{%- endfor %}"));
        assertEquals("none", render("{% for x in [1, 2] if x > 5 %}{{ x }}{% else %}none{% endfor %}"));
        assertEquals("2", render("{% for x in [1, (2 if True else 3)] if x > 1 %}{{ x }}{% endfor %}"));
        assertEquals("12|none|1", render("{% for x in [1, 2] %}{{ x }}{% else %}none{% endfor %}|"
                + "{% for x in [] %}{% if x %}{% else %}{% endif %}{% else %}none{% endfor %}|"
                + "{% for x in [1] %}{% for y in [] %}{% else %}{{ x }}{% endfor %}{% endfor %}"));
    }

    @Test
    void notBindsAsInPython() throws Exception {
        assertEquals("True True True False True", render("{{ not 'Debian' in ['RedHat', 'Suse'] }} {{ not 1 == 2 }} "
                + "{{ not x is defined }} {{ not 'a' in 'abc' and True }} {{ not not True }}"));
        assertEquals("yes|False|True|a", render("{% if not 'Debian' in ['RedHat'] -%}yes{%- endif %}|"
                + "{{ 'a' not in 'abc' }}|{{ y is not defined }}|{{ 'a' if not [] else 'b' }}"));
        assertEquals("True False", render("{% set l = [1] %}{{ not l | length > 1 }} {{ [not l, 1][0] }}"));
    }
}
