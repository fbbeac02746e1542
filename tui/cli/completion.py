"""`newsdesk completion bash|zsh|fish`: a completion script made from the parser itself, so
it offers exactly the commands, options and option values the command takes, and the
actions of the commands that have them (`saved run`, `actors merge`); after `saved run` and
`saved rm` it asks `newsdesk completion SHELL --saved-names` for the names."""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field

from newsdesk.index.config import Settings
from newsdesk.index.models import NewsdeskError
from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import settings_from_args
from newsdesk.tui.cli.parser import SHELLS, build_parser, subcommand_parsers
from newsdesk.tui.exit_codes import EXIT_HITS
from newsdesk.tui.safe_text import terminal_safe


@dataclass
class Command:
    """What completes after one command (`search`) or saved action (`saved run`)."""

    name: str
    help: str
    options: list[str] = field(default_factory=list)
    values: dict[str, list[str]] = field(default_factory=dict)  # option -> its choices
    free: list[str] = field(default_factory=list)  # options whose value is typed freely
    words: str = ""  # what its positional words are: actions, names, files, topics, shells


def run(settings: Settings | None, args: argparse.Namespace) -> int:
    if args.saved_names:
        _print_saved_names(args)
        return EXIT_HITS
    script = {"bash": bash, "zsh": zsh, "fish": fish}[args.shell](commands())
    output.out(script.removesuffix("\n"))
    return EXIT_HITS


def _print_saved_names(args: argparse.Namespace) -> None:
    """The saved searches' names, one a line; nothing at all if they cannot be read (a
    completion never prints an error into the line being typed)."""
    from newsdesk.index.userdata.bookmarks import BookmarkStore, corpus_data_dir

    try:
        store = BookmarkStore(corpus_data_dir(settings_from_args(args)))
        store.load()
    except (NewsdeskError, OSError):
        return
    for bookmark in store.bookmarks:
        # A name a terminal would act on is not offered: shown inert it would not match.
        if "\n" not in bookmark.name and terminal_safe(bookmark.name) == bookmark.name:
            output.out(bookmark.name)


NESTED = ("saved", "actors")  # the commands with actions of their own


def commands() -> list[Command]:
    """The top level (name ""), each command, and each action of the NESTED commands
    ("saved run", "actors merge")."""
    top = build_parser()
    found = [_command("", "", top, "commands")]
    for name, parser in subcommand_parsers(top).items():
        words = {"index": "files", "help": "topics", "completion": "shells",
                 **dict.fromkeys(NESTED, "actions")}.get(name, "")
        found.append(_command(name, _help_of(top, name), parser, words))
        if name in NESTED:
            for action, sub in subcommand_parsers(parser).items():
                words = "names" if (name, action) in (("saved", "run"), ("saved", "rm")) \
                    else "files" if (name, action) in (("saved", "export"),
                                                       ("saved", "import")) else ""
                found.append(_command(f"{name} {action}", _help_of(parser, action), sub,
                                      words))
    return found


def _actions_of(found: list[Command], parent: str) -> list[str]:
    return [c.name.split()[1] for c in found if c.name.startswith(parent + " ")]


def _nesting(found: list[Command], shell: str) -> str:
    """The test in bash's and zsh's word loop that a word is an action of the command
    before it (`saved run`, `actors hide`): the command becomes "saved run"."""
    return " || ".join(
        f'[[ $cmd == {parent} && $word =~ ^({"|".join(_actions_of(found, parent))})$ ]]'
        for parent in NESTED) if shell in ("bash", "zsh") else ""


def _help_of(parser: argparse.ArgumentParser, name: str) -> str:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return next((c.help or "" for c in action._choices_actions if c.dest == name), "")


def _command(name: str, help_: str, parser: argparse.ArgumentParser, words: str) -> Command:
    command = Command(name, help_, words=words)
    for action in parser._actions:
        if not action.option_strings or action.help == argparse.SUPPRESS:
            continue
        command.options += action.option_strings
        if action.nargs == 0:
            continue
        for option in action.option_strings:
            if action.choices:
                command.values[option] = [str(c) for c in action.choices]
            elif option != "--corpus":  # --corpus completes files, in every shell's script
                command.free.append(option)
    return command


def _names(found: list[Command], words: str, parent: str = "saved") -> list[str]:
    return [c.name for c in found if c.name and " " not in c.name] if words == "commands" \
        else _actions_of(found, parent)


TOPICS = ["query"]


def _positional(command: Command, found: list[Command]) -> list[str]:
    if command.words in ("commands", "actions"):
        return _names(found, command.words, command.name)
    if command.words == "topics":
        return TOPICS + _names(found, "commands")
    if command.words == "shells":
        return list(SHELLS)
    return []


def _quote(text: str) -> str:
    """A word for bash and zsh: single-quoted, a quote inside as '\\''."""
    return shlex.quote(text)


def _fish_quote(text: str) -> str:
    """A word for fish, which reads \\' and \\\\ inside single quotes."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _value_cases(found: list[Command], values_of: Callable[[list[str]], str]) -> list[str]:
    """The `case "$cmd:$prev"` arms of bash and zsh: an option's choices, or nothing to
    offer after an option whose value is typed freely."""
    cases = []
    for c in found:
        for option, choices in c.values.items():
            cases.append(f'        "{c.name}:{option}") values={values_of(choices)} ;;')
        if c.free:
            joined = "|".join(f'"{c.name}:{o}"' for o in c.free)
            cases.append(f"        {joined}) return ;;  # a value typed freely")
    return cases


def bash(found: list[Command]) -> str:
    values = _value_cases(found, lambda choices: _quote(" ".join(choices)))
    options = [f'        "{c.name}") words={_quote(" ".join(c.options))} ;;' for c in found]
    positional = []
    for c in found:
        if c.words == "files":
            positional.append(f'        "{c.name}") compopt -o filenames 2>/dev/null; '
                              f'COMPREPLY=($(compgen -f -- "$cur")) ;;')
        elif c.words == "names":
            positional.append(f'        "{c.name}") _newsdesk_saved_names ;;')
        elif words := _positional(c, found):
            positional.append(f'        "{c.name}") COMPREPLY=($(compgen -W '
                              f'{_quote(" ".join(words))} -- "$cur")) ;;')
    return BASH.format(values="\n".join(values), options="\n".join(options),
                       positional="\n".join(positional), nesting=_nesting(found, "bash"))


BASH = """\
# newsdesk completion for bash. Load it with: eval "$(newsdesk completion bash)"
_newsdesk_saved_names() {{
    local name
    while IFS= read -r name; do
        [[ $name == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$name")")
    done < <(newsdesk completion bash --saved-names "${{corpus[@]}}" 2>/dev/null)
}}

_newsdesk() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local cmd="" word values="" words="" i nested=""
    local -a corpus=()
    COMPREPLY=()
    # Every word before the cursor: global options (--corpus) go anywhere, also after the
    # action (`saved run --corpus A --corpus B`), and their values are no command.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        case $word in
            --) break ;;
            --corpus)
                [[ ${{COMP_WORDS[i+1]}} == = ]] && ((i++))  # --corpus=A: bash splits at =
                if ((i + 1 < COMP_CWORD)); then
                    word=${{COMP_WORDS[i+1]}}
                    [[ $word == "~/"* ]] && word=$HOME/${{word#"~/"}}
                    corpus+=(--corpus "$word")
                fi
                ((i++)) ;;
            -*) ;;
            *) if [[ -z $cmd ]]; then cmd=$word
               elif [[ -z $nested ]] && {{ {nesting}; }}; then cmd="$cmd $word"; nested=1
               fi ;;
        esac
    done
    if [[ $prev == --corpus || ( $prev == = && ${{COMP_WORDS[COMP_CWORD-2]}} == --corpus ) ]]
    then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        return
    fi
    case "$cmd:$prev" in
{values}
    esac
    if [[ -n $values ]]; then
        COMPREPLY=($(compgen -W "$values" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        case $cmd in
{options}
        esac
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return
    fi
    case $cmd in
{positional}
    esac
}}
complete -F _newsdesk newsdesk
"""


def zsh(found: list[Command]) -> str:
    values = _value_cases(found, lambda choices: f"({' '.join(choices)})")
    options = [f'        "{c.name}") compadd -- {" ".join(c.options)} ;;' for c in found]
    positional = []
    for c in found:
        if c.words == "files":
            positional.append(f'        "{c.name}") _files ;;')
        elif c.words == "names":
            positional.append(f'        "{c.name}") names=("${{(@f)$(newsdesk completion zsh '
                              f'--saved-names $corpus 2>/dev/null)}}"); compadd -- $names ;;')
        elif c.words in ("commands", "actions"):
            prefix = "" if c.words == "commands" else f"{c.name} "
            described = " ".join(_quote(f"{x.name.removeprefix(prefix)}:{x.help}")
                                 for x in found if x.name.startswith(prefix) and x.name
                                 and x.name.count(" ") == prefix.count(" "))
            positional.append(f'        "{c.name}") described=({described}); '
                              f"_describe command described ;;")
        elif words := _positional(c, found):
            positional.append(f'        "{c.name}") compadd -- {" ".join(words)} ;;')
    return ZSH.format(values="\n".join(values), options="\n".join(options),
                      positional="\n".join(positional), nesting=_nesting(found, "zsh"))


ZSH = """\
#compdef newsdesk
# newsdesk completion for zsh. Load it with: eval "$(newsdesk completion zsh)" (after
# compinit), or save it as _newsdesk in a folder of your $fpath.
_newsdesk() {{
    local cur=${{words[CURRENT]}} prev=${{words[CURRENT-1]}} cmd="" word i
    local -a corpus values names described
    local nested=""
    # Every word before the cursor: global options (--corpus) go anywhere, also after the
    # action (`saved run --corpus A --corpus B`), and their values are no command.
    for ((i = 2; i < CURRENT; i++)); do
        word=${{words[i]}}
        case $word in
            --) break ;;
            --corpus)
                if ((i + 1 < CURRENT)); then
                    word=${{words[i+1]}}
                    [[ $word == "~/"* ]] && word=$HOME/${{word#"~/"}}
                    corpus+=(--corpus "$word")
                fi
                ((i++)) ;;
            --corpus=*) corpus+=("$word") ;;
            -*) ;;
            *) if [[ -z $cmd ]]; then cmd=$word
               elif [[ -z $nested ]] && {{ {nesting}; }}; then cmd="$cmd $word"; nested=1
               fi ;;
        esac
    done
    if [[ $prev == --corpus ]]; then
        _files
        return
    fi
    case "$cmd:$prev" in
{values}
    esac
    if (( ${{#values}} )); then
        compadd -- $values
        return
    fi
    if [[ $cur == -* ]]; then
        case $cmd in
{options}
        esac
        return
    fi
    case $cmd in
{positional}
    esac
}}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    _newsdesk "$@"
else
    compdef _newsdesk newsdesk
fi
"""


def fish(found: list[Command]) -> str:
    lines = ["# newsdesk completion for fish. Load it with:",
             "#   newsdesk completion fish > ~/.config/fish/completions/newsdesk.fish",
             FISH_FUNCTIONS,
             "complete -c newsdesk -f",
             "complete -c newsdesk -l corpus -r -F -d 'a corpus folder or file'"]
    seen = "__fish_seen_subcommand_from"
    for c in found:
        if not c.name:
            condition = "__newsdesk_needs_command"
        elif " " in c.name:
            parent, action = c.name.split()
            condition = f"{seen} {parent}; and {seen} {action}"
        elif c.name in NESTED:
            condition = f"{seen} {c.name}; and not {seen} " + " ".join(
                _actions_of(found, c.name))
        else:
            condition = f"{seen} {c.name}"
        head = f"complete -c newsdesk -n {_fish_quote(condition)}"
        if c.name and " " not in c.name:
            lines.append(f"complete -c newsdesk -n __newsdesk_needs_command -a {c.name} "
                         f"-d {_fish_quote(c.help)}")
        if c.name in NESTED:
            for x in found:
                if x.name.startswith(c.name + " "):
                    lines.append(f"{head} -a {x.name.split()[1]} -d {_fish_quote(x.help)}")
        for option in c.options:
            if option == "--corpus":
                continue
            flag = f"-l {option[2:]}" if option.startswith("--") else f"-s {option[1:]}"
            if option in c.values:
                lines.append(f"{head} {flag} -x -a {_fish_quote(' '.join(c.values[option]))}")
            elif option in c.free:
                lines.append(f"{head} {flag} -x")
            else:
                lines.append(f"{head} {flag}")
        if c.words == "files":
            lines.append(f"{head} -F")
        elif c.words == "names":
            lines.append(f"{head} -a '(__newsdesk_saved_names)'")
        elif c.words in ("topics", "shells"):
            lines.append(f"{head} -a {_fish_quote(' '.join(_positional(c, found)))}")
    return "\n".join(lines) + "\n"


# Global options go anywhere (`saved run --corpus A --corpus B`): the value of --corpus is
# no command (fish's __fish_use_subcommand took it for one), and the saved names are those
# of the corpus the line names.
FISH_FUNCTIONS = """\
function __newsdesk_corpus_args
    set -l words (commandline -opc)
    set -l i 2
    while test $i -le (count $words)
        switch $words[$i]
            case --
                break
            case --corpus
                set i (math $i + 1)
                test $i -le (count $words); and printf '%s\\n' --corpus $words[$i]
            case '--corpus=*'
                printf '%s\\n' $words[$i]
        end
        set i (math $i + 1)
    end
end

function __newsdesk_needs_command
    set -l words (commandline -opc)
    set -l i 2
    while test $i -le (count $words)
        switch $words[$i]
            case --corpus
                set i (math $i + 1)
            case '-*'
            case '*'
                return 1
        end
        set i (math $i + 1)
    end
    return 0
end

function __newsdesk_saved_names
    newsdesk completion fish --saved-names (__newsdesk_corpus_args) 2>/dev/null
end"""
