"""The headless command: schema, validate, export."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import BROKEN, ROOT
from tests.core.test_export import pdftotext


def tetsuzuki(*args, home):
    return subprocess.run([sys.executable, "-m", "assistant", "--home", str(home), *args],
                          capture_output=True, text=True, cwd=ROOT)


def test_schema_is_json_schema_with_descriptions(tmp_path):
    result = tetsuzuki("procedures", "schema", home=tmp_path)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Procedure"
    assert schema["properties"]["steps"]["description"]
    assert "not" in json.dumps(schema)   # aliases, not Python names


def test_validate_accepts_the_bundled_procedures(tmp_path):
    result = tetsuzuki("procedures", "validate", home=tmp_path)
    assert result.returncode == 0, result.stderr


def test_validate_lists_every_broken_file_with_line_and_path(tmp_path):
    result = tetsuzuki("procedures", "validate", str(BROKEN), home=tmp_path)
    assert result.returncode == 1
    assert "unknown_key.yaml:19: steps[0].fields[0].colour" in result.stderr
    assert "wrong_kind.yaml:17: steps[0].fields[0].kind" in result.stderr
    assert "bad_yaml.yaml" in result.stderr and "bad_condition.yaml" in result.stderr


def test_export_writes_pdf_and_json(tmp_path):
    out = tmp_path / "out"
    result = tetsuzuki("export", "--procedure", "juminhyo_copy", "--answers",
                       str(ROOT / "examples" / "juminhyo_answers.json"), "--out", str(out), home=tmp_path)
    assert result.returncode == 0, result.stderr
    [folder] = out.iterdir()
    assert sorted(p.name.split(".", 1)[1] for p in folder.iterdir()) == [
        "copy-ja.pdf", "json", "pdf", "qr.png"]      # own copy, data, form, QR code


def test_export_lists_each_invalid_answer_with_field_code_and_message(tmp_path):
    answers = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
    answers["applicant_birth_date"] = "平成31年5月1日"
    answers["applicant_phone"] = "03-1234-5678"
    del answers["purpose"]
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    result = tetsuzuki("--language", "en", "export", "--procedure", "juminhyo_copy", "--answers", str(file),
                       "--out", str(tmp_path / "out"), home=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("applicant_birth_date: date.era_range: ") for line in lines)
    assert any(line.startswith("applicant_phone: phone.") for line in lines)
    assert any(line.startswith("purpose: choice.required: ") for line in lines)
    assert not (tmp_path / "out").exists()


def test_export_rejects_unknown_procedure_and_unknown_fields(tmp_path):
    file = tmp_path / "answers.json"
    file.write_text(json.dumps({"nmae": "x"}), encoding="utf-8")
    unknown_procedure = tetsuzuki("export", "--procedure", "nope", "--answers", str(file), "--out",
                                  str(tmp_path), home=tmp_path)
    assert unknown_procedure.returncode == 2
    unknown_field = tetsuzuki("export", "--procedure", "juminhyo_copy", "--answers", str(file), "--out",
                              str(tmp_path), home=tmp_path)
    assert unknown_field.returncode == 1
    assert "nmae: " in unknown_field.stderr


def test_an_unexpected_failure_in_export_is_a_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    # the last guard of `tetsuzuki export`; the fuzz tests fail when any input reaches it
    from assistant import cli
    from assistant.export import package

    def broken(*args, **kwargs):
        raise RuntimeError("山田")   # an exception's text may hold an answer: never printed

    monkeypatch.setattr(package, "export_package", broken)
    code = cli.main(["--home", str(tmp_path), "--language", "en", "export", "--procedure", "juminhyo_copy",
                     "--answers", str(ROOT / "examples" / "juminhyo_answers.json"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("export: internal.error: RuntimeError: Something unexpected went wrong")
    assert "山田" not in err and "Traceback" not in err


def _export_json(tmp_path, changes: dict) -> tuple[subprocess.CompletedProcess, dict | None]:
    """Export the example answers with `changes` through the CLI: (process, JSON record or None)."""
    answers = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
    answers.update(changes)
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = tetsuzuki("--language", "en", "export", "--procedure", "juminhyo_copy", "--answers", str(file),
                       "--out", str(out), home=tmp_path)
    if result.returncode != 0:
        return result, None
    [data] = out.glob("*/*.json")
    return result, json.loads(data.read_text(encoding="utf-8"))


def test_export_fills_the_address_from_the_postal_code_like_the_window(tmp_path):
    result, record = _export_json(tmp_path, {"applicant_address": {
        "postal_code": "100-0013", "prefecture": "", "city": "", "town": "", "block": "２－１－２",
        "building": "中央合同庁舎２号館"}})
    assert result.returncode == 0, result.stderr
    assert record["answers"]["applicant_address"] == {
        "postal_code": "1000013", "prefecture": "東京都", "city": "千代田区", "town": "霞が関",
        "block": "2-1-2", "building": "中央合同庁舎2号館"}       # half-width, as DS-442 asks


def test_export_prints_a_phone_extension_and_reads_copies_with_a_counter(tmp_path):
    result, record = _export_json(tmp_path, {"applicant_phone": "03-5253-2111（内線１２３）", "copies": "２通"})
    assert result.returncode == 0, result.stderr
    assert record["answers"]["applicant_phone"] == "03-5253-2111 内線123"
    assert record["answers"]["copies"] == 2
    [person] = [p for p in record["imi"]["@graph"] if "連絡先" in p]
    assert person["連絡先"]["電話番号"] == "03-5253-2111" and person["連絡先"]["内線番号"] == "123"
    [form] = [p for p in (tmp_path / "out").glob("*/*.pdf") if ".copy-" not in p.name]
    printed = pdftotext(form)
    assert "03-5253-2111 内線123" in printed and "2通" in "".join(printed.split())


def test_export_offers_the_postal_code_with_its_lost_leading_zero(tmp_path):
    result, _record = _export_json(tmp_path, {"applicant_address": {
        "postal_code": "600001", "prefecture": "北海道", "city": "札幌市中央区", "town": "北一条西",
        "block": "2", "building": ""}})
    assert result.returncode == 1
    assert "applicant_address.postal_code: postal.missing_zero: " in result.stderr
    assert "060-0001 is 北海道札幌市中央区" in result.stderr
