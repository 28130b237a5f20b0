"""A screen-reader user goes from the list of procedures to the printed form, through AT-SPI alone:
text typed with keys synthesised by the AT-SPI registry, buttons pressed and options chosen with
their AT-SPI actions, everything checked by reading the tree. The PDF is read back with poppler.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.a11y.walk import Walk

pytestmark = pytest.mark.a11y

ANSWERS = json.loads((Path(__file__).resolve().parents[2] / "examples" / "juminhyo_answers.json").read_text("utf-8"))


def pdftotext(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext is missing: install poppler-utils"
    raw = subprocess.run([tool, "-raw", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60).stdout
    return " ".join(raw.split())


def test_from_the_list_to_the_pdf_with_one_mistake_on_the_way(app):
    a = ANSWERS
    reader, walk = app.reader, Walk(app.reader)
    reader.listen("object:announcement")
    walk.home()
    walk.start()
    walk.choose("relationship", a["relationship"])
    walk.next(2, "applicant", first="input_applicant_name_family")
    for part, text in a["applicant_name"].items():
        walk.fill(f"applicant_name_{part}", text)
    walk.fill("applicant_birth_date", a["applicant_birth_date"])
    address = a["applicant_address"]
    walk.address("applicant_address", address["postal_code"], address["block"],
                 {part: address[part] for part in ("prefecture", "city", "town")})

    # The phone number is forgotten: Next stays on the step, explains why, and puts the focus there.
    reader.press("next")
    summary = reader.wait_for("error_summary")
    assert summary["role"] == "label"
    assert summary["name"].startswith("1件の答えを確かめてください"), summary["name"]
    assert "請求者の電話番号" in summary["name"]
    phone = reader.wait_for("input_applicant_phone", states=("focused",))
    assert "請求者の電話番号" in phone["description"]            # the error is read with the field too
    assert [f["name"] for f in reader.focused() if f["role"] != "list item"] == ["請求者の電話番号"]
    assert reader.frame()["name"].startswith("ステップ 2/7")

    walk.fill("applicant_phone", a["applicant_phone"])
    walk.next(3, "household_head_step", first="option_household_head_is_subject_true")
    walk.choose("household_head_is_subject", "true" if a["household_head_is_subject"] else "false")
    walk.next(4, "certificate", first="option_certificate_type_copy")
    walk.choose("certificate_type", a["certificate_type"])
    walk.choose("scope", a["scope"])
    walk.fill("copies", a["copies"])
    walk.next(5, "entries", first="option_optional_entries_household_head_relationship")
    for entry in a["optional_entries"]:
        walk.choose("optional_entries", entry)
    walk.next(6, "purpose_step", first="option_purpose_employer")
    walk.choose("purpose", a["purpose"])
    walk.fill("submit_to", a["submit_to"])
    walk.to_review(7)
    assert reader.text("review_applicant_name") == "山田　太郎（ヤマダ　タロウ）"
    assert reader.text("review_applicant_phone") == "090-1234-5678"
    walk.export()
    said = [e["data"] for e in reader.events() if e["type"] == "object:announcement"]
    assert said[-3:] == ["ファイルを作っています…", "申請書ができました。", "自分用の控え（あなたの言語）もできました。"], said

    folder = Path(reader.text("export_folder"))
    assert folder.parent == app.exports, folder
    form = folder / "juminhyo_copy.pdf"          # beside it, later: the person's own copy
    assert form.exists(), list(folder.iterdir())
    text = pdftotext(form)
    assert "山田 太郎" in text and "ヤマダ タロウ" in text, text[:500]
    assert "株式会社テツヅキ" in text


def test_text_put_in_through_editable_text_counts_as_the_answer(app):
    """EditableText (insertText / setTextContents) is how speech input and some on-screen keyboards
    write into a box. The box shows the text; the answer must count too (it once did not: the
    inputs listened to textEdited, which accessibility edits never emit)."""
    reader, walk = app.reader, Walk(app.reader)
    walk.start()
    walk.choose("relationship", "self")
    walk.next(2, "applicant", first="input_applicant_name_family")
    reader.insert_text("input_applicant_name_family", "山田")
    assert reader.text("input_applicant_name_family") == "山田"
    reader.press("next")
    summary = reader.wait_for("error_summary")
    assert "請求者の氏名 – 氏:" not in summary["name"], summary["name"]


def test_a_failed_next_does_not_flag_the_next_step_before_it_is_answered(app):
    """After a failed Next, fixing the answer and going on must open the next step clean (it once
    opened with every empty answer flagged and the error summary shown)."""
    a = ANSWERS
    reader, walk = app.reader, Walk(app.reader)
    walk.start()                                             # step 1 is answered by "who will apply"
    walk.next(2, "applicant", first="input_applicant_name_family")
    reader.press("next")                                     # nothing typed: errors
    reader.wait_for("error_summary")
    for part, text in a["applicant_name"].items():
        walk.fill(f"applicant_name_{part}", text)
    walk.fill("applicant_birth_date", a["applicant_birth_date"])
    address = a["applicant_address"]
    walk.address("applicant_address", address["postal_code"], address["block"],
                 {part: address[part] for part in ("prefecture", "city", "town")})
    walk.fill("applicant_phone", a["applicant_phone"])
    walk.next(3, "household_head_step", first="option_household_head_is_subject_true")
    shown = reader.find(id="error_summary")
    assert not shown, shown[0]["name"]
    assert "この質問は必須です" not in reader.one(id="option_household_head_is_subject_true")["description"]
