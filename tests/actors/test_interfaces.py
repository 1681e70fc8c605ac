"""Interfaces (yhdyspinnat) of seed 001: the themes, each municipality's contact table
county ↔ municipality, its editor and the county's matrix."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from elinvoima.actors.enums import InterfaceSide
from elinvoima.actors.interfaces.models import InterfaceContact, InterfaceTheme
from elinvoima.actors.interfaces.selectors import interface_matrix_of, interface_table_of
from elinvoima.actors.interfaces.services import (
    InterfaceContactRow,
    interface_contacts_save,
)
from elinvoima.actors.models import Municipality, User, WellbeingCounty
from elinvoima.actors.services import reference_data_load
from elinvoima.networks.models import Network

ASIKKALA = "016"
COUNTY = InterfaceSide.COUNTY
OWN = InterfaceSide.MUNICIPALITY


def _url(name: str, code: str) -> str:
    # English pages, so that assertions on our own wording hold whatever the translations.
    with translation.override("en"):
        return reverse(name, kwargs={"code": code})


@pytest.fixture
def asikkala(demo) -> Municipality:
    return Municipality.objects.get(code=ASIKKALA)


def _contact(municipality, theme_code: str, side: str) -> InterfaceContact | None:
    return InterfaceContact.objects.filter(
        municipality=municipality, theme__code=theme_code, side=side
    ).first()


def _form_data(municipality, **changes: str) -> dict[str, str]:
    """The edit form as loaded, with `changes` keyed "<theme>-<side>-<field>"."""
    table = interface_table_of(municipality=municipality)
    data = {"version": table.version}
    for row in table.rows:
        for side in (COUNTY, OWN):
            contact = row.contact(side)
            for field in ("title", "email", "phone"):
                data[f"{row.theme.code}-{side}-{field}"] = getattr(contact, field, "")
    data.update(changes)
    return data


def _row(code: str, side: str, title: str) -> InterfaceContactRow:
    return InterfaceContactRow(theme=InterfaceTheme.objects.get(code=code), side=side, title=title)


# Reference data ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_interface_themes__reference_data__sixteen_themes_in_three_languages():
    reference_data_load()
    themes = list(InterfaceTheme.objects.all())
    assert len(themes) == 16
    assert themes[0].name_fi == "Työllisyys ja työkyky"
    assert themes[-1].name_fi == "Kotoutuminen ja maahanmuutto"
    assert all(theme.name_fi and theme.name_sv and theme.name_en for theme in themes)
    reference_data_load()
    assert InterfaceTheme.objects.count() == 16


# The municipality's table -----------------------------------------------------------------


def test_municipality_interfaces__county_official__sees_asikkala_table_of_seed(client_for):
    response = client_for("hva.paijathame").get(_url("actors:municipality-interfaces", ASIKKALA))
    assert response.status_code == 200
    for title in (
        "Tulosaluejohtaja, työikäisten palvelut",
        "Johtaja, Verso",
        "Riskienhallinta- ja turvallisuuspäällikkö Ja valmiuspäällikkö, tukipalvelut",
        "Työllisyysvastaava",
        "Kirjastojohtaja",
        "Talospäällikkö",
    ):
        assert title in response.text
    assert "Päijät-Hämeen hyvinvointialue, hyte- ja yhdyspintatyön yksikkö" in response.text
    assert "not named" not in response.text  # Asikkala's table is complete
    assert _url("actors:municipality-interfaces-edit", ASIKKALA) in response.text


def test_municipality_interfaces__demo__links_of_seed_rows(asikkala):
    prevention = _contact(asikkala, "preventive_work", COUNTY)
    assert prevention.organisation.name_fi.endswith("hyte- ja yhdyspintatyön yksikkö")
    assert _contact(asikkala, "inclusion", COUNTY).organisation is None
    assert _contact(asikkala, "leisure", OWN).person.username == "hyte.asikkala"
    assert _contact(asikkala, "employment", OWN).person is None
    assert InterfaceContact.objects.filter(municipality=asikkala).count() == 32


def test_municipality_interfaces__gap__shown_as_not_named(client_for, asikkala):
    _contact(asikkala, "nutrition", OWN).delete()
    response = client_for("hyte.asikkala").get(_url("actors:municipality-interfaces", ASIKKALA))
    assert response.text.count("not named") == 1


def test_municipality_interfaces__other_municipalitys_coordinator__403(client_for, asikkala):
    client = client_for("hyte.utajarvi")
    assert client.get(_url("actors:municipality-interfaces", ASIKKALA)).status_code == 403
    edit = _url("actors:municipality-interfaces-edit", ASIKKALA)
    assert client.get(edit).status_code == 403
    response = client.post(edit, _form_data(asikkala, **{"nutrition-municipality-title": "x"}))
    assert response.status_code == 403


def test_municipality_interfaces__anonymous__login_redirect(client_for):
    for name in ("actors:municipality-interfaces", "actors:municipality-interfaces-edit"):
        response = client_for(None).get(_url(name, ASIKKALA))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_municipality_interfaces__unknown_municipality__404(client_for):
    assert client_for("admin").get(_url("actors:municipality-interfaces", "999")).status_code == 404


def test_municipality_interfaces__councillor_of_other_municipality__403(client_for):
    client = client_for("valtuutettu.vaala")
    assert client.get(_url("actors:municipality-interfaces", ASIKKALA)).status_code == 403
    assert client.get(_url("actors:municipality-interfaces", "785")).status_code == 200


# Saving ------------------------------------------------------------------------------------


def test_interface_contacts_save__coordinator_changes_own_side__saved(asikkala):
    coordinator = User.objects.get(username="hyte.asikkala")
    changed = interface_contacts_save(
        municipality=asikkala,
        user=coordinator,
        rows=[
            _row("nutrition", OWN, "Ruokapalvelupäällikkö"),
            _row("public_transport", OWN, ""),  # nobody named any more
            _row("nutrition", COUNTY, "Ravitsemusterapeutti, ravitsemusyksikkö"),  # unchanged
        ],
    )
    assert changed == 2
    assert _contact(asikkala, "nutrition", OWN).title == "Ruokapalvelupäällikkö"
    assert _contact(asikkala, "public_transport", OWN) is None


def test_interface_contacts_save__coordinator_changes_county_side__refused(asikkala):
    coordinator = User.objects.get(username="hyte.asikkala")
    with pytest.raises(ValidationError) as error:
        interface_contacts_save(
            municipality=asikkala,
            user=coordinator,
            rows=[
                _row("nutrition", OWN, "Ruokapalvelupäällikkö"),
                _row("nutrition", COUNTY, "Ravitsemusasiantuntija"),
            ],
        )
    assert error.value.code == "side_not_allowed"
    # Nothing of the refused save is kept, not even the municipal side.
    assert (
        _contact(asikkala, "nutrition", COUNTY).title == "Ravitsemusterapeutti, ravitsemusyksikkö"
    )
    assert _contact(asikkala, "nutrition", OWN).title == "Tukipalvelupäällikkö"


def test_interface_contacts_save__outsider__permission_denied(asikkala):
    outsider = User.objects.get(username="hyte.utajarvi")
    with pytest.raises(PermissionDenied):
        interface_contacts_save(
            municipality=asikkala, user=outsider, rows=[_row("nutrition", OWN, "Vallattu")]
        )
    assert _contact(asikkala, "nutrition", OWN).title == "Tukipalvelupäällikkö"


def test_interface_contacts_save__county_official__changes_both_sides(asikkala):
    official = User.objects.get(username="hva.paijathame")
    interface_contacts_save(
        municipality=asikkala,
        user=official,
        rows=[
            _row("nutrition", COUNTY, "Ravitsemusasiantuntija"),
            _row("nutrition", OWN, "Ruokapalvelupäällikkö"),
        ],
    )
    assert _contact(asikkala, "nutrition", COUNTY).title == "Ravitsemusasiantuntija"
    assert _contact(asikkala, "nutrition", OWN).title == "Ruokapalvelupäällikkö"


@pytest.mark.both_databases
def test_interface_contacts_save__stale_version__refused(asikkala):
    official = User.objects.get(username="hva.paijathame")
    loaded = interface_table_of(municipality=asikkala).version
    interface_contacts_save(
        municipality=asikkala, user=official, rows=[_row("ageing", OWN, "Vanhuspalvelujohtaja")]
    )
    with pytest.raises(ValidationError) as error:
        interface_contacts_save(
            municipality=asikkala,
            user=official,
            rows=[_row("ageing", OWN, "Hyvinvointikoordinaattori")],
            loaded_version=loaded,
        )
    assert error.value.code == "concurrent_edit"
    assert _contact(asikkala, "ageing", OWN).title == "Vanhuspalvelujohtaja"


# The edit page -----------------------------------------------------------------------------


def test_interfaces_edit__coordinator_posts_own_side__saved_and_audited(client_for, asikkala):
    client = client_for("hyte.asikkala")
    response = client.post(
        _url("actors:municipality-interfaces-edit", ASIKKALA),
        _form_data(
            asikkala,
            **{
                "nutrition-municipality-title": "Ruokapalvelupäällikkö",
                "nutrition-municipality-email": "ruoka@asikkala.example",
            },
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == _url("actors:municipality-interfaces", ASIKKALA)
    contact = _contact(asikkala, "nutrition", OWN)
    assert (contact.title, contact.email) == ("Ruokapalvelupäällikkö", "ruoka@asikkala.example")
    entry = LogEntry.objects.get_for_object(contact).latest("timestamp")
    assert entry.actor.username == "hyte.asikkala"


def test_interfaces_edit__coordinator__county_side_read_only(client_for):
    response = client_for("hyte.asikkala").get(
        _url("actors:municipality-interfaces-edit", ASIKKALA)
    )
    assert response.status_code == 200
    html = response.text
    county_input = html[html.index('name="nutrition-county-title"') :].split(">", 1)[0]
    own_input = html[html.index('name="nutrition-municipality-title"') :].split(">", 1)[0]
    assert "readonly" in county_input
    assert "readonly" not in own_input


def test_interfaces_edit__coordinator_posts_county_side__error_shown(client_for, asikkala):
    client = client_for("hyte.asikkala")
    response = client.post(
        _url("actors:municipality-interfaces-edit", ASIKKALA),
        _form_data(asikkala, **{"nutrition-county-title": "Ravitsemusasiantuntija"}),
    )
    assert response.status_code == 200
    assert "You can change only the municipality&#x27;s contacts" in response.text
    assert "Nutrition" in response.text
    assert (
        _contact(asikkala, "nutrition", COUNTY).title == "Ravitsemusterapeutti, ravitsemusyksikkö"
    )


@pytest.mark.both_databases
def test_interfaces_edit__table_changed_meanwhile__refused_with_message(client_for, asikkala):
    client = client_for("hyte.asikkala")
    stale = _form_data(asikkala, **{"ageing-municipality-title": "Hyvinvointipäällikkö"})
    client_for("hva.paijathame").post(
        _url("actors:municipality-interfaces-edit", ASIKKALA),
        _form_data(asikkala, **{"ageing-county-title": "Tulosaluejohtaja, asiakasohjaus"}),
    )
    response = client.post(_url("actors:municipality-interfaces-edit", ASIKKALA), stale)
    assert response.status_code == 200
    assert "Someone else saved this interface table while you were editing it" in response.text
    assert _contact(asikkala, "ageing", OWN).title == "Hyvinvointikoordinaattori"
    assert _contact(asikkala, "ageing", COUNTY).title == "Tulosaluejohtaja, asiakasohjaus"


def test_interfaces_edit__contact_without_role__field_error(client_for, asikkala):
    response = client_for("hyte.asikkala").post(
        _url("actors:municipality-interfaces-edit", ASIKKALA),
        _form_data(
            asikkala,
            **{"nutrition-municipality-title": "", "nutrition-municipality-phone": "040 123"},
        ),
    )
    assert response.status_code == 200
    assert "Give the role as well" in response.text
    assert _contact(asikkala, "nutrition", OWN).title == "Tukipalvelupäällikkö"


def test_interfaces__html_in_title__escaped(client_for, asikkala):
    client = client_for("hva.paijathame")
    client.post(
        _url("actors:municipality-interfaces-edit", ASIKKALA),
        _form_data(asikkala, **{"nutrition-county-title": "<script>alert(1)</script>"}),
    )
    assert _contact(asikkala, "nutrition", COUNTY).title == "<script>alert(1)</script>"
    response = client.get(_url("actors:municipality-interfaces", ASIKKALA))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<script>alert(1)" not in response.text


# The county's matrix -----------------------------------------------------------------------


def test_county_interfaces__demo__gaps_per_municipality_and_theme(client_for, demo):
    matrix = interface_matrix_of(county=WellbeingCounty.objects.get(code="9"))
    gaps = {row.municipality.code: row.gaps for row in matrix.rows}
    assert gaps[ASIKKALA] == 0
    assert gaps["398"] == 2  # Lahti: two municipal contacts missing
    assert gaps["142"] == 16  # Iitti: nothing named
    statuses = {
        (row.municipality.code, cell.theme.code): cell.status
        for row in matrix.rows
        for cell in row.cells
    }
    assert statuses["781", "health_promotion"] == "municipality_only"
    assert statuses["098", "ageing"] == "county_only"
    assert statuses["111", "health_promotion"] == "both"
    assert statuses["142", "ageing"] == "missing"
    assert len(matrix.theme_gaps) == 16
    assert sum(matrix.theme_gaps) == sum(gaps.values()) == matrix.total_gaps

    response = client_for("hva.paijathame").get(_url("actors:county-interfaces", "9"))
    assert response.status_code == 200
    for text in ("both", "county only", "municipality only", "missing"):
        assert text in response.text
    assert _url("actors:municipality-interfaces", "398") in response.text
    assert f"{matrix.total_gaps} gaps in all." in response.text


def test_county_interfaces__coordinator__403(client_for):
    assert client_for("hyte.asikkala").get(_url("actors:county-interfaces", "9")).status_code == 403
    response = client_for("hva.paijathame").get(_url("actors:county-interfaces", "19"))
    assert response.status_code == 403


def _query_count(client, url, django_assert_max_num_queries) -> int:
    with django_assert_max_num_queries(20) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_county_interfaces__more_municipalities_and_contacts__same_query_count(
    client_for, demo, django_assert_max_num_queries
):
    client = client_for("hva.paijathame")
    url = _url("actors:county-interfaces", "9")
    few = _query_count(client, url, django_assert_max_num_queries)
    county = WellbeingCounty.objects.get(code="9")
    used = set(Municipality.objects.values_list("code", flat=True))
    codes = [f"{n:03d}" for n in range(1000) if f"{n:03d}" not in used][:20]
    Municipality.objects.bulk_create(
        Municipality(code=code, name_fi=f"Testikunta {code}", wellbeing_county=county)
        for code in codes
    )
    InterfaceContact.objects.bulk_create(
        InterfaceContact(municipality=municipality, theme=theme, side=side, title="Yhteyshenkilö")
        for municipality in county.municipalities.exclude(code=ASIKKALA)
        for theme in InterfaceTheme.objects.all()[:10]
        for side in (COUNTY, OWN)
        if not InterfaceContact.objects.filter(
            municipality=municipality, theme=theme, side=side
        ).exists()
    )
    many = _query_count(client, url, django_assert_max_num_queries)
    assert many == few


def test_municipality_interfaces__same_query_count_with_more_links(
    client_for, asikkala, django_assert_max_num_queries
):
    client = client_for("hva.paijathame")
    url = _url("actors:municipality-interfaces", ASIKKALA)
    InterfaceContact.objects.filter(municipality=asikkala).update(person=None, organisation=None)
    few = _query_count(client, url, django_assert_max_num_queries)
    official = User.objects.get(username="hva.paijathame")
    InterfaceContact.objects.filter(municipality=asikkala).update(person=official)
    many = _query_count(client, url, django_assert_max_num_queries)
    assert many == few


# Dashboard and networks --------------------------------------------------------------------


def test_dashboard__coordinator_and_county_official__interface_links(client_for):
    with translation.override("en"):
        dashboard = reverse("portal:dashboard")
    coordinator = client_for("hyte.asikkala").get(dashboard).text
    assert _url("actors:municipality-interfaces", ASIKKALA) in coordinator
    official = client_for("hva.paijathame").get(dashboard).text
    assert _url("actors:county-interfaces", "9") in official
    other = client_for("yhdistys.reuma").get(dashboard).text
    assert "/interfaces/" not in other


def test_county_networks__grouped_by_interface_theme(client_for):
    html = client_for(None).get(_url("networks:county-networks", "9")).text
    # Themed groups first in the themes' order; networks without a theme after, by kind.
    headings = [
        ">Promotion of wellbeing and health</h2>",
        ">Cultural wellbeing</h2>",
        ">Nutrition</h2>",
        ">Physical activity</h2>",
        ">Preventive work</h2>",
        ">Advisory board</h2>",
    ]
    positions = [html.index(heading) for heading in headings]
    assert positions == sorted(positions)
    preventive, advisory = positions[-2:]
    assert preventive < html.index("Lähisuhdeväkivalta") < advisory
    assert advisory < html.index("Yhdyspintaneuvottelukunta")
    assert Network.objects.get(name_fi="Ravitsemusterveys").interface_theme.code == "nutrition"


def test_demo__loaded_twice__interface_contacts_unchanged(demo):
    from django.conf import settings

    from elinvoima.core.demo import demo_data_load

    before = sorted(InterfaceContact.objects.values_list("pk", "title", "updated_at"))
    demo_data_load(password=settings.ELINVOIMA_DEMO_PASSWORD)
    after = sorted(InterfaceContact.objects.values_list("pk", "title", "updated_at"))
    assert before == after
