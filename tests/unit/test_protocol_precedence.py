"""Order of precedence: ranks, seniority, EU protocol order, tie-breaks, hosts.

The rules are in docs/protocol.md.
"""

from __future__ import annotations

import random
from datetime import date

import babel
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conference.protocol.countries import (
    EU_PROTOCOL_ORDER,
    collation_key,
    country_codes,
    country_name,
    eu_code_from_iso,
    eu_members_on,
    is_eu_member,
    iso_from_eu_code,
)
from conference.protocol.precedence import (
    SENIORITY_RANKS,
    Person,
    ProtocolConfig,
    TieBreak,
    draw_start,
    guests_in_order,
    order_of_precedence,
    precedence_key,
)
from conference.protocol.ranks import RANK_ORDER, Rank, rank_index

DEC_2012 = date(2012, 12, 5)

# The EU protocol order for December 2012 as the EU Style Guide writes it, in EU codes.
EU_2012 = "BE BG CZ DK DE EE IE EL ES FR IT CY LV LT LU HU MT NL AT PL PT RO SI SK FI SE UK".split()
EU_2012_ISO = [iso_from_eu_code(code) for code in EU_2012]


def minister(country: str, family: str = "Doe", given: str = "Alex", **kw: object) -> Person:
    return Person(
        id=f"{country}-{family}-{given}",
        given_name=given,
        family_name=family,
        rank=Rank.minister,
        country=country,
        **kw,  # type: ignore[arg-type]
    )


def person(
    pid: str,
    rank: Rank,
    *,
    country: str | None = None,
    organisation: str | None = None,
    since: date | None = None,
    family: str = "Doe",
    given: str = "Alex",
    host: bool = False,
) -> Person:
    return Person(
        id=pid,
        given_name=given,
        family_name=family,
        rank=rank,
        country=country,
        organisation=organisation,
        in_office_since=since,
        is_host=host,
    )


def ids(people: list[Person]) -> list[str]:
    return [p.id for p in people]


def countries(people: list[Person]) -> list[str | None]:
    return [p.country for p in people]


def shuffled(people: list[Person], seed: int = 7) -> list[Person]:
    copy = list(people)
    random.Random(seed).shuffle(copy)
    return copy


# --- ranks ------------------------------------------------------------------------------------


def test_ranks_are_declared_in_protocol_order() -> None:
    assert [r.value for r in Rank] == [
        "head_of_state",
        "head_of_government",
        "deputy_head_of_government",
        "foreign_minister",
        "minister",
        "deputy_minister",
        "ambassador",
        "senior_official",
        "head_of_organisation",
        "official",
        "expert",
    ]


def test_rank_order_index_is_precedence() -> None:
    assert RANK_ORDER == tuple(Rank)
    assert [rank_index(r) for r in RANK_ORDER] == list(range(11))
    assert RANK_ORDER.index(Rank.ambassador) == 6


def test_rank_index_accepts_the_string_value() -> None:
    assert rank_index("head_of_state") == 0


# --- countries: names, codes, collation -------------------------------------------------------


def test_country_names_come_from_cldr() -> None:
    assert [country_name("BE", "fr"), country_name("BE", "en"), country_name("BE", "nl")] == [
        "Belgique",
        "Belgium",
        "België",
    ]


def test_country_name_of_greece_and_united_kingdom_uses_iso_codes() -> None:
    assert (country_name("GR", "en"), country_name("GB", "fr")) == ("Greece", "Royaume-Uni")


@pytest.mark.parametrize(("code", "hint"), [("EL", "'GR'"), ("UK", "'GB'")])
def test_eu_codes_are_refused_with_the_iso_code_to_use(code: str, hint: str) -> None:
    with pytest.raises(ValueError, match=hint):
        country_name(code, "en")


def test_unknown_country_and_language_are_refused() -> None:
    with pytest.raises(ValueError, match="not an ISO 3166-1"):
        country_name("QQ", "fr")
    with pytest.raises(ValueError, match="unknown language"):
        country_name("BE", "xx-nowhere")


def test_kosovo_is_accepted_with_its_user_assigned_code() -> None:
    assert country_name("XK", "fr") == "Kosovo"
    assert "XK" in country_codes()


def test_eu_and_iso_codes_map_both_ways() -> None:
    assert [iso_from_eu_code(c) for c in ("EL", "UK", "BE")] == ["GR", "GB", "BE"]
    assert [eu_code_from_iso(c) for c in ("GR", "GB", "BE")] == ["EL", "UK", "BE"]


def test_collation_sorts_accented_capitals_with_their_base_letter() -> None:
    names = ["Zambie", "États-Unis", "Espagne", "Égypte", "Émirats arabes unis", "Algérie"]
    assert sorted(names, key=collation_key) == [
        "Algérie",
        "Égypte",
        "Émirats arabes unis",
        "Espagne",
        "États-Unis",
        "Zambie",
    ]


def test_collation_places_unaccented_before_accented_from_the_start() -> None:
    assert sorted(["côté", "côte", "coté", "cote"], key=collation_key) == [
        "cote",
        "coté",
        "côte",
        "côté",
    ]


def test_collation_puts_lower_case_before_upper_case_when_letters_tie() -> None:
    assert sorted(["Rose", "rose", "Rosé"], key=collation_key) == ["rose", "Rose", "Rosé"]


def test_collation_folds_letters_that_do_not_decompose() -> None:
    assert sorted(["Pz", "Øy", "Oz", "Œuvre", "Ob"], key=collation_key) == [
        "Ob",
        "Œuvre",
        "Øy",
        "Oz",
        "Pz",
    ]


def test_collation_puts_space_before_hyphen_before_letters() -> None:
    names = ["Guinée-Bissau", "Guinéea", "Guinée équatoriale", "Guinée"]
    assert sorted(names, key=collation_key) == [
        "Guinée",
        "Guinée équatoriale",
        "Guinée-Bissau",
        "Guinéea",
    ]


def test_collation_keys_of_distinct_strings_differ() -> None:
    assert collation_key("Rose") != collation_key("rose")


# --- EU membership and protocol order ---------------------------------------------------------


def test_eu_protocol_order_of_december_2012_is_the_27_states_in_iso_codes() -> None:
    assert eu_members_on(DEC_2012) == [
        "BE", "BG", "CZ", "DK", "DE", "EE", "IE", "GR", "ES", "FR", "IT", "CY", "LV", "LT",
        "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE", "GB",
    ]  # fmt: skip
    assert eu_members_on(DEC_2012) == EU_2012_ISO


def test_croatia_is_not_a_member_on_30_june_2013() -> None:
    assert eu_members_on(date(2013, 6, 30)) == EU_2012_ISO


def test_croatia_joins_between_france_and_italy_on_1_july_2013() -> None:
    expected = EU_2012_ISO[: EU_2012_ISO.index("FR") + 1] + ["HR"]
    expected += EU_2012_ISO[EU_2012_ISO.index("IT") :]
    assert eu_members_on(date(2013, 7, 1)) == expected
    assert len(expected) == 28


def test_united_kingdom_leaves_on_1_february_2020() -> None:
    on_31_january = eu_members_on(date(2020, 1, 31))
    assert on_31_january[-1] == "GB"
    assert eu_members_on(date(2020, 2, 1)) == on_31_january[:-1]
    assert len(eu_members_on(date(2020, 2, 1))) == 27


def test_eu_members_are_given_as_iso_codes_never_eu_codes() -> None:
    members = eu_members_on(date(2015, 1, 1))
    assert ("GR" in members, "GB" in members, "EL" in members, "UK" in members) == (
        True,
        True,
        False,
        False,
    )


def test_eu_membership_follows_the_accession_dates() -> None:
    assert eu_members_on(date(1957, 12, 31)) == []
    assert eu_members_on(date(1958, 1, 1)) == ["BE", "DE", "FR", "IT", "LU", "NL"]
    assert len(eu_members_on(date(2004, 4, 30))) == 15
    assert len(eu_members_on(date(2004, 5, 1))) == 25
    assert len(eu_members_on(date(2007, 1, 1))) == 27


def test_is_eu_member_uses_the_day() -> None:
    assert [is_eu_member("HR", date(2013, 6, 30)), is_eu_member("HR", date(2013, 7, 1))] == [
        False,
        True,
    ]


def test_eu_members_on_returns_a_fresh_list() -> None:
    eu_members_on(DEC_2012).clear()
    assert len(eu_members_on(DEC_2012)) == 27


# The EU protocol order is alphabetical by each state's own name. For the member states whose
# own name is written in Latin script, CLDR's own-language name sorted with our collation must
# give the same relative order as the data: a cross-check that the data has no typing mistake.
# (Belgium and Luxembourg are listed by their French names.)
OWN_LANGUAGE = {
    "BE": "fr", "CZ": "cs", "DK": "da", "DE": "de", "EE": "et", "IE": "ga", "ES": "es",
    "FR": "fr", "HR": "hr", "IT": "it", "LV": "lv", "LT": "lt", "LU": "fr", "HU": "hu",
    "MT": "mt", "NL": "nl", "AT": "de", "PL": "pl", "PT": "pt", "RO": "ro", "SI": "sl",
    "SK": "sk", "FI": "fi", "SE": "sv", "GB": "en",
}  # fmt: skip


def test_eu_protocol_order_agrees_with_own_language_names_in_latin_script() -> None:
    in_data = [m.country for m in EU_PROTOCOL_ORDER if m.country in OWN_LANGUAGE]
    own_names = {code: babel.Locale(lang).territories[code] for code, lang in OWN_LANGUAGE.items()}
    by_name = sorted(OWN_LANGUAGE, key=lambda code: collation_key(own_names[code]))
    assert by_name == in_data


# --- configuration and people -----------------------------------------------------------------


def test_config_defaults_are_eu_protocol_in_french_on_5_december_2012() -> None:
    assert ProtocolConfig() == ProtocolConfig(
        tie_break=TieBreak.eu_protocol, presidency=None, language="fr", on=DEC_2012
    )


def test_config_accepts_the_tie_break_as_a_string() -> None:
    assert ProtocolConfig(tie_break="alphabetical").tie_break is TieBreak.alphabetical  # type: ignore[arg-type]


def test_presidency_that_is_not_an_eu_member_on_the_day_is_refused() -> None:
    with pytest.raises(ValueError, match="not an EU member state on 2012-12-05"):
        ProtocolConfig(presidency="HR")
    with pytest.raises(ValueError, match="not an EU member"):
        ProtocolConfig(presidency="GB", on=date(2021, 1, 1))


def test_presidency_given_as_eu_code_is_refused() -> None:
    with pytest.raises(ValueError, match="'GR'"):
        ProtocolConfig(presidency="EL")


def test_drawn_tie_break_needs_the_drawn_start() -> None:
    with pytest.raises(ValueError, match="drawn_start"):
        ProtocolConfig(tie_break=TieBreak.drawn)


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        ProtocolConfig(language="zz")


def test_person_with_eu_code_is_refused() -> None:
    with pytest.raises(ValueError, match="use the ISO 3166-1 code 'GB'"):
        minister("UK")


def test_person_with_lower_case_country_is_refused() -> None:
    with pytest.raises(ValueError, match="upper case"):
        minister("be")


def test_person_of_a_country_and_an_organisation_is_refused() -> None:
    with pytest.raises(ValueError, match="not both"):
        person("x", Rank.minister, country="BE", organisation="European Commission")


def test_person_rank_given_as_string_becomes_a_rank() -> None:
    p = person("x", "minister")  # type: ignore[arg-type]
    assert p.rank is Rank.minister


# --- rank and seniority -----------------------------------------------------------------------


def test_head_of_state_comes_before_ministers_of_every_state() -> None:
    people = [minister("BE"), minister("FR"), person("hos", Rank.head_of_state, country="US")]
    assert ids(order_of_precedence(people, ProtocolConfig())) == [
        "hos",
        "BE-Doe-Alex",
        "FR-Doe-Alex",
    ]


def test_every_rank_comes_before_the_next() -> None:
    people = [person(rank.value, rank, country="BE") for rank in reversed(Rank)]
    assert ids(order_of_precedence(people, ProtocolConfig())) == [r.value for r in Rank]


def test_foreign_minister_comes_before_minister_and_after_deputy_head_of_government() -> None:
    people = [
        person("min", Rank.minister, country="AT"),
        person("fm", Rank.foreign_minister, country="US"),
        person("dpm", Rank.deputy_head_of_government, country="SE"),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["dpm", "fm", "min"]


def test_heads_of_state_by_date_of_taking_office_before_delegation() -> None:
    people = [
        person("be", Rank.head_of_state, country="BE", since=date(2012, 1, 1)),
        person("fr", Rank.head_of_state, country="FR", since=date(2012, 5, 15)),
        person("us", Rank.head_of_state, country="US", since=date(2009, 1, 20)),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["us", "be", "fr"]


def test_heads_of_state_with_unknown_date_come_after_known_ones_then_by_delegation() -> None:
    people = [
        person("fr-unknown", Rank.head_of_state, country="FR"),
        person("be-unknown", Rank.head_of_state, country="BE"),
        person("us-known", Rank.head_of_state, country="US", since=date(2009, 1, 20)),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == [
        "us-known",
        "be-unknown",
        "fr-unknown",
    ]


def test_heads_of_government_by_date_of_taking_office() -> None:
    people = [
        person("be", Rank.head_of_government, country="BE", since=date(2011, 12, 6)),
        person("lu", Rank.head_of_government, country="LU", since=date(1995, 1, 20)),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["lu", "be"]


def test_ambassadors_by_date_of_taking_up_post() -> None:
    people = [
        person("de", Rank.ambassador, country="DE", since=date(2010, 9, 1)),
        person("jp", Rank.ambassador, country="JP", since=date(2008, 3, 3)),
        person("be", Rank.ambassador, country="BE"),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["jp", "de", "be"]


def test_ministers_are_not_ordered_by_date_in_office() -> None:
    people = [
        person("fr", Rank.minister, country="FR", since=date(1990, 1, 1)),
        person("be", Rank.minister, country="BE", since=date(2012, 1, 1)),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["be", "fr"]


def test_seniority_does_not_cross_ranks() -> None:
    people = [
        person("hog-old", Rank.head_of_government, country="BE", since=date(1990, 1, 1)),
        person("hos-new", Rank.head_of_state, country="FR", since=date(2012, 5, 15)),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["hos-new", "hog-old"]


# --- EU protocol tie-break --------------------------------------------------------------------


def test_ministers_of_the_27_follow_the_eu_protocol_order_of_2012() -> None:
    people = shuffled([minister(code) for code in EU_2012_ISO])
    assert countries(order_of_precedence(people, ProtocolConfig())) == EU_2012_ISO


def test_croatia_takes_its_place_between_france_and_italy_in_july_2013() -> None:
    people = shuffled([minister(code) for code in ["IT", "HR", "FR", "BE"]])
    config = ProtocolConfig(on=date(2013, 7, 1))
    assert countries(order_of_precedence(people, config)) == ["BE", "FR", "HR", "IT"]


def test_croatia_before_accession_is_a_non_eu_state_after_the_members() -> None:
    people = [minister("HR"), minister("IT"), minister("FR")]
    assert countries(order_of_precedence(people, ProtocolConfig())) == ["FR", "IT", "HR"]


def test_united_kingdom_after_leaving_sorts_among_non_eu_states_by_french_name() -> None:
    people = [minister("GB"), minister("CH"), minister("SE"), minister("NO")]
    config = ProtocolConfig(on=date(2021, 1, 1))
    # Suède (EU), then Norvège, Royaume-Uni, Suisse
    assert countries(order_of_precedence(people, config)) == ["SE", "NO", "GB", "CH"]


def test_presidency_cyprus_comes_first_among_eu_states() -> None:
    people = shuffled([minister(code) for code in EU_2012_ISO])
    config = ProtocolConfig(presidency="CY")
    expected = ["CY"] + [code for code in EU_2012_ISO if code != "CY"]
    assert countries(order_of_precedence(people, config)) == expected


def test_presidency_does_not_go_before_non_eu_states_of_higher_rank() -> None:
    people = [minister("CY"), person("us", Rank.head_of_state, country="US")]
    config = ProtocolConfig(presidency="CY")
    assert ids(order_of_precedence(people, config)) == ["us", "CY-Doe-Alex"]


def test_non_eu_states_follow_eu_states_alphabetically_by_french_name() -> None:
    people = shuffled([minister(c) for c in ["US", "JP", "CH", "NO", "BE", "SE", "AE", "EG", "MA"]])
    # EU: Belgique, Suède; then Égypte, Émirats arabes unis, États-Unis, Japon, Maroc, Norvège,
    # Suisse
    assert countries(order_of_precedence(people, ProtocolConfig())) == [
        "BE",
        "SE",
        "EG",
        "AE",
        "US",
        "JP",
        "MA",
        "NO",
        "CH",
    ]


def test_non_eu_states_follow_alphabetically_by_english_name_in_an_english_conference() -> None:
    people = [minister(c) for c in ["US", "JP", "CH", "DE", "EG"]]
    config = ProtocolConfig(language="en")
    assert countries(order_of_precedence(people, config)) == ["DE", "EG", "JP", "CH", "US"]


# --- organisations and people without a delegation --------------------------------------------


def test_organisations_come_after_states_of_the_same_rank() -> None:
    people = [
        person("commissioner", Rank.minister, organisation="European Commission"),
        minister("US"),
        minister("BE"),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == [
        "BE-Doe-Alex",
        "US-Doe-Alex",
        "commissioner",
    ]


def test_rank_still_comes_before_states_and_organisations() -> None:
    people = [
        person("official-be", Rank.official, country="BE"),
        person("commissioner", Rank.minister, organisation="European Commission"),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["commissioner", "official-be"]


def test_organisations_follow_the_configured_order_then_alphabetically() -> None:
    people = [
        person("unodc", Rank.head_of_organisation, organisation="UNODC"),
        person("europol", Rank.head_of_organisation, organisation="Europol"),
        person("interpol", Rank.head_of_organisation, organisation="Interpol"),
        person("coe", Rank.head_of_organisation, organisation="Council of Europe"),
        person("unicef", Rank.head_of_organisation, organisation="UNICEF"),
    ]
    config = ProtocolConfig(organisation_order=("unicef", "  Interpol "))
    assert ids(order_of_precedence(people, config)) == [
        "unicef",
        "interpol",
        "coe",
        "europol",
        "unodc",
    ]


def test_unlisted_organisations_sort_alphabetically_with_accents() -> None:
    people = [
        person("oms", Rank.head_of_organisation, organisation="Organisation mondiale de la santé"),
        person("ebu", Rank.head_of_organisation, organisation="Union européenne de radio"),
        person("ecole", Rank.head_of_organisation, organisation="École royale militaire"),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["ecole", "oms", "ebu"]


def test_people_without_a_delegation_come_after_organisations() -> None:
    people = [
        person("independent", Rank.expert),
        person("org", Rank.expert, organisation="Interpol"),
        person("state", Rank.expert, country="BE"),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["state", "org", "independent"]


def test_same_rank_and_delegation_sort_by_family_then_given_name() -> None:
    people = [
        person("3", Rank.expert, country="BE", family="Ernst", given="Tove"),
        person("2", Rank.expert, country="BE", family="Émond", given="Zoé"),
        person("1", Rank.expert, country="BE", family="Émond", given="Anne"),
        person("4", Rank.expert, country="BE", family="de Smet", given="Jan"),
    ]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["4", "1", "2", "3"]


def test_identical_people_but_for_id_sort_by_id() -> None:
    people = [person("b", Rank.expert, country="BE"), person("a", Rank.expert, country="BE")]
    assert ids(order_of_precedence(people, ProtocolConfig())) == ["a", "b"]


# --- alphabetical tie-break -------------------------------------------------------------------


FRENCH_E_AND_I_NAMES = [
    ("EG", "Égypte"),
    ("AE", "Émirats arabes unis"),
    ("EC", "Équateur"),
    ("ER", "Érythrée"),
    ("ES", "Espagne"),
    ("EE", "Estonie"),
    ("SZ", "Eswatini"),
    ("VA", "État de la Cité du Vatican"),
    ("US", "États-Unis"),
    ("ET", "Éthiopie"),
    ("MH", "Îles Marshall"),
    ("SB", "Îles Salomon"),
    ("IN", "Inde"),
    ("ID", "Indonésie"),
    ("IQ", "Irak"),
    ("IR", "Iran"),
    ("IE", "Irlande"),
    ("IS", "Islande"),
    ("IL", "Israël"),
    ("IT", "Italie"),
]


def test_french_names_of_the_test_states_are_cldr_names() -> None:
    assert [(c, country_name(c, "fr")) for c, _ in FRENCH_E_AND_I_NAMES] == FRENCH_E_AND_I_NAMES


def test_alphabetical_in_french_sorts_accented_e_and_i_names_with_e_and_i() -> None:
    people = shuffled([minister(code) for code, _ in FRENCH_E_AND_I_NAMES] + [minister("ZA")])
    config = ProtocolConfig(tie_break=TieBreak.alphabetical, language="fr")
    expected = ["ZA"] + [code for code, _ in FRENCH_E_AND_I_NAMES]  # Afrique du Sud first
    assert countries(order_of_precedence(people, config)) == expected


def test_alphabetical_in_french_puts_maurice_before_mauritanie() -> None:
    people = [minister("MR"), minister("MU"), minister("MT")]
    config = ProtocolConfig(tie_break=TieBreak.alphabetical)
    assert countries(order_of_precedence(people, config)) == ["MT", "MU", "MR"]


def test_alphabetical_in_french_mixes_eu_and_non_eu_states() -> None:
    people = [minister(c) for c in ["BE", "US", "DE", "CY"]]
    config = ProtocolConfig(tie_break=TieBreak.alphabetical)
    # Allemagne, Belgique, Chypre, États-Unis
    assert countries(order_of_precedence(people, config)) == ["DE", "BE", "CY", "US"]


def test_alphabetical_ignores_the_presidency() -> None:
    people = [minister(c) for c in ["CY", "BE", "AT"]]
    config = ProtocolConfig(tie_break=TieBreak.alphabetical, presidency="CY")
    # Autriche, Belgique, Chypre
    assert countries(order_of_precedence(people, config)) == ["AT", "BE", "CY"]


ENGLISH_NAMES = [
    ("CR", "Costa Rica"),
    ("CI", "Côte d’Ivoire"),
    ("HR", "Croatia"),
    ("CU", "Cuba"),
    ("CW", "Curaçao"),
    ("ST", "São Tomé and Príncipe"),
    ("SA", "Saudi Arabia"),
    ("TN", "Tunisia"),
    ("TR", "Türkiye"),
    ("TM", "Turkmenistan"),
]


def test_alphabetical_in_english_sorts_accented_names_with_their_base_letters() -> None:
    assert [(c, country_name(c, "en")) for c, _ in ENGLISH_NAMES] == ENGLISH_NAMES
    people = shuffled([minister(code) for code, _ in ENGLISH_NAMES])
    config = ProtocolConfig(tie_break=TieBreak.alphabetical, language="en")
    assert countries(order_of_precedence(people, config)) == [c for c, _ in ENGLISH_NAMES]


def test_alphabetical_order_depends_on_the_conference_language() -> None:
    people = [minister(c) for c in ["DE", "AT", "US"]]
    french = ProtocolConfig(tie_break=TieBreak.alphabetical, language="fr")
    english = ProtocolConfig(tie_break=TieBreak.alphabetical, language="en")
    # Allemagne, Autriche, États-Unis / Austria, Germany, United States
    assert (
        countries(order_of_precedence(people, french)),
        countries(order_of_precedence(people, english)),
    ) == (["DE", "AT", "US"], ["AT", "DE", "US"])


# --- drawn tie-break --------------------------------------------------------------------------


def test_drawn_order_runs_through_english_names_from_the_drawn_state_and_wraps() -> None:
    people = shuffled([minister(c) for c in ["BE", "FR", "SN", "US", "AF", "ZW"]])
    config = ProtocolConfig(tie_break=TieBreak.drawn, drawn_start="SN")
    # Senegal, United States, Zimbabwe, then Afghanistan, Belgium, France
    assert countries(order_of_precedence(people, config)) == ["SN", "US", "ZW", "AF", "BE", "FR"]


def test_drawn_start_absent_from_the_conference_starts_at_the_next_name() -> None:
    people = [minister(c) for c in ["BE", "FR", "SN", "US"]]
    config = ProtocolConfig(tie_break=TieBreak.drawn, drawn_start="NO")  # Norway
    assert countries(order_of_precedence(people, config)) == ["SN", "US", "BE", "FR"]


def test_drawn_order_uses_english_names_whatever_the_conference_language() -> None:
    people = [minister(c) for c in ["DE", "AT"]]  # Germany / Allemagne, Austria / Autriche
    config = ProtocolConfig(tie_break=TieBreak.drawn, drawn_start="BE", language="fr")
    assert countries(order_of_precedence(people, config)) == ["DE", "AT"]


def test_drawn_start_is_reproducible_from_the_seed() -> None:
    assert [draw_start(random.Random(2012)) for _ in range(3)] == [
        draw_start(random.Random(2012))
    ] * 3


def test_drawn_start_among_given_states_is_reproducible_and_one_of_them() -> None:
    present = ["US", "BE", "FR", "SN", "JP"]
    draws = {draw_start(random.Random(seed), among=present) for seed in range(40)}
    assert draws <= set(present)
    assert len(draws) > 1
    again = draw_start(random.Random(5), among=list(reversed(present)))
    assert again == draw_start(random.Random(5), among=present)


def test_drawn_order_from_a_seed_is_the_same_every_time() -> None:
    people = [minister(c) for c in ["BE", "FR", "SN", "US", "AF", "ZW", "JP", "NO"]]

    def order_for(seed: int) -> list[str | None]:
        start = draw_start(random.Random(seed), among=[p.country for p in people if p.country])
        config = ProtocolConfig(tie_break=TieBreak.drawn, drawn_start=start)
        return countries(order_of_precedence(shuffled(people, seed), config))

    assert order_for(1961) == order_for(1961)
    first = order_for(1961)
    assert first[0] == draw_start(random.Random(1961), among=[p.country or "" for p in people])


def test_drawing_from_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match="nothing to draw"):
        draw_start(random.Random(1), among=[])


# --- hosts ------------------------------------------------------------------------------------


def test_order_of_precedence_keeps_hosts_in_their_place() -> None:
    people = [minister("FR"), minister("BE", is_host=True)]
    assert countries(order_of_precedence(people, ProtocolConfig())) == ["BE", "FR"]


def test_guests_in_order_leaves_the_hosts_out() -> None:
    host = person("host", Rank.minister, country="BE", host=True)
    guests = [minister("US"), minister("FR"), person("hos", Rank.head_of_state, country="JP")]
    assert ids(guests_in_order([host, *guests], ProtocolConfig())) == [
        "hos",
        "FR-Doe-Alex",
        "US-Doe-Alex",
    ]


# --- properties -------------------------------------------------------------------------------

SAMPLE_COUNTRIES = [*EU_2012_ISO, "HR", "US", "JP", "NO", "CH", "AE", "EG", "IS", "MH", "ZA"]
ORGANISATIONS = ["European Commission", "Interpol", "UNICEF", "Europol", "École"]
NAMES = ["Ernst", "Émond", "Holder", "Malmström", "de Smet", "Østergaard", "Öz", "Ö", "ernst"]

configs = st.builds(
    ProtocolConfig,
    tie_break=st.sampled_from(list(TieBreak)),
    presidency=st.sampled_from([None, "CY", "IE", "BE"]),
    language=st.sampled_from(["fr", "en", "nl"]),
    on=st.dates(min_value=date(2012, 1, 1), max_value=date(2030, 12, 31)),
    drawn_start=st.sampled_from(SAMPLE_COUNTRIES),
    organisation_order=st.lists(st.sampled_from(ORGANISATIONS), max_size=3).map(tuple),
)


@st.composite
def people_lists(draw: st.DrawFn) -> list[Person]:
    count = draw(st.integers(min_value=0, max_value=25))
    people = []
    for index in range(count):
        kind = draw(st.sampled_from(["country", "organisation", "none"]))
        people.append(
            Person(
                id=f"p{index}",
                given_name=draw(st.sampled_from(NAMES)),
                family_name=draw(st.sampled_from(NAMES)),
                rank=draw(st.sampled_from(list(Rank))),
                country=draw(st.sampled_from(SAMPLE_COUNTRIES)) if kind == "country" else None,
                organisation=(
                    draw(st.sampled_from(ORGANISATIONS)) if kind == "organisation" else None
                ),
                in_office_since=draw(
                    st.none() | st.dates(min_value=date(1980, 1, 1), max_value=date(2012, 12, 1))
                ),
                is_host=draw(st.booleans()),
            )
        )
    return people


@settings(max_examples=100, deadline=None)
@given(people=people_lists(), config=configs, seed=st.integers())
def test_order_is_the_same_whatever_the_input_order(
    people: list[Person], config: ProtocolConfig, seed: int
) -> None:
    assert order_of_precedence(shuffled(people, seed), config) == order_of_precedence(
        people, config
    )


@settings(max_examples=100, deadline=None)
@given(people=people_lists(), config=configs)
def test_order_is_total_no_two_people_share_a_key(
    people: list[Person], config: ProtocolConfig
) -> None:
    keys = [precedence_key(p, config) for p in people]
    assert len(set(keys)) == len(people)


@settings(max_examples=100, deadline=None)
@given(people=people_lists(), config=configs)
def test_higher_rank_always_comes_before_lower_rank(
    people: list[Person], config: ProtocolConfig
) -> None:
    ranks = [rank_index(p.rank) for p in order_of_precedence(people, config)]
    assert ranks == sorted(ranks)


@settings(max_examples=100, deadline=None)
@given(people=people_lists(), config=configs)
def test_among_equals_in_rank_and_seniority_states_precede_organisations_precede_the_rest(
    people: list[Person], config: ProtocolConfig
) -> None:
    def group(p: Person) -> int:
        return 0 if p.country else 1 if p.organisation else 2

    def seniority(p: Person) -> date | None:
        return p.in_office_since if p.rank in SENIORITY_RANKS else None

    ordered = order_of_precedence(people, config)
    for rank in Rank:
        for since in {seniority(p) for p in people if p.rank is rank}:
            groups = [group(p) for p in ordered if p.rank is rank and seniority(p) == since]
            assert groups == sorted(groups)


@settings(max_examples=100, deadline=None)
@given(people=people_lists(), config=configs)
def test_within_a_seniority_rank_known_dates_come_first_earliest_first(
    people: list[Person], config: ProtocolConfig
) -> None:
    ordered = order_of_precedence(people, config)
    for rank in SENIORITY_RANKS:
        dates = [p.in_office_since for p in ordered if p.rank is rank]
        known = [d for d in dates if d is not None]
        assert dates == sorted(known) + [None] * (len(dates) - len(known))


@settings(max_examples=100, deadline=None)
@given(people=people_lists(), config=configs)
def test_guests_in_order_is_the_order_of_precedence_without_hosts(
    people: list[Person], config: ProtocolConfig
) -> None:
    assert guests_in_order(people, config) == [
        p for p in order_of_precedence(people, config) if not p.is_host
    ]


@settings(max_examples=100, deadline=None)
@given(day=st.dates(min_value=date(2012, 1, 1), max_value=date(2030, 12, 31)))
def test_eu_states_precede_non_eu_states_of_the_same_rank(day: date) -> None:
    people = [minister(code) for code in SAMPLE_COUNTRIES]
    ordered = countries(order_of_precedence(people, ProtocolConfig(on=day)))
    members = eu_members_on(day)
    assert ordered[: len(members)] == [c for c in members if c in SAMPLE_COUNTRIES]


def test_english_country_names_are_written_out_not_cldr_short_forms() -> None:
    assert [country_name(c, "en") for c in ("BA", "KN", "CG", "CD", "HK")] == [
        "Bosnia and Herzegovina", "Saint Kitts and Nevis", "Republic of the Congo",
        "Democratic Republic of the Congo", "Hong Kong"]
    assert country_name("HK", "fr") == "Hong Kong"
    assert country_name("BA", "fr") == "Bosnie-Herzégovine"


def test_french_names_the_two_congos_as_protocol_does_not_by_their_capitals() -> None:
    """CLDR's French tells them apart by their capitals ("Congo-Brazzaville", "Congo-Kinshasa");
    protocol names the states, from ISO 3166's French."""
    assert country_name("CG", "fr") == "République du Congo"
    assert country_name("CD", "fr") == "République démocratique du Congo"
