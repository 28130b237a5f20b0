"""The `tetsuzuki` command: the window by default, and headless tools for authors and scripts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.i18n import LANGUAGES, _, set_language
from assistant.paths import AppPaths


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


def _export(args: argparse.Namespace, app_paths: AppPaths) -> int:
    from assistant.export.package import IncompleteError, export_package
    from assistant.interview.session import Session
    from assistant.procedures.catalog import Catalog

    catalog = Catalog.load(app_paths.procedure_dirs)
    try:
        procedure = catalog.get(args.procedure)
    except KeyError:
        print(_("No procedure with the id {id}. See `tetsuzuki procedures list`.").format(id=args.procedure),
              file=sys.stderr)
        return 2
    try:
        answers = json.loads(args.answers.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(_("Cannot read the answers file {file}: {problem}").format(file=args.answers, problem=exc),
              file=sys.stderr)
        return 2
    if not isinstance(answers, dict):
        print(_("The answers file must hold one JSON object keyed by field id."), file=sys.stderr)
        return 2
    unknown = sorted(set(answers) - {f.id for f in procedure.all_fields()})
    for field_id in unknown:
        # field: code: message — the same machine-readable shape as the answer errors below
        print(f"{field_id}: field.unknown: {_('This form has no question with this id.')}", file=sys.stderr)
    if unknown:
        return 1
    try:
        result = export_package(Session(procedure, answers), args.out)
    except IncompleteError as exc:
        for error in exc.errors:
            where = f"{error.field_id}.{error.part}" if error.part else error.field_id
            print(f"{where}: {error.code}: {error.message}", file=sys.stderr)
        return 1
    for path in (result.pdf, result.json, result.qr, result.power_of_attorney, result.copy):
        if path is not None:
            print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
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
    from ui.app import run

    return run(app_paths, language=args.language, shared_pc=args.shared_pc)
