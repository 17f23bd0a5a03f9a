"""Letter text assembled from the language tables: blocks for PDF, plain text for forms."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from exposure_audit.escaping import terminal_safe
from exposure_audit.i18n.formats import format_date
from exposure_audit.rights.controllers import Entity
from exposure_audit.rights.deadlines import due_date
from exposure_audit.rights.letters.places import postal_lines
from exposure_audit.rights.letters.request import (
    RIGHTS,
    AccountId,
    LetterRequest,
    accounts_for,
    objects_under_21_1,
)
from exposure_audit.rights.letters.residence import EU_EEA, in_california
from exposure_audit.vocabulary import (
    Channel,
    FollowUp,
    Jurisdiction,
    MissingItem,
    ReplyKind,
    video_moment,
)

TYPE_REF = {
    "access": "15",
    "erasure": "17",
    "restriction": "18",
    "objection": "21",
    "withdraw_consent": "7(3)",
}
REMINDER_DAYS = 14
# Articles whose numbered subdivisions are definitions ("points"), not paragraphs.
DEFINITION_ARTICLES = ("4",)
_CITE = re.compile(r"\[\[([^\]]+)\]\]")
_RECITAL = re.compile(r",?\s*\[\[R\d+\]\]")
_REF = re.compile(r"(\d+[A-Z]?)(?:\((\d+)\))?(?:\(([a-z])\))?")


@dataclass(frozen=True)
class Block:
    """One piece of a letter: kind is "p" (paragraph), "h" (heading), "li" (list item),
    "gap" (blank line), "annex" (one evidence row, cells separated by tabs) or "sig"."""

    kind: str
    text: str = ""


def table(language: str) -> dict[str, Any]:
    """The string table of one language."""
    module = importlib.import_module(f"resources.letters.{language}")
    text: dict[str, Any] = module.TEXT
    return text


def cite(text: dict[str, Any], law: str, ref: str) -> str:
    """Render a citation like "15(1)(a)", "4(14)" (a definition) or "R51" in the table's language."""
    style = text["cite"]
    if ref.startswith("R"):
        return f"{style['recital'].format(n=ref[1:])}{style['join']}{law}"
    match = _REF.fullmatch(ref)
    if match is None:
        raise ValueError(f"bad citation {ref!r}")
    number, par, point = match.groups()
    if number in DEFINITION_ARTICLES and par and not point:
        return style["definition"].format(n=number, p=par) + style["join_compound"] + law
    out = style["article"].format(n=number)
    if par:
        out += style["par"].format(p=par)
    if point:
        out += style["point"].format(x=point)
    return out + (style["join_compound"] if par else style["join"]) + law


def law_name(req: LetterRequest) -> str:
    return (
        "CCPA"
        if req.jurisdiction == Jurisdiction.CCPA
        else str(table(req.language)["law"][req.jurisdiction])
    )


def expand(req: LetterRequest, template: str, values: dict[str, str]) -> str:
    """Fill placeholders, then render [[citations]]. The UK GDPR has no recitals of its own."""
    text = table(req.language)
    filled = template.format_map(values)
    if req.jurisdiction == Jurisdiction.CCPA and _CITE.search(filled):
        # A GDPR article in a CCPA letter would cite a law that does not apply.
        raise ValueError(f"GDPR citation in a CCPA letter: {filled[:60]!r}")
    if req.jurisdiction == Jurisdiction.UK:
        filled = _RECITAL.sub("", filled)
    return _CITE.sub(lambda m: cite(text, law_name(req), m.group(1)), filled)


def count_of(language: str, count: int) -> str:
    """ "1 item" / "3 items" in the table's language."""
    forms = table(language)["items"]
    return str(forms["one" if count == 1 else "other"]).format(n=count)


def _authority_text(req: LetterRequest, text: dict[str, Any]) -> str:
    if req.jurisdiction == Jurisdiction.UK:
        return str(text["authority_uk"])
    if req.authority:
        return str(text["authority_named"].format(name=req.authority.name_in(req.language)))
    return str(text["authority_generic"])


def _day(req: LetterRequest, moment: date | None) -> str:
    """A date in a sentence, as the letter's language writes it ("4. Januar 2027")."""
    return format_date(moment, req.language) if moment else ""


def entity_name(req: LetterRequest, entity: Entity) -> str:
    """The entity's legal name; an operator with the service it runs, in the letter's language."""
    if entity.operates:
        return str(
            table(req.language)["operator_of"].format(entity=entity.name, service=entity.operates)
        )
    return entity.name


def entity_address(req: LetterRequest, entity: Entity) -> list[str]:
    """The lines under the entity's name: whom to write to, care of whom, the postal address."""
    text = table(req.language)
    lines = []
    if entity.attention:
        lines.append(str(text["attention"][entity.attention]).format(company=req.controller.name))
    if entity.representative:
        lines.append(str(text["care_of_representative"]).format(name=entity.representative))
    return lines + _localised(req, entity.address, entity.country)


def _localised(req: LetterRequest, lines: tuple[str, ...], country: str) -> list[str]:
    """Address lines with the country and an "Attn:" in the letter's language."""
    attn = str(table(req.language)["attn_line"])
    out = []
    for line in postal_lines(lines, country, req.language):
        head, sep, whom = line.partition("Attn: ")
        out.append(attn.format(whom=whom) if sep and not head else line)
    return out


def authority_address(req: LetterRequest) -> list[str]:
    if req.authority is None:
        return []
    return _localised(req, req.authority.address_in(req.language), req.authority.country)


def _values(req: LetterRequest) -> dict[str, str]:
    text = table(req.language)
    entity = req.controller.entity(req.entity_region)
    due = req.due or due_date(
        req.assumed_receipt or req.letter_date,
        req.jurisdiction,
        country=entity.country,
        types=req.original_types,
    )
    rights = [text["rights_names"][t] for t in RIGHTS if t in req.original_types]
    return {
        "law": law_name(req),
        "law_long": text["law_long"].get(req.jurisdiction, "CCPA"),
        "controller": entity_name(req, entity),
        "controller_block": ", ".join((entity_name(req, entity), *entity_address(req, entity))),
        "due": _day(req, due),
        "letter_date": _day(req, req.letter_date),
        "reference": req.reference,
        "authority": _authority_text(req, text),
        "count_items": count_of(req.language, len(req.evidence)),
        "remaining_items": count_of(req.language, len(req.remaining)),
        "original_date": _day(req, req.original_date),
        "original_due": _day(req, req.original_due),
        "reply_date": _day(req, req.reply_date),
        "reminder_date": _day(req, req.reminder_date),
        "reminder_deadline": _day(
            req, req.reminder_date + timedelta(days=REMINDER_DAYS) if req.reminder_date else None
        ),
        "controller_complaint_date": _day(req, req.controller_complaint_date),
        "later_export_date": _day(req, req.later_export_date),
        "later_platforms": "/".join(req.later_export_platforms) or "-",
        "assumed_receipt": _day(req, req.assumed_receipt),
        "reminder_due": _day(req, req.letter_date + timedelta(days=REMINDER_DAYS)),
        "rights": text["punct"]["semicolon"].join(rights),
        "name": req.identity.name,
        "situation": _sentence(req.situation),
        "territory": text["territory"]["UK" if req.jurisdiction == Jurisdiction.UK else "EU"],
    }


@dataclass(frozen=True)
class Context:
    """What every paragraph of one letter is written from, worked out once per letter."""

    req: LetterRequest
    text: dict[str, Any]  # the letter's texts in its language
    values: dict[str, str]  # what the texts' {placeholders} stand for


def context_of(req: LetterRequest) -> Context:
    return Context(req, table(req.language), _values(req))


def _sentence(words: str) -> str:
    """The person's own words as one sentence on one line."""
    text = terminal_safe(" ".join(words.split()))
    return text if not text or text[-1] in ".!?" else text + "."


def subject(req: LetterRequest) -> str:
    """The subject line, naming the articles (or CCPA sections) concerned."""
    return _subject(context_of(req))


def _subject(ctx: Context) -> str:
    req, text, values = ctx.req, ctx.text, ctx.values
    if req.jurisdiction == Jurisdiction.CCPA:
        parts = [text["ccpa"]["subject"][t] for t in _ordered(req.types)]
        return expand(req, text["punct"]["semicolon"].join(dict.fromkeys(parts)), values)
    if req.follow_up == FollowUp.COMPLAINT and req.authority is None:
        return expand(req, text["uk"]["controller_complaint_subject"], values)
    if req.follow_up == FollowUp.COMPLAINT and req.jurisdiction == Jurisdiction.UK:
        return expand(req, text["uk"]["complaint_subject"], values)
    if req.follow_up:
        return expand(req, text["subject_follow"][req.follow_up], values)
    parts = [f"{text['titles'][t]} ([[{TYPE_REF[t]}]])" for t in _ordered(req.types)]
    if not req.face_search and ("erasure" in req.types or "restriction" in req.types):
        parts.append("[[17(2)]], [[19]]" if "erasure" in req.types else "[[19]]")
    return expand(req, text["punct"]["semicolon"].join(parts), values)


def _ordered(types: frozenset[str]) -> list[str]:
    order = (*RIGHTS, *FollowUp)
    return [t for t in order if t in types]


def _header(ctx: Context) -> list[Block]:
    req = ctx.req
    ident = req.identity
    blocks = [Block("p", ident.name), *(Block("p", line) for line in ident.postal_address)]
    if ident.email:
        blocks.append(Block("p", ident.email))
    blocks.append(Block("gap"))
    if not req.to_controller and req.authority is not None:
        blocks += [Block("p", req.authority.name_in(req.language))]
        blocks += [Block("p", line) for line in authority_address(req)]
    else:
        entity = req.controller.entity(req.entity_region)
        blocks.append(Block("p", entity_name(req, entity)))
        if (
            req.controller.dpo_designated
            and req.jurisdiction != Jurisdiction.CCPA
            and not entity.attention
        ):
            blocks.append(Block("p", ctx.text["attn"]))
        blocks += [Block("p", line) for line in entity_address(req, entity)]
    return blocks


def _dated(ctx: Context) -> list[Block]:
    req = ctx.req
    text, values = ctx.text, ctx.values
    out = [Block("gap"), Block("p", text["date"].format_map(values))]
    if req.reference:
        out.append(Block("p", text["reference"].format_map(values)))
    out += [Block("gap"), Block("h", text["subject"].format(subject=_subject(ctx))), Block("gap")]
    return out


def _para(ctx: Context, template: str) -> Block:
    req = ctx.req
    return Block("p", expand(req, template, ctx.values))


def _items(ctx: Context, templates: list[str]) -> list[Block]:
    req = ctx.req
    return [Block("li", expand(req, t, ctx.values)) for t in templates]


def account_lines(req: LetterRequest, mark_exported: bool = False) -> list[str]:
    """ "Facebook – user id: 1000" lines for this controller's own platforms only, translated;
    with ``mark_exported``, the ids found in the person's export say so."""
    text = table(req.language)
    kinds: dict[str, str] = text["account_kinds"]
    lines = []
    for account in accounts_for(req.identity, req.controller):
        kind = kinds.get(account.kind.lower(), account.kind)
        line = f"{account.platform} – {kind}{text['punct']['colon']}{account.value}"
        if mark_exported and _exported(req, account):
            line += " " + text["from_export"]
        lines.append(terminal_safe(line))
    return lines


def _exported(req: LetterRequest, account: AccountId) -> bool:
    return (account.platform.lower().replace("-", "_"), account.value) in req.exported_ids


def _identification(ctx: Context) -> list[Block]:
    req = ctx.req
    text = ctx.text
    if req.face_search:
        key = "photo_enclosed" if req.reference_photo else "no_photo"
        photo = (
            text["ccpa"]["fs_" + key]
            if req.jurisdiction == Jurisdiction.CCPA
            else text["face_search"][key]
        )
        out = [_para(ctx, text["face_search"]["no_account"]), _para(ctx, photo)]
        if req.reference_photo and req.jurisdiction != Jurisdiction.CCPA:
            out.append(_para(ctx, text["face_search"]["no_id"]))  # data minimisation, Art. 12(6)
        return out
    accounts = accounts_for(req.identity, req.controller)
    # "Taken from the data export you provided" only when every detail listed came from it.
    all_exported = bool(accounts) and not req.identity.email
    all_exported = all_exported and all(_exported(req, a) for a in accounts)
    items = account_lines(req, mark_exported=not all_exported)
    if req.identity.email:
        items.append(f"{text['email_label']}{text['punct']['colon']}{req.identity.email}")
    if not items:
        return []
    ccpa = req.jurisdiction == Jurisdiction.CCPA
    source = text["ccpa"] if ccpa else text
    header = source["identification"] if all_exported else source["identification_plain"]
    out = [_para(ctx, header)]
    out += [Block("li", item) for item in items]
    out.append(_para(ctx, text["ccpa"]["verification"] if ccpa else text["identity_doubt"]))
    return out


def _access(ctx: Context) -> list[Block]:
    req = ctx.req
    access = ctx.text["access"]
    out = [_para(ctx, access["request"]), *_items(ctx, access["items"])]
    out += [_para(ctx, access["transfers"]), _para(ctx, access["copy"])]
    if req.channel != Channel.POST:
        out.append(_para(ctx, ctx.text["electronic_answer"]))
    return out


def _gdpr_rights(ctx: Context, types: frozenset[str]) -> list[Block]:
    req = ctx.req
    text = ctx.text
    out: list[Block] = _access(ctx) if "access" in types else []
    if types & {"access", "erasure", "objection"}:
        bio = text["biometric"]
        out += [_para(ctx, bio[0]), *_items(ctx, bio[1:])]
    if "withdraw_consent" in types:
        out.append(_para(ctx, text["withdraw_consent"]))
    if "objection" in types:
        # Direct marketing: Art. 21(2)-(3), absolute. Art. 21(1) only with the person's situation.
        out.append(_para(ctx, text["objection_marketing"]))
        if req.situation.strip():
            out.append(_para(ctx, text["objection_situation"]))
    out += _erasure(ctx, types)
    out += _restriction(ctx, types)
    if types & {"erasure", "restriction"}:
        out.append(_para(ctx, text["art19"]))
    return out


def objected(req: LetterRequest, types: frozenset[str]) -> bool:
    """An Art. 21(1) objection is on the table (``types`` are the letter's own)."""
    return objects_under_21_1(req)


def _restriction(ctx: Context, types: frozenset[str]) -> list[Block]:
    """Art. 18 only on grounds that apply: contested accuracy, unlawfulness, pending objection."""
    req = ctx.req
    text = ctx.text
    if "restriction" in types:
        grounds = set(req.restriction_grounds)
        if objected(req, types):
            grounds.add("d")
        if not grounds:
            return []
        chosen = [g for g in ("a", "b", "d") if g in grounds]
        return [
            _para(ctx, text["restriction"]),
            *_items(ctx, [text["restriction_grounds"][g] for g in chosen]),
            _para(ctx, text["restriction_store"]),
        ]
    if objected(req, types):
        return [_para(ctx, text["restriction_pending"])]
    return []


def _erasure(ctx: Context, types: frozenset[str]) -> list[Block]:
    req = ctx.req
    if "erasure" not in types:
        return []
    text = ctx.text
    grounds = [g for g in ("a", "b", "c", "d", "f") if g in req.erasure_grounds]
    # Whether this company makes templates of faces is not established: (d) stays conditional.
    lines = [text["grounds"]["d_conditional" if g == "d" else g] for g in grounds]
    lines = lines or [text["grounds"]["d_conditional"]]
    out = [_para(ctx, text["erasure"][0]), *_items(ctx, _end_list(lines))]
    if set(grounds) <= {"d"}:
        what = "erasure_what_templates"  # the only ground covers templates, not the photos
    else:
        what = "erasure_what" if req.evidence else "erasure_what_no_annex"
    out += [_para(ctx, text[key]) for key in (what, "erasure_no_exception", "art17_2")]
    if req.jurisdiction == Jurisdiction.UK:
        out.append(_para(ctx, text["uk"]["persuasive"]))
    return out


def _end_list(lines: list[str]) -> list[str]:
    """The items of one list, the last ending with a full stop, not a semicolon."""
    if not lines:
        return lines
    last = lines[-1].rstrip()
    if last.endswith(";"):
        last = last[:-1].rstrip() + "."
    return [*lines[:-1], last]


def _ccpa_rights(ctx: Context, types: frozenset[str]) -> list[Block]:
    ccpa = ctx.text["ccpa"]
    out: list[Block] = []
    if "access" in types:
        out += [_para(ctx, ccpa["access"]), _para(ctx, ccpa["beyond_12_months"])]
    if "erasure" in types:
        out.append(_para(ctx, ccpa["erasure"]))
    if types & {"restriction", "withdraw_consent", "objection"}:
        out.append(_para(ctx, ccpa["limit"]))
    if "objection" in types:
        out.append(_para(ctx, ccpa["optout"]))
    return out


def _evidence(ctx: Context) -> list[Block]:
    req = ctx.req
    if not req.evidence:
        return []
    text = ctx.text
    if req.jurisdiction == Jurisdiction.CCPA:
        return [_para(ctx, text["ccpa"]["evidence"])]
    if req.face_search:
        return [_para(ctx, text["face_search"]["evidence"])]
    return [_para(ctx, text["evidence"])]


def _closing(ctx: Context) -> list[Block]:
    req = ctx.req
    text, values = ctx.text, ctx.values
    out = [Block("gap"), Block("p", text["closing"]), Block("sig", req.identity.name)]
    enclosures = []
    if req.evidence:
        enclosures.append(text["enclosure_annex"].format_map(values))
    if req.reference_photo:
        enclosures.append(text["face_search"]["enclosure_photo"])
    if req.follow_up:
        enclosures.append(text["enclosure_original"].format_map(values))
    if req.follow_up == FollowUp.COMPLAINT:
        enclosures.append(text["enclosure_reply"])
    if enclosures:
        out += [Block("gap"), Block("p", text["enclosures"])]
        out += [Block("li", e) for e in enclosures]
    return out


def annex_cells(req: LetterRequest) -> list[tuple[str, ...]]:
    """The annex as rows of cells: the header, then one row per item (numbered)."""
    text = table(req.language)
    rows: list[tuple[str, ...]] = [("#", *text["annex_columns"])]
    for number, row in enumerate(req.evidence, 1):
        # no URL or id of its own: a dash, not the file name the next column gives anyway
        shown = row.url_or_id
        if not shown or shown in (row.location, row.location.rsplit("/", 1)[-1]):
            shown = "–"
        location = row.location
        if row.video_time is not None:
            moment = video_moment(row.video_time)
            location += f" ({text['annex_video_at'].format(time=moment)})"
        rows.append((str(number), row.platform, shown, location, row.date, row.sha256))
    return rows


def _annex(ctx: Context) -> list[Block]:
    req = ctx.req
    if not req.evidence:
        return []
    text = ctx.text
    out = [Block("gap"), Block("h", text["annex_heading"])]
    return out + [Block("annex", "\t".join(cells)) for cells in annex_cells(req)]


def _procedure(ctx: Context) -> list[Block]:
    req = ctx.req
    text = ctx.text
    source = text["ccpa"] if req.jurisdiction == Jurisdiction.CCPA else text
    out = [_para(ctx, source["procedure"])]
    if req.jurisdiction == Jurisdiction.UK:
        out.append(_para(ctx, text["uk"]["time_limit"]))
    if req.channel == Channel.POST and req.assumed_receipt is not None:
        out.append(_para(ctx, text["post_receipt"]))
    remedies = text["uk"]["remedies"] if req.jurisdiction == Jurisdiction.UK else source["remedies"]
    return [*out, _para(ctx, remedies)]


def _body_request(ctx: Context, types: frozenset[str]) -> list[Block]:
    """The substance of a first request."""
    req = ctx.req
    text = ctx.text
    if req.jurisdiction == Jurisdiction.CCPA:
        ccpa = text["ccpa"]
        # Only an address in California lets the letter say the sender lives there.
        intro = (
            ccpa["intro"] if in_california(req.identity.postal_address) else ccpa["intro_unstated"]
        )
        body = [_para(ctx, intro), *_identification(ctx), *_ccpa_rights(ctx, types)]
        return [*body, *_evidence(ctx), *_procedure(ctx)]
    if req.face_search:
        return _face_search_body(ctx, types)
    body = [_para(ctx, text["intro"]), *_identification(ctx), *_gdpr_rights(ctx, types)]
    return [*body, *_evidence(ctx), *_procedure(ctx)]


def _face_search_body(ctx: Context, types: frozenset[str]) -> list[Block]:
    """A face-search company: reach, representative, record, who searched, erase, never again."""
    req = ctx.req
    fs = ctx.text["face_search"]
    established = req.controller.entity(req.entity_region).country in EU_EEA
    reach = (
        fs["reach_established"]
        if established and req.jurisdiction == Jurisdiction.EU
        else fs["reach"]
    )
    out = [_para(ctx, fs["intro"]), _para(ctx, reach)]
    if not established:
        out.append(_para(ctx, fs["representative"]))
    out.append(_para(ctx, fs["record"]))
    out += _identification(ctx)
    out += _evidence(ctx)
    if "access" in types:
        out += [_para(ctx, fs["access"][0]), *_items(ctx, fs["access"][1:])]
        if req.channel != Channel.POST:
            out.append(_para(ctx, ctx.text["electronic_answer"]))
    if "erasure" in types:
        out.append(_para(ctx, fs["erasure"]))
        more = [g for g in ("a", "b", "f") if g in req.erasure_grounds]
        if more:
            grounds = ctx.text["grounds"]
            out.append(_para(ctx, ctx.text["fs_more_grounds"]))
            out += _items(ctx, _end_list([grounds[g] for g in more]))
        out.append(_para(ctx, ctx.text["erasure_no_exception"]))
    if "objection" in types or "erasure" in types:
        out.append(_para(ctx, fs["objection"]))
    if req.jurisdiction == Jurisdiction.UK:
        out.append(_para(ctx, ctx.text["uk"]["persuasive"]))
    return [*out, *_procedure(ctx)]


def _follow_up(ctx: Context) -> list[Block]:
    req = ctx.req
    text = ctx.text
    source = text["ccpa"] if req.jurisdiction == Jurisdiction.CCPA else text
    values = ctx.values
    if req.follow_up == FollowUp.REPLY:
        return _reply(ctx) + _evidence(ctx)
    if req.follow_up == FollowUp.REMINDER:
        out = [_para(ctx, p) for p in source["reminder"]]
        if req.jurisdiction == Jurisdiction.UK:
            out[-1] = _para(ctx, text["uk"]["reminder_last"])
        return out + _remaining(ctx) + _evidence(ctx)
    if req.authority is None:
        out = [_para(ctx, p) for p in text["uk"]["controller_complaint"]]
        return out + _remaining(ctx) + _evidence(ctx)
    paragraphs = list(source["complaint"])
    if req.jurisdiction == Jurisdiction.UK:
        # The right to complain to the ICO: s. 165 DPA 2018, whether or not the DUAA 2025 has
        # moved it out of Article 77 UK GDPR on the letter's date.
        paragraphs[0], paragraphs[3] = text["uk"]["complaint_first"], text["uk"]["complaint_ask"]
    # GDPR: the last paragraph says no court was seized, only when the person said so;
    # CCPA: it is what the Agency is asked to do.
    closing = paragraphs.pop()
    out = [_para(ctx, p) for p in paragraphs]
    if req.reminder_date is not None:
        passed = req.letter_date > req.reminder_date + timedelta(days=REMINDER_DAYS)
        out.append(
            _para(ctx, source["complaint_reminder" if passed else "complaint_reminder_pending"])
        )
    if req.controller_complaint_date is not None:
        out.append(_para(ctx, text["uk"]["complained_to_controller"]))
    out += _remaining(ctx)
    if req.jurisdiction == Jurisdiction.CCPA or req.no_court_case:
        out.append(_para(ctx, closing))
    ids = account_lines(req)
    if ids:
        out += [Block("p", expand(req, source["complaint_accounts"], values))]
        out += [Block("li", item) for item in ids]
    return out + _complaint_evidence(ctx)


def _reply(ctx: Context) -> list[Block]:
    """The answer to a reply that was not compliance: the rule it ignores, what is missing,
    and that the deadline of the request still stands (no new period)."""
    req = ctx.req
    text = ctx.text
    ccpa = req.jurisdiction == Jurisdiction.CCPA
    source = text["ccpa"]["reply"] if ccpa else text["reply"]
    # The reply's date only when the person gave it; nothing about its content beyond the kind.
    out = [_para(ctx, source["opening_dated" if req.reply_date else "opening"])]
    kind = ReplyKind(str(req.reply_kind))
    out += [_para(ctx, p) for p in source[kind.value]]
    if kind == ReplyKind.ID_DEMANDED:
        out += _reply_identity(ctx, source)
        if req.jurisdiction == Jurisdiction.UK:
            out.append(_para(ctx, text["uk"]["reply_pause"]))
    elif kind == ReplyKind.EXCESSIVE and req.first_request:
        out.append(_para(ctx, source["excessive_first"]))
        if "access" in req.original_types:
            out.append(_para(ctx, source["excessive_access"]))
    elif kind == ReplyKind.PARTIAL:
        wanted = [m for m in MissingItem if m in req.missing]
        out += _items(ctx, _end_list([source["missing"][m.value] for m in wanted]))
        out.append(_para(ctx, source["partial_ask"]))
    passed = req.original_due is not None and req.letter_date > req.original_due
    out.append(_para(ctx, source["deadline_passed" if passed else "deadline_open"]))
    if ccpa:
        remedies = text["ccpa"]["remedies"]
    else:
        remedies = (
            text["uk"]["remedies"] if req.jurisdiction == Jurisdiction.UK else text["remedies"]
        )
    return [*out, _para(ctx, remedies)]


def _reply_identity(ctx: Context, source: dict[str, Any]) -> list[Block]:
    """What identifies the person already: their face (face search), or the details the
    request gave; then what proportionate confirmation they offer instead of an ID copy."""
    req = ctx.req
    if req.face_search:
        return [_para(ctx, source["id_face"])]
    text = ctx.text
    items = account_lines(req)
    if req.identity.email:
        items.append(f"{text['email_label']}{text['punct']['colon']}{req.identity.email}")
    out = []
    if items:
        out += [_para(ctx, source["id_accounts"]), *(Block("li", item) for item in items)]
    return [*out, _para(ctx, source["id_offer"])]


def _complaint_evidence(ctx: Context) -> list[Block]:
    """To the authority: what the annex is, not the controller's instructions for using it."""
    req = ctx.req
    if not req.evidence:
        return []
    text = ctx.text
    source = text["ccpa"] if req.jurisdiction == Jurisdiction.CCPA else text
    return [_para(ctx, source["complaint_evidence"])]


def _remaining(ctx: Context) -> list[Block]:
    """What a later export still contained of the items the request asked to erase."""
    req = ctx.req
    if not req.remaining:
        return []
    text = ctx.text
    rows = [f"{r.platform} – {r.url_or_id} – {r.location} – {r.sha256}" for r in req.remaining]
    return [_para(ctx, text["remaining"]), *(Block("li", row) for row in rows)]


def blocks(req: LetterRequest) -> list[Block]:
    """The whole letter as blocks, annex last."""
    ctx = context_of(req)
    text = ctx.text
    body = _follow_up(ctx) if req.follow_up else _body_request(ctx, req.types)
    greeting = Block("p", text["salutation"])
    out = [*_header(ctx), *_dated(ctx), greeting, Block("gap"), *body, *_closing(ctx), *_annex(ctx)]
    _guard(out, req)
    return out


def _guard(out: list[Block], req: LetterRequest) -> None:
    """Refuse to emit the person's real face encodings, whatever field carried them in."""
    for block in out:
        if req.encoding_guard.leaks(block.text):
            raise ValueError("letter text contains a numeric vector; encodings must never leak")


def render_text(req: LetterRequest) -> str:
    """The letter as plain text, ready to paste into a web form or an email."""
    lines: list[str] = []
    for block in blocks(req):
        if block.kind == "gap":
            lines.append("")
        elif block.kind == "li":
            numbered = block.text[:1] == "(" or block.text[:1].isdigit()
            lines.append(f"  {block.text}" if numbered else f"  - {block.text}")
        elif block.kind == "annex":
            lines.append(" | ".join(block.text.split("\t")))
        elif block.kind == "p" and lines and lines[-1] != "" and len(block.text) > 80:
            lines += ["", block.text]
        else:
            lines.append(block.text)
    return "\n".join(lines).strip() + "\n"
