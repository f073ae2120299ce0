"""Badge references, the check-in decision and the badge image, pure."""

from __future__ import annotations

import io
import uuid

import pytest
import zxingcpp
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from conference.accreditation.domain import Category, Status
from conference.badges.domain import (
    Reason,
    ZoneFacts,
    ZoneKind,
    badge_reference,
    decide,
    grant_errors,
    granted_zones,
    read_reference,
    reference_shaped,
    scan_reason,
)
from conference.badges.render import BadgeContent, qr_image, render_png
from conference.signing import Signer

SIGNER = Signer(b"k" * 32)
facts = st.builds(ZoneFacts, st.booleans(), st.booleans(), st.booleans(), st.booleans())


def test_a_reference_names_its_accreditation() -> None:
    acc = uuid.uuid4()
    ref = badge_reference(SIGNER, acc)
    assert read_reference(SIGNER, ref) == (acc, 1)
    assert read_reference(SIGNER, f"  {ref}\n") == (acc, 1)  # a scanner's trailing newline
    assert str(acc) not in ref and len(ref) < 60


def test_a_reference_typed_with_caps_lock_on_is_read() -> None:
    """A USB scanner types as a keyboard: with Caps Lock on, every letter comes in the other
    case. The badge is still read (and only a genuine one: see the next tests)."""
    acc = uuid.uuid4()
    for version in (1, 2):
        ref = badge_reference(SIGNER, acc, version)
        assert ref.swapcase() != ref
        assert read_reference(SIGNER, ref.swapcase() + "\n") == (acc, version)
    # another case change is not Caps Lock: it reads as nothing
    ref = badge_reference(SIGNER, acc)
    assert read_reference(SIGNER, ref.upper()) is None
    assert read_reference(SIGNER, ref.lower()) is None


# What a scanner set for a US keyboard types on a French AZERTY computer, key for key (a
# reference uses letters, digits, "-", "_" and "."); Belgian AZERTY differs on 6 and 8.
TO_AZERTY = str.maketrans({"1": "&", "2": "é", "3": '"', "4": "'", "5": "(", "6": "-",
                           "7": "è", "8": "_", "9": "ç", "0": "à", "-": ")", "_": "°",
                           "a": "q", "q": "a", "z": "w", "w": "z", "A": "Q", "Q": "A",
                           "Z": "W", "W": "Z", "m": ",", "M": "?", ".": ":"})
TO_BELGIAN = str.maketrans({"6": "§", "8": "!"})
TO_QWERTZ = str.maketrans({"y": "z", "z": "y", "Y": "Z", "Z": "Y", "-": "ß", "_": "?"})


def test_a_reference_typed_through_another_keyboard_layout_is_read() -> None:
    """A door computer in Brussels has an AZERTY keyboard; the scanner, set for a US one,
    typed every genuine badge as text that failed its signature (refused as forged)."""
    for version in (1, 2):
        acc = uuid.uuid4()
        ref = badge_reference(SIGNER, acc, version)
        french = ref.translate(TO_AZERTY)
        belgian = ref.translate(TO_BELGIAN).translate(TO_AZERTY)
        german = ref.translate(TO_QWERTZ)
        assert french != ref and "." not in french
        caps_german = "".join(c if c == "ß" else c.swapcase() for c in german)  # Caps Lock
        for typed in (french, belgian, german, french.swapcase(), caps_german):
            assert read_reference(SIGNER, typed + "\n") == (acc, version), typed
    # a reading is genuine only when the badge is: an altered badge stays unread
    ref = badge_reference(SIGNER, uuid.uuid4())
    altered = ref[:-1] + ("A" if ref[-1] != "A" else "B")
    assert read_reference(SIGNER, altered.translate(TO_AZERTY)) is None


def test_a_text_not_shaped_as_a_reference_is_unreadable_not_forged() -> None:
    ref = badge_reference(SIGNER, uuid.uuid4())
    v2 = badge_reference(SIGNER, uuid.uuid4(), 2)
    altered = ref[:-1] + ("A" if ref[-1] != "A" else "B")
    for shaped in (ref, v2, altered, altered.translate(TO_AZERTY), altered.swapcase()):
        assert reference_shaped(shaped), shaped
    for unread in (ref[:30], ref[:-1], ref.split(".")[0], ref.replace(".", ""),
                   "https://example.org/conference", "x" * 512, ref + "Z"):
        assert not reference_shaped(unread), unread
    zone = ZoneKind.standard
    assert scan_reason(zone, None, False, None, None, None,
                       unreadable=True) is Reason.unreadable_reference
    assert scan_reason(zone, None, False, None, None, None) is Reason.forged_badge
    assert scan_reason(None, None, False, None, None, None,
                       unreadable=True) is Reason.unknown_zone


def test_a_reissued_badge_carries_its_version() -> None:
    acc = uuid.uuid4()
    assert badge_reference(SIGNER, acc, 1) == badge_reference(SIGNER, acc)
    v3 = badge_reference(SIGNER, acc, 3)
    assert v3 != badge_reference(SIGNER, acc, 2)
    assert read_reference(SIGNER, v3) == (acc, 3)
    assert len(v3) < 70  # still a small QR code


@pytest.mark.parametrize("forge", [
    lambda r: r[:-1] + ("A" if r[-1] != "A" else "B"),
    lambda r: ("B" if r[0] != "B" else "C") + r[1:],
    lambda r: r.split(".")[0],
    lambda r: r + "x",
    lambda r: "",
    lambda r: "." * 600,
])
def test_an_altered_reference_names_nobody(forge: object) -> None:
    ref = badge_reference(SIGNER, uuid.uuid4())
    assert read_reference(SIGNER, forge(ref)) is None  # type: ignore[operator]


def test_references_of_another_key_or_purpose_name_nobody() -> None:
    acc = uuid.uuid4()
    assert read_reference(Signer(b"x" * 32), badge_reference(SIGNER, acc)) is None
    assert read_reference(SIGNER, SIGNER.sign_bytes("feed", acc.bytes)) is None
    assert read_reference(SIGNER, SIGNER.sign_bytes("badge", b"short")) is None


@given(st.sampled_from(list(Status)), st.sampled_from(list(Category)),
       st.sampled_from(list(ZoneKind)), facts)
def test_only_approved_accreditations_enter(status: Status, category: Category,
                                            kind: ZoneKind, f: ZoneFacts) -> None:
    reason = decide(status, category, kind, f)
    if status is not Status.approved:
        assert reason == {Status.revoked: Reason.revoked, Status.withdrawn: Reason.withdrawn,
                          Status.substituted: Reason.substituted}.get(status,
                                                                      Reason.not_approved)


@given(st.sampled_from(list(Category)), facts)
def test_the_royal_perimeter_follows_the_list_and_the_pool(category: Category,
                                                           f: ZoneFacts) -> None:
    reason = decide(Status.approved, category, ZoneKind.royal_perimeter, f)
    if category is Category.press:
        assert reason == (Reason.granted if f.by_pool else Reason.press_not_in_pool)
    else:
        assert reason == (Reason.granted if f.on_security_list
                          else Reason.not_on_security_list)


def test_press_on_the_security_list_still_need_the_pool() -> None:
    listed = ZoneFacts(by_category=True, by_session=True, on_security_list=True)
    assert decide(Status.approved, Category.press, ZoneKind.royal_perimeter,
                  listed) is Reason.press_not_in_pool


@given(st.sampled_from(list(Category)), facts)
def test_a_standard_zone_opens_by_any_grant(category: Category, f: ZoneFacts) -> None:
    reason = decide(Status.approved, category, ZoneKind.standard, f)
    opened = f.by_category or f.by_session or f.by_pool
    assert reason == (Reason.granted if opened else Reason.zone_not_granted)


def test_granted_zones_are_what_the_badge_prints() -> None:
    zones = [(ZoneKind.standard, ZoneFacts(by_category=True)),
             (ZoneKind.standard, ZoneFacts()),
             (ZoneKind.royal_perimeter, ZoneFacts(by_pool=True)),
             (ZoneKind.royal_perimeter, ZoneFacts(on_security_list=True))]
    assert granted_zones(Status.approved, Category.press, zones) == [0, 2]
    assert granted_zones(Status.approved, Category.minister, zones) == [0, 3]
    assert granted_zones(Status.revoked, Category.minister, zones) == []


def test_a_royal_perimeter_takes_no_category_grant() -> None:
    assert grant_errors(ZoneKind.royal_perimeter, [Category.press])[0]["field"] == (
        "grants.categories")
    assert grant_errors(ZoneKind.royal_perimeter, []) == []
    assert grant_errors(ZoneKind.standard, [Category.press]) == []


def _decode(img: Image.Image) -> str:
    [code] = zxingcpp.read_barcodes(img)
    return str(code.text)


@pytest.mark.parametrize("reference", ["a.b", badge_reference(SIGNER, uuid.uuid4()), "x" * 300],
                         ids=["short", "signed", "long"])
def test_the_qr_code_carries_the_reference(reference: str) -> None:
    img = qr_image(reference, 520)
    assert img.width <= 520
    assert _decode(img.convert("L")) == reference


def test_the_badge_prints_at_a6_with_a_readable_qr_code() -> None:
    ref = badge_reference(SIGNER, uuid.uuid4())
    content = BadgeContent(
        conference="Alliance mondiale contre les abus sexuels commis contre des enfants via "
                   "Internet : lancement de l'alliance, Bruxelles",
        dates="5 décembre 2012", given_name="Marie-Françoise Élisabeth Anne-Sophie",
        family_name="DE LA TOUR D'AUVERGNE-LAURAGUAIS VAN DER STRAETEN", category_label="PRESSE",
        affiliation="Radiotelevisione svizzera di lingua italiana", role="Journaliste",
        zones_heading="Accès", zones=[f"Zone {n} avec un nom assez long" for n in range(12)],
        reference=ref, colour="#f9a825", text_colour="#000000")
    png = render_png(content)
    img = Image.open(io.BytesIO(png))
    assert img.size == (1240, 1748) and img.format == "PNG"
    assert _decode(img) == ref


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_door_page_words_every_reason(language: str) -> None:
    from conference.workspaces.i18n import WTranslator
    t = WTranslator(language)
    for reason in Reason:
        assert t(f"reason_{reason.value}").strip(), reason


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_refusal_tells_the_door_staff_what_to_do_next(language: str) -> None:
    """A user test met "clearance required and missing, or refused" and nothing more, where
    every other refusal said what to do (docs/workspaces.md, "The door")."""
    from conference.workspaces.i18n import WTranslator
    t = WTranslator(language)
    missing = [r.value for r in Reason if r is not Reason.granted
               and f"door_action_{r.value}" not in t.keys]
    assert missing == []


def test_an_older_badge_is_superseded_after_the_accreditation_state_is_checked() -> None:
    from conference.badges.domain import scan_reason
    acc = uuid.uuid4()
    granted = ZoneFacts(by_category=True)

    def decide(status: Status, superseded: bool, lacking: bool = False) -> Reason:
        return scan_reason(ZoneKind.standard, acc, True, status, Category.minister, granted,
                           superseded=superseded, lacks_clearance=lacking)

    assert decide(Status.approved, False) is Reason.granted
    assert decide(Status.approved, True) is Reason.superseded
    assert decide(Status.approved, True, lacking=True) is Reason.superseded
    assert decide(Status.approved, False, lacking=True) is Reason.not_cleared
    assert decide(Status.revoked, True) is Reason.revoked


def test_a_short_reference_reads_through_case_separators_and_confusions() -> None:
    from conference.badges.domain import check_character, is_typed, short_reference_code

    body = "4F7K92Q"
    code = body + check_character(body)
    shown = f"{code[:4]}-{code[4:]}"
    for typed in (shown, shown.lower(), f" {code[:4]} {code[4:]} ", code.replace("1", "l"),
                  f"{code[:4]}\u2013{code[4:]}"):
        assert is_typed(typed)
        assert short_reference_code(typed) == code, typed
    assert short_reference_code("O" + code[1:]) == short_reference_code("0" + code[1:])
    assert not is_typed("WMVTG8ejRti_D3q86ApTlg.Ll3g03jd-WtU1u5womkKLtG3GLM")


def test_every_single_mistyped_character_of_a_short_reference_is_caught() -> None:
    from conference.badges.domain import SHORT_ALPHABET, check_character, short_reference_code

    for body in ("4F7K92Q", "0000000", "ZZZZZZZ", "A1B2C3D"):
        code = body + check_character(body)
        assert short_reference_code(code) == code
        for i in range(8):
            for c in SHORT_ALPHABET:
                if c != code[i]:
                    assert short_reference_code(code[:i] + c + code[i + 1:]) is None
        assert short_reference_code(code[:-1]) is None
        assert short_reference_code(code + "0") is None


def test_a_press_centre_is_a_zone_every_press_badge_opens_and_no_session_grants() -> None:
    from conference.badges.domain import is_press_centre

    session = [uuid.uuid4()]
    assert is_press_centre(ZoneKind.standard, [Category.press, Category.staff], [])
    assert not is_press_centre(ZoneKind.standard, [Category.minister, Category.staff], [])
    assert not is_press_centre(ZoneKind.standard, [Category.press], session)  # a session room
    assert not is_press_centre(ZoneKind.standard, [], [])  # a pool's place, or nobody's
    assert not is_press_centre(ZoneKind.royal_perimeter, [Category.press], [])
