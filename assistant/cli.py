"""The `tetsuzuki` command: the window by default, and headless tools for authors and scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from assistant.i18n import LANGUAGES, _, ngettext, set_language
from assistant.paths import AppPaths

#: Starts the window: (paths, interface language or None, shared computer) → exit status.
Window = Callable[[AppPaths, str | None, bool], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tetsuzuki", description=_("Tetsuzuki Assistant"))
    parser.add_argument("--home", help=_("folder for all application data (default: the platform's folders)"))
    parser.add_argument("--language", choices=sorted(LANGUAGES), help=_("interface language"))
    parser.add_argument("--shared-pc", action="store_true",
                        help=_("shared computer (community centre): drafts only with a PIN, and an "
                               "End session button that erases everything of the person"))
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("gui", help=_("start the application window (the default)"))
    procedures = commands.add_parser("procedures", help=_("work with procedure definition files"))
    actions = procedures.add_subparsers(dest="action", required=True)
    actions.add_parser("schema", help=_("print the JSON Schema of procedure files"))
    actions.add_parser("list", help=_("list the procedures that load"))
    validate = actions.add_parser("validate", help=_("check procedure files and list every error"))
    validate.add_argument("paths", nargs="*", type=Path, help=_("files or folders (default: the bundled ones)"))
    lint = actions.add_parser("lint", help=_("review procedure files: hints, examples, translations, "
                                             "conditions, stable ids; exit 1 when something is found"))
    lint.add_argument("paths", nargs="*", type=Path, help=_("files or folders (default: the bundled ones)"))
    lint.add_argument("--against", type=Path, help=_("the previous version of the file, to check that ids stayed"))
    export = commands.add_parser("export", help=_("make the submission files from answers, without the window"))
    export.add_argument("--procedure", required=True, help=_("procedure id"))
    export.add_argument("--answers", required=True, type=Path, help=_("JSON file of answers keyed by field id"))
    export.add_argument("--out", required=True, type=Path, help=_("folder to write the files into"))
    return parser


def _schema() -> int:
    from assistant.procedures.model import Procedure

    print(json.dumps(Procedure.model_json_schema(by_alias=True), ensure_ascii=False, indent=2))
    return 0


def _validate(paths: list[Path], app_paths: AppPaths) -> int:
    from assistant.procedures.loader import load_all

    result = load_all(paths or list(app_paths.procedure_dirs))
    for error in result.errors:
        print(error, file=sys.stderr)
    print(_("{ok} valid, {bad} with errors").format(
        ok=len(result.procedures), bad=len(result.broken_files)))
    return 1 if result.errors else 0


def _lint(args: argparse.Namespace, app_paths: AppPaths) -> int:
    from assistant.procedures.lint import lint_files
    from assistant.procedures.loader import procedure_files

    paths = args.paths or list(app_paths.procedure_dirs)
    files = procedure_files(paths)
    if not files:
        print(_("No procedure files in {paths}; give .yaml files or folders holding them.").format(
            paths=", ".join(str(p) for p in paths)), file=sys.stderr)
        return 2
    findings = lint_files(files, args.against)
    for finding in findings:
        print(finding)
    return 1 if findings else 0


def _list(app_paths: AppPaths) -> int:
    from assistant.procedures.catalog import Catalog

    catalog = Catalog.load(app_paths.procedure_dirs)
    for procedure in catalog.procedures:
        print(f"{procedure.id}\t{procedure.version}\t{procedure.title}")
    for error in catalog.errors:
        print(error, file=sys.stderr)
    return 0


MAX_LINES = 50   # problem lines printed; a hostile file could otherwise print a million


def _print_problems(lines: list[tuple[str, str, str]]) -> None:
    """`field: code: message` on stderr, one per problem, the first MAX_LINES of them."""
    for where, code, message in lines[:MAX_LINES]:
        print(f"{where}: {code}: {message}", file=sys.stderr)
    if len(lines) > MAX_LINES:
        more = len(lines) - MAX_LINES
        print(ngettext("… and {count} more problem.", "… and {count} more problems.", more).format(count=more),
              file=sys.stderr)


def _export(args: argparse.Namespace, app_paths: AppPaths) -> int:
    from assistant.procedures.catalog import Catalog

    catalog = Catalog.load(app_paths.procedure_dirs)
    try:
        procedure = catalog.get(args.procedure)
    except KeyError:
        print(_("No procedure with the id {id}. See `tetsuzuki procedures list`.").format(id=args.procedure),
              file=sys.stderr)
        return 2
    try:
        return _export_answers(procedure, args.answers, args.out)
    except Exception as exc:   # noqa: BLE001 - the last guard: a message, never a traceback (tests fail on it)
        print(f"export: internal.error: {type(exc).__name__}: " + _(
            "Something unexpected went wrong; nothing was written. Please report it with the command you "
            "ran (not the answers file: it holds personal data), e.g. tetsuzuki export --procedure …."),
            file=sys.stderr)
        return 1


def _export_answers(procedure, answers_path: Path, out: Path) -> int:
    """Read, check, export; every problem is a `field: code: message` line and exit code 1."""
    from assistant.export.package import ExportError, IncompleteError, export_package
    from assistant.interview.address import with_addresses_filled
    from assistant.interview.answers_file import AnswersFileError, read_answers, unknown_fields
    from assistant.interview.session import Session

    try:
        answers = read_answers(answers_path)
    except AnswersFileError as exc:
        _print_problems([(p.field, p.code, p.message) for p in exc.problems])
        return 1
    problems = [(p.field, p.code, p.message) for p in unknown_fields(procedure, answers)]
    # the address is filled from its postal code by the same rule as in the window
    session = Session(procedure, with_addresses_filled(procedure, answers))
    try:
        if problems:   # every problem at once: the unknown ids and the answers' own
            raise IncompleteError(session.missing())
        result = export_package(session, out)
    except IncompleteError as exc:
        _print_problems(problems + [(f"{e.field_id}.{e.part}" if e.part else e.field_id, e.code, e.message)
                                    for e in exc.errors])
        return 1
    except ExportError as exc:
        _print_problems([("out", exc.code, exc.message)])
        return 1
    for path in (result.pdf, result.json, result.qr, result.power_of_attorney, result.copy):
        if path is not None:
            print(path)
    return 0


def main(argv: list[str] | None = None, window: Window | None = None) -> int:
    """Run the command in `argv`; without one, start `window` (given by the launcher in `ui`,
    so the core never imports the interface)."""
    args = _parser().parse_args(argv)
    if args.language:
        set_language(args.language)
    app_paths = AppPaths.resolve(args.home)
    if args.command == "procedures":
        return {"schema": lambda: _schema(), "list": lambda: _list(app_paths),
                "validate": lambda: _validate(args.paths, app_paths),
                "lint": lambda: _lint(args, app_paths)}[args.action]()
    if args.command == "export":
        return _export(args, app_paths)
    if window is None:
        print(_("The window is started by the `tetsuzuki` command; `python -m assistant` runs only "
                "the commands without a window. See `python -m assistant --help`."), file=sys.stderr)
        return 2
    return window(app_paths, args.language, args.shared_pc)
