"""A whole visit without Qt (assistant/visit.py): choose a procedure → who fills in → prefill from
the saved details → the session → export (real files) → save the details → end the session; and the
rules the window's slots used to apply: whose details prefill whom, when a draft is resumed, the
helper remembered, Help's text, the self-voicing default."""

from __future__ import annotations

import json

import pytest

from assistant.drafts.profile import Profile
from assistant.drafts.store import OK, Draft, LoadResult
from assistant.interview.assisted import FAMILY, HOUSEHOLD, PROXY, SELF, VOLUNTEER, Assistance
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from assistant.speech.screen_reader import Detection, ScreenReaderState
from assistant.visit import Visit, export_files, profile_person
from tests.conftest import ROOT

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
NAME = ANSWERS["applicant_name"]          # invented data
SAVED = Profile({"name": NAME, "phone": "090-8765-4321"})


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load([BUNDLED_PROCEDURES])


def recording(visit: Visit) -> list[tuple]:
    """What the visit's events said, in order."""
    heard: list[tuple] = []
    for name in ("who_asked", "started", "exported", "details_saved", "ended"):
        getattr(visit, name).connect(lambda *args, name=name: heard.append((name, *args)))
    return heard


def test_a_whole_visit_from_the_list_to_the_end_of_the_session(catalog, app_paths, english):
    visit = Visit(catalog, shared_pc=True)
    heard = recording(visit)
    proposed = visit.choose("juminhyo_copy")
    assert proposed == Assistance() and heard == [("who_asked", proposed)]

    start = visit.begin(proposed)           # the resident alone; nothing saved yet: nothing prefilled
    assert start.session.answers == {"relationship": SELF}      # "who applies" is not asked again
    assert start.extra == {"prefilled": {}, "carried": {"relationship": SELF}}
    filled_by, extra = visit.follow(start.session, filled_by=start.filled_by, extra=start.extra)
    assert visit.session is start.session and heard[-1] == ("started", start.session)
    assert visit.carried == {"relationship": SELF} and filled_by == Assistance().to_json() and extra == start.extra
    assert visit.session.current_step.id == "relationship_step"
    assert "Where: " in visit.help_text()

    for field_id, raw in ANSWERS.items():
        visit.session.set_answer(field_id, raw)
    visit.session.go_to("review")
    snapshot = visit.snapshot()
    assert snapshot is not visit.session and snapshot.answers == visit.session.answers
    result = export_files(snapshot, app_paths, visit.assistance)       # the real files, as the worker makes them
    assert result.pdf.read_bytes().startswith(b"%PDF") and result.folder.parent == app_paths.exports
    assert visit.export_done(result) == "" and visit.result is result     # nobody helped: nothing to say
    assert heard[-1] == ("exported", result)

    assert "name" in visit.details_offer() and "phone" in visit.details_offer()
    saved = visit.details_to_save()
    assert saved.get("name") == NAME and visit.profile is saved and heard[-1] == ("details_saved", saved)
    assert visit.details_offer() == []          # all kept now: nothing more to offer

    visit.end()
    assert (visit.session, visit.result, visit.profile, visit.assistance) == (None, None, None, Assistance())
    assert heard[-1] == ("ended",)
    assert visit.help_text().startswith("Choose a procedure from the list")


def test_the_saved_details_prefill_the_resident_whoever_applies(catalog):
    visit = Visit(catalog)
    visit.profile = SAVED
    visit.choose("juminhyo_copy")
    alone = visit.begin(Assistance())
    assert alone.session.answers["applicant_name"] == NAME and "subject_name" not in alone.session.answers
    assert alone.extra["prefilled"]["applicant_name"] == NAME

    # a daughter applies as representative: the saved details are the resident's, the form's subject
    represented = Assistance(FAMILY, "代理 花子", applicant=PROXY, resident_present=False)
    assert profile_person(represented) == "subject" and profile_person(Assistance()) is None
    start = visit.begin(represented)
    assert start.session.answers["subject_name"] == NAME and "applicant_name" not in start.session.answers
    assert start.extra["carried"] == {"relationship": PROXY}
    visit.follow(start.session, filled_by=start.filled_by, extra=start.extra)
    assert visit.assistance == represented and visit.prefilled == start.extra["prefilled"]
    # what is learnt from this session goes to the resident's details too, never the daughter's
    visit.session.set_answer("applicant_name", {**NAME, "given": "花子"})
    assert visit.details_to_save().get("name") == NAME


def test_the_helper_is_proposed_again_but_not_who_applies_or_the_consent(catalog, english):
    visit = Visit(catalog)
    volunteer = Assistance(VOLUNTEER, "支援 花子", "中央コミュニティセンター", applicant=HOUSEHOLD).agreed("ja")
    visit.choose("juminhyo_copy")
    visit.follow(visit.begin(volunteer).session, filled_by=volunteer.to_json())
    assert visit.helped_by() == "Filled in with help from 中央コミュニティセンター 支援 花子; this is noted on the form."
    assert visit.choose("juminhyo_copy") == Assistance(VOLUNTEER, "支援 花子", "中央コミュニティセンター")
    visit.end()        # the volunteer at the desk helps the next person too
    assert visit.choose("juminhyo_copy").helper_name == "支援 花子"


def saved_draft(catalog, step_id: str) -> Draft:
    from assistant.interview.session import Session

    session = Session(catalog.get("juminhyo_copy"), dict(ANSWERS))
    session.go_to(step_id)
    extra = {"prefilled": {"applicant_phone": ANSWERS["applicant_phone"]}, "carried": "not a dict"}
    return Draft.from_session(session, filled_by={"role": "proxy", "helper_name": "代理 次郎"}, extra=extra)


def test_a_draft_resumes_where_it_was_left_unless_its_procedure_changed(catalog):
    visit = Visit(catalog)
    draft = saved_draft(catalog, "certificate")
    assert visit.procedure_versions()["juminhyo_copy"] == draft.procedure_version
    same = visit.resume(LoadResult(draft.draft_id, OK, draft, procedure_status="same"))
    assert same.current_step.id == "certificate" and same.answers == ANSWERS
    changed = visit.resume(LoadResult(draft.draft_id, OK, draft, procedure_status="changed"))
    assert changed.current_step.id == "relationship_step" and changed.answers == ANSWERS   # every step checked again

    filled_by, extra = visit.follow(same, draft)          # who filled it in comes with the draft
    assert visit.assistance.applicant == PROXY and visit.assistance.helper_name == "代理 次郎"
    assert visit.prefilled == {"applicant_phone": ANSWERS["applicant_phone"]} and visit.carried == {}
    assert filled_by == draft.filled_by and extra == draft.extra


def test_a_draft_that_cannot_be_opened_gives_no_session(catalog):
    visit = Visit(catalog)
    assert visit.resume(LoadResult("x", "unreadable")) is None
    gone = Draft("no_such_procedure", "1", {})
    assert visit.resume(LoadResult(gone.draft_id, OK, gone, procedure_status="missing")) is None
    assert Visit().resume(LoadResult("x", OK, saved_draft(catalog, "certificate"))) is None   # not loaded yet
    assert Visit().procedure_versions() == {}


def test_help_tells_the_current_procedure_and_the_help_of_its_questions(catalog, english):
    visit = Visit(catalog)
    visit.choose("juminhyo_copy")
    visit.follow(visit.begin(Assistance()).session)
    text = visit.help_text()
    assert visit.session.procedure.office.name in text
    helped = [f for f in visit.session.visible_fields(visit.session.current_step) if f.help]
    assert helped and all(f.help in text for f in helped)
    visit.session.go_to("applicant")                 # no help on this step's questions
    assert all(f.help not in visit.help_text() for f in helped)


@pytest.mark.parametrize(("running", "saved", "expected"), [
    (True, True, False),       # a screen reader already speaks the focused question
    (False, True, True),
    (False, None, False),      # off until the person turns it on
])
def test_self_voicing_starts_off_beside_a_screen_reader_else_as_last_chosen(running, saved, expected):
    visit = Visit()
    assert visit.reset_self_voicing(saved) is bool(saved)      # before detection ran: as chosen
    state = ScreenReaderState.RUNNING if running else ScreenReaderState.NOT_RUNNING
    assert visit.screen_reader_detected(Detection(state, "Orca" if running else None, "test"), saved) is expected
    assert visit.self_voicing is expected
    assert visit.reset_self_voicing(saved) is expected          # the centre's settings put back: same rule
