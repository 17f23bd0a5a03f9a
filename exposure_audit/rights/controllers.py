"""Data controllers and supervisory authorities, loaded from the bundled resources."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from exposure_audit.errors import UserMistake
from exposure_audit.i18n import _
from exposure_audit.vocabulary import Region

REGIONS: tuple[str, ...] = Region.values()


@dataclass(frozen=True)
class Entity:
    """The legal entity that answers requests for one region."""

    name: str
    address: tuple[str, ...]
    country: str
    timezone: str
    email: str | None = None
    webform: str | None = None
    verified: bool = False
    note: str | None = None
    operates: str | None = None  # the service an operator runs ("PimEyes")
    attention: str | None = None  # a code for the unit to write to ("privacy_team")
    representative: str | None = None  # written to care of its representative


@dataclass(frozen=True)
class Controller:
    """A controller of face photos, with its entity per region and where to act."""

    slug: str
    name: str
    platforms: tuple[str, ...]
    entities: dict[str, Entity]
    self_service: dict[str, str | None]
    lead_authority: str | None
    request_language: str
    sources: tuple[str, ...]
    last_verified: str
    upstream_slugs: tuple[str, ...] = ()
    upstream_commit: str | None = None
    notes: tuple[str, ...] = field(default=())
    kind: str = "platform"
    dpo_designated: bool = True
    aliases: tuple[str, ...] = ()

    def entity(self, region: str) -> Entity:
        """The entity for ``region`` ("EEA", "UK" or "US")."""
        if region not in REGIONS:
            raise UserMistake(_unknown_region(region))
        return self.entities[region]


@dataclass(frozen=True)
class Authority:
    """A data protection supervisory authority."""

    country: str
    slug: str
    name: str
    address: tuple[str, ...]
    email: str | None
    complaint_form: str | None
    web: str | None
    complaint_language: str | None = None
    comments: tuple[str, ...] = ()
    region: str | None = None
    verified: str | None = None
    names: tuple[tuple[str, str], ...] = ()  # (language, official name), where there are several
    # (language, address lines) where the authority writes its address in each language
    addresses: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def name_in(self, language: str) -> str:
        """The official name a letter in ``language`` uses (Belgium has one per language)."""
        return dict(self.names).get(language, self.name)

    def address_in(self, language: str) -> tuple[str, ...]:
        """The address as the authority writes it in ``language`` ("1000 Bruxelles" in French,
        "1000 Brussel" in Dutch); the one address where it has only one."""
        return dict(self.addresses).get(language, self.address)

    @property
    def key(self) -> str:
        """The code the authority is looked up by: "DE-BE" for a German Land, else the country."""
        return self.region or self.country


def _resource_text(*parts: str) -> str:
    return resources.files("resources").joinpath(*parts).read_text(encoding="utf-8")


def _entity(data: dict[str, Any]) -> Entity:
    return Entity(
        name=data["name"],
        address=tuple(data["address"]),
        country=data["country"],
        timezone=data["timezone"],
        email=data.get("email"),
        webform=data.get("webform"),
        verified=bool(data.get("verified")),
        note=data.get("note"),
        operates=data.get("operates"),
        attention=data.get("attention"),
        representative=data.get("representative"),
    )


def _controller(data: dict[str, Any]) -> Controller:
    upstream = data.get("upstream") or {}
    return Controller(
        slug=data["slug"],
        name=data["name"],
        platforms=tuple(data["platforms"]),
        entities={region: _entity(data["entities"][region]) for region in REGIONS},
        self_service=dict(data.get("self_service") or {}),
        lead_authority=data.get("lead_authority"),
        request_language=data.get("request_language", "en"),
        sources=tuple(data.get("sources", ())),
        last_verified=data["last_verified"],
        upstream_slugs=tuple(upstream.get("slugs") or ()),
        upstream_commit=upstream.get("commit"),
        notes=tuple(data.get("notes", ())),
        kind=data.get("kind", "platform"),
        dpo_designated=bool(data.get("dpo_designated", True)),
        aliases=tuple(data.get("aliases", ())),
    )


@lru_cache(maxsize=1)
def load_controllers() -> dict[str, Controller]:
    """Every bundled controller, keyed by slug."""
    folder = resources.files("resources").joinpath("controllers")
    out: dict[str, Controller] = {}
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".json"):
            controller = _controller(json.loads(item.read_text(encoding="utf-8")))
            out[controller.slug] = controller
    return out


def _platform_key(platform: str) -> str:
    return platform.strip().lower().replace(" ", "_").replace("-", "_")


def _unknown_region(region: str) -> str:
    return _("unknown region {region}; expected one of {regions}").format(
        region=repr(region), regions=", ".join(REGIONS)
    )


def controller_for_platform(platform: str, region: str) -> Controller | None:
    """The controller behind an export adapter's ``platform`` name.

    ``region`` is validated here; read the entity with ``controller.entity(region)``.
    None for a platform no bundled controller claims.
    """
    if region not in REGIONS:
        raise UserMistake(_unknown_region(region))
    key = _platform_key(platform)
    for controller in load_controllers().values():
        if key in controller.platforms:
            return controller
    return None


def _authority(data: dict[str, Any]) -> Authority:
    return Authority(
        country=data["country"],
        slug=data["slug"],
        name=data["name"],
        address=tuple(data["address"]),
        email=data.get("email"),
        complaint_form=data.get("complaint_form"),
        web=data.get("web"),
        complaint_language=data.get("complaint_language"),
        comments=tuple(data.get("comments") or ()),
        region=data.get("region"),
        verified=data.get("verified"),
        names=tuple(sorted((data.get("names") or {}).items())),
        addresses=tuple(
            sorted((lang, tuple(lines)) for lang, lines in (data.get("addresses") or {}).items())
        ),
    )


@lru_cache(maxsize=1)
def load_authorities() -> dict[str, Authority]:
    """Supervisory authorities keyed by ISO 3166-1 alpha-2 country code ("GB" for the UK), and by
    ISO 3166-2 code for the German Land authorities ("DE-BE") and California ("US-CA")."""
    data = json.loads(_resource_text("authorities.json"))
    authorities = [_authority(a) for a in data["authorities"]]
    return {a.key: a for a in authorities}


def authority_for_country(cc: str) -> Authority:
    """The authority for a country (or "DE-BE"-style region) code; "UK" is accepted for "GB",
    "EL" for "GR"."""
    code = cc.strip().upper()
    code = {"UK": "GB", "EL": "GR"}.get(code, code)
    try:
        return load_authorities()[code]
    except KeyError:
        raise UserMistake(
            _("no supervisory authority is bundled for {code}").format(code=repr(cc))
        ) from None


def resolve_controller(name: str) -> Controller:
    """A controller by slug, platform or the name people type ("facebook", "twitter", "Clearview").

    ``UserMistake`` names the known slugs.
    """
    key = _platform_key(name)
    controllers = load_controllers()
    if name.strip().lower() in controllers:
        return controllers[name.strip().lower()]
    for controller in controllers.values():
        names = {*controller.platforms, *controller.aliases, _platform_key(controller.slug)}
        if key in names or key == _platform_key(controller.name.split(" (")[0]):
            return controller
    known = ", ".join(sorted(controllers))
    raise UserMistake(
        _("unknown controller {name}; known: {known} (or a platform such as facebook)").format(
            name=repr(name), known=known
        )
    )
