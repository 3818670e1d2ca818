package agent.cli;

import agent.config.AgentConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bash completion script (zsh loads it through bashcompinit), written at build time from the
 * command-line model: subcommands, their options, the values of --out, --state-output and
 * --log-level, folders and files where options take them, the function names for call,
 * salt-call and doc, and, asked at completion time, the SLS names in the state roots named on
 * the line (--file-root, else /srv/salt) besides .sls files.
 */
final class CompletionScript {

    private static final Set<String> DIRECTORY_OPTIONS = Set.of("--file-root", "--pillar-root", "-c", "--config-dir",
            "--cachedir");
    private static final Set<String> FILE_OPTIONS = Set.of("--config", "--out-file", "--output-file", "--log-file");
    /** The state functions whose later arguments are SLS names. */
    private static final List<String> TAKING_SLS = List.of("state.apply", "state.sls", "state.test", "state.sls_id",
            "state.show_sls", "state.show_low_sls", "state.sls_exists", "state.id_exists");

    private final CommandSpec root;
    private final List<String> callFunctions;
    private final List<String> docNames;

    CompletionScript(CommandSpec root, List<String> callFunctions, List<String> docNames) {
        this.root = root;
        this.callFunctions = callFunctions;
        this.docNames = docNames;
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# bash completion for agent and salt-call, generated from the agent's command-line model.\n")
                .append("# zsh: source it too (it turns on bash compatibility).\n")
                .append("if [ -n \"${ZSH_VERSION:-}\" ]; then autoload -U +X bashcompinit && bashcompinit; fi\n\n");
        sb.append("_agent_functions='").append(String.join(" ", callFunctions)).append("'\n");
        sb.append("_agent_doc_names='").append(String.join(" ", docNames)).append("'\n\n");
        sb.append(SLS_NAMES);
        sb.append("_agent_option_values() {   # OPTION CUR: completes the value of OPTION, or returns 1\n")
                .append("  case \"$1\" in\n");
        for (Map.Entry<String, List<String>> e : valueCandidates().entrySet()) {
            sb.append("    ").append(e.getKey()).append(") COMPREPLY=($(compgen -W '").append(String.join(" ", e.getValue()))
                    .append("' -- \"$2\")) ;;\n");
        }
        sb.append("    ").append(String.join("|", DIRECTORY_OPTIONS.stream().sorted().toList()))
                .append(") COMPREPLY=($(compgen -d -- \"$2\")) ;;\n");
        sb.append("    ").append(String.join("|", FILE_OPTIONS.stream().sorted().toList()))
                .append(") COMPREPLY=($(compgen -f -- \"$2\")) ;;\n");
        sb.append("    --return) COMPREPLY=($(compgen -W 'jsonl: syslog' -- \"$2\")) ;;\n");
        sb.append("    ").append(String.join("|", valueOptions())).append(") COMPREPLY=() ;;\n");
        sb.append("    *) return 1 ;;\n  esac\n}\n\n");
        sb.append("_agent_options() {   # COMMAND: its options\n  case \"$1\" in\n");
        for (String name : root.subcommands().keySet()) {
            sb.append("    ").append(name).append(") echo '").append(String.join(" ", options(root.subcommands().get(name)
                    .getCommandSpec()))).append("' ;;\n");
        }
        sb.append("    *) echo '").append(String.join(" ", options(root))).append("' ;;\n  esac\n}\n\n");
        sb.append(MAIN.replace("@COMMANDS@", String.join(" ", root.subcommands().keySet()))
                .replace("@VALUE_OPTIONS@", String.join("|", valueOptions()))
                .replace("@TAKING_SLS@", String.join("|", TAKING_SLS)));
        return sb.toString();
    }

    /** --out, --state-output and --log-level: the values they accept, under each of their names. */
    private static Map<String, List<String>> valueCandidates() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("--out|--output", OutputOptions.FORMATS);
        out.put("--state-output|--state_output", AgentConfig.STATE_OUTPUTS);
        out.put("-l|--log-level|--log-file-level", List.of("quiet", "error", "warning", "info", "debug", "trace"));
        out.put("--state-verbose|--state_verbose", List.of("True", "False"));
        return out;
    }

    /** Every option name that takes a value, in any subcommand. */
    private List<String> valueOptions() {
        Set<String> names = new java.util.TreeSet<>();
        for (var sub : root.subcommands().values()) {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (o.arity().max() > 0 && !o.type().equals(Boolean.class)) {
                    names.addAll(List.of(o.names()));
                }
            }
        }
        return new ArrayList<>(names);
    }

    private static List<String> options(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            out.addAll(List.of(o.names()));
            if (o.negatable()) {
                for (String n : o.names()) {
                    if (n.startsWith("--")) {
                        out.add("--no-" + n.substring(2));
                    }
                }
            }
        }
        return out;
    }

    private static final String SLS_NAMES = """
            _agent_sls_names() {   # SLS names in the roots given with --file-root, else /srv/salt
              local roots=() i r
              for ((i=1; i < ${#COMP_WORDS[@]}; i++)); do
                case "${COMP_WORDS[i]}" in
                  --file-root) if [ "${COMP_WORDS[i+1]}" = "=" ]; then roots+=("${COMP_WORDS[i+2]}")
                               else roots+=("${COMP_WORDS[i+1]}"); fi ;;
                  --file-root=*) roots+=("${COMP_WORDS[i]#--file-root=}") ;;
                esac
              done
              [ ${#roots[@]} -gt 0 ] || roots=(/srv/salt)
              for r in "${roots[@]}"; do
                [ -d "$r" ] || continue
                (cd "$r" && find . -name '*.sls' -not -path '*/.*' 2>/dev/null) \\
                  | sed -e 's|^\\./||' -e 's|/init\\.sls$||' -e 's|\\.sls$||' -e 's|/|.|g' | grep -vx top
              done
            }

            """;

    private static final String MAIN = """
            _agent() {
              local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" opt cmd="" i
              local -a args=()
              # --out=json: bash splits at '=', so the option is two words back.
              if [ "$prev" = "=" ]; then opt="${COMP_WORDS[COMP_CWORD-2]}"; else opt="$prev"; fi
              [ "$cur" = "=" ] && cur=""
              [ "${COMP_WORDS[0]##*/}" = salt-call ] && cmd=salt-call
              # The words that are not options or option values: the subcommand, then its arguments.
              for ((i=1; i < COMP_CWORD; i++)); do
                case "${COMP_WORDS[i]}" in
                  =) ;;
                  @VALUE_OPTIONS@) ((i++)) ;;
                  -*) ;;
                  *) if [ "${COMP_WORDS[i-1]}" = "=" ]; then :; elif [ -z "$cmd" ]; then cmd="${COMP_WORDS[i]}"; else args+=("${COMP_WORDS[i]}"); fi ;;
                esac
              done
              if [ -n "$cmd" ] && _agent_option_values "$opt" "$cur"; then return 0; fi
              if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "$(_agent_options "$cmd")" -- "$cur"))
                return 0
              fi
              case "$cmd" in
                "") COMPREPLY=($(compgen -W '@COMMANDS@ --help --version' -- "$cur")) ;;
                apply) COMPREPLY=($(compgen -W "$(_agent_sls_names)" -- "$cur") $(compgen -f -X '!*.sls' -- "$cur") $(compgen -d -- "$cur")) ;;
                call|salt-call)
                  if [ ${#args[@]} -eq 0 ]; then
                    COMPREPLY=($(compgen -W "$_agent_functions" -- "$cur"))
                  else
                    case "${args[0]}" in
                      @TAKING_SLS@) COMPREPLY=($(compgen -W "$(_agent_sls_names)" -- "$cur")) ;;
                    esac
                  fi ;;
                doc) [ ${#args[@]} -eq 0 ] && COMPREPLY=($(compgen -W "$_agent_doc_names" -- "$cur")) ;;
                show)
                  if [ ${#args[@]} -eq 0 ]; then COMPREPLY=($(compgen -W 'sls low_sls lowstate top' -- "$cur"))
                  else COMPREPLY=($(compgen -W "$(_agent_sls_names)" -- "$cur")); fi ;;
                jobs)
                  if [ ${#args[@]} -eq 0 ]; then COMPREPLY=($(compgen -W 'show' -- "$cur"))
                  else COMPREPLY=($(compgen -W 'last' -- "$cur")); fi ;;
              esac
            }
            complete -F _agent agent salt-call
            """;
}
