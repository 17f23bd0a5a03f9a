"""Letter text assembled from the language tables: blocks for PDF, plain text for forms."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from exposure_audit.rights.deadlines import due_date
from exposure_audit.rights.letters.request import RIGHTS, LetterRequest
from exposure_audit.vocabulary import FollowUp, Jurisdiction

TYPE_REF = {
    "access": "15",
    "erasure": "17",
    "restriction": "18",
    "objection": "21",
    "withdraw_consent": "7(3)",
}
REMINDER_DAYS = 14
_CITE = re.compile(r"\[\[([^\]]+)\]\]")
_REF = re.compile(r"(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?")
_VECTOR = re.compile(r"(?:[-+]?\d*\.\d+(?:e[-+]?\d+)?[\s,;\]\[]+){16,}", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    """One piece of a letter: kind is "p" (paragraph), "h" (heading), "li" (list item),
    "gap" (blank line), "annex" (evidence table) or "sig" (signature)."""

    kind: str
    text: str = ""


def table(language: str) -> dict[str, Any]:
    """The string table of one language."""
    module = importlib.import_module(f"resources.letters.{language}")
    text: dict[str, Any] = module.TEXT
    return text


def cite(text: dict[str, Any], law: str, ref: str) -> str:
    """Render a citation like "15(1)(a)" or "R51" in the table's language."""
    style = text["cite"]
    if ref.startswith("R"):
        return f"{style['recital'].format(n=ref[1:])}{style['join']}{law}"
    match = _REF.fullmatch(ref)
    if match is None:
        raise ValueError(f"bad citation {ref!r}")
    number, par, point = match.groups()
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
    """Fill placeholders, then render [[citations]]."""
    text = table(req.language)
    filled = template.format_map(values)
    return _CITE.sub(lambda m: cite(text, law_name(req), m.group(1)), filled)


def _values(req: LetterRequest) -> dict[str, str]:
    text = table(req.language)
    due = req.due or due_date(req.letter_date, req.jurisdiction)
    entity = req.controller.entity(req.entity_region)
    authority = (
        text["authority_named"].format(name=req.authority.name)
        if req.authority
        else text["authority_generic"]
    )
    rights = [text["rights_names"][t] for t in RIGHTS if t in req.original_types]
    return {
        "law": law_name(req),
        "law_long": text["law_long"].get(req.jurisdiction, "CCPA"),
        "controller": entity.name,
        "controller_block": ", ".join((entity.name, *entity.address)),
        "due": due.isoformat(),
        "letter_date": req.letter_date.isoformat(),
        "reference": req.reference,
        "authority": authority,
        "count": str(len(req.evidence)),
        "original_date": req.original_date.isoformat() if req.original_date else "",
        "original_due": req.original_due.isoformat() if req.original_due else "",
        "reminder_due": (req.letter_date + timedelta(days=REMINDER_DAYS)).isoformat(),
        "rights": "; ".join(rights),
        "name": req.identity.name,
    }


def subject(req: LetterRequest) -> str:
    """The subject line, naming the articles (or CCPA sections) concerned."""
    text, values = table(req.language), _values(req)
    if req.jurisdiction == Jurisdiction.CCPA:
        parts = [text["ccpa"]["subject"][t] for t in _ordered(req.types)]
        return expand(req, "; ".join(dict.fromkeys(parts)), values)
    if req.follow_up:
        return expand(req, text["subject_follow"][req.follow_up], values)
    parts = [f"{text['titles'][t]} ([[{TYPE_REF[t]}]])" for t in _ordered(req.types)]
    if "erasure" in req.types or "restriction" in req.types:
        parts.append("[[17(2)]], [[19]]" if "erasure" in req.types else "[[19]]")
    return expand(req, "; ".join(parts), values)


def _ordered(types: frozenset[str]) -> list[str]:
    order = (*RIGHTS, *FollowUp)
    return [t for t in order if t in types]


def _header(req: LetterRequest) -> list[Block]:
    ident = req.identity
    blocks = [Block("p", ident.name), *(Block("p", line) for line in ident.postal_address)]
    if ident.email:
        blocks.append(Block("p", ident.email))
    blocks.append(Block("gap"))
    if req.follow_up == FollowUp.COMPLAINT and req.authority is not None:
        blocks += [Block("p", req.authority.name)]
        blocks += [Block("p", line) for line in req.authority.address]
    else:
        entity = req.controller.entity(req.entity_region)
        blocks += [Block("p", entity.name), Block("p", table(req.language)["attn"])]
        blocks += [Block("p", line) for line in entity.address]
    return blocks


def _dated(req: LetterRequest) -> list[Block]:
    text, values = table(req.language), _values(req)
    out = [Block("gap"), Block("p", text["date"].format_map(values))]
    if req.reference:
        out.append(Block("p", text["reference"].format_map(values)))
    out += [Block("gap"), Block("h", text["subject"].format(subject=subject(req))), Block("gap")]
    return out


def _para(req: LetterRequest, template: str) -> Block:
    return Block("p", expand(req, template, _values(req)))


def _identification(req: LetterRequest) -> list[Block]:
    text = table(req.language)
    ident = req.identity
    items = [f"{key}: {value}" for key, value in ident.account_ids.items()]
    if ident.email:
        items.append(f"E-mail: {ident.email}")
    out = [_para(req, text["identification"])]
    out += [Block("li", item) for item in items]
    if req.jurisdiction != Jurisdiction.CCPA:
        out.append(_para(req, text["identity_doubt"]))
    return out


def _gdpr_rights(req: LetterRequest, types: frozenset[str]) -> list[Block]:
    text = table(req.language)
    out: list[Block] = []
    if "access" in types:
        access = text["access"]
        out += [_para(req, access[0])] + [
            Block("li", expand(req, a, _values(req))) for a in access[1:9]
        ]
        out += [_para(req, a) for a in access[9:]]
    if types & {"access", "erasure", "objection"}:
        bio = text["biometric"]
        out += [_para(req, bio[0])] + [Block("li", expand(req, b, _values(req))) for b in bio[1:]]
    if "withdraw_consent" in types:
        out.append(_para(req, text["withdraw_consent"]))
    if "objection" in types:
        out.append(_para(req, text["objection"]))
    out += _erasure(req, types)
    if "restriction" in types:
        out.append(_para(req, text["restriction"]))
    elif types & {"erasure", "objection"}:
        out.append(_para(req, text["restriction_pending"]))
    if types & {"erasure", "restriction"}:
        out.append(_para(req, text["art19"]))
    return out


def _erasure(req: LetterRequest, types: frozenset[str]) -> list[Block]:
    if "erasure" not in types:
        return []
    text = table(req.language)
    grounds = [g for g in ("a", "b", "c", "d", "f") if g in req.erasure_grounds] or ["d"]
    out = [_para(req, text["erasure"][0])]
    out += [Block("li", expand(req, text["grounds"][g], _values(req))) for g in grounds]
    out += [_para(req, text[key]) for key in ("erasure_what", "erasure_no_exception", "art17_2")]
    return out


def _ccpa_rights(req: LetterRequest, types: frozenset[str]) -> list[Block]:
    ccpa = table(req.language)["ccpa"]
    out: list[Block] = []
    if "access" in types:
        out.append(_para(req, ccpa["access"]))
    if "erasure" in types:
        out.append(_para(req, ccpa["erasure"]))
    if types & {"restriction", "withdraw_consent", "objection"}:
        out.append(_para(req, ccpa["limit"]))
    if "objection" in types:
        out.append(_para(req, ccpa["optout"]))
    return out


def _evidence(req: LetterRequest) -> list[Block]:
    if not req.evidence:
        return []
    return [_para(req, table(req.language)["evidence"])]


def _closing(req: LetterRequest) -> list[Block]:
    text, values = table(req.language), _values(req)
    out = [Block("gap"), Block("p", text["closing"]), Block("sig", req.identity.name)]
    enclosures = []
    if req.evidence:
        enclosures.append(text["enclosure_annex"].format_map(values))
    if req.follow_up:
        enclosures.append(text["enclosure_original"].format_map(values))
    if req.follow_up == FollowUp.COMPLAINT:
        enclosures.append(text["enclosure_reply"])
    if enclosures:
        out += [Block("gap"), Block("p", text["enclosures"])]
        out += [Block("li", e) for e in enclosures]
    return out


def _annex(req: LetterRequest) -> list[Block]:
    if not req.evidence:
        return []
    text = table(req.language)
    out = [
        Block("gap"),
        Block("h", text["annex_heading"]),
        Block("p", " | ".join(text["annex_columns"])),
    ]
    for number, row in enumerate(req.evidence, 1):
        cells = (row.platform, row.url_or_id, row.location, row.date, row.sha256)
        out.append(Block("annex", f"{number}. " + " | ".join(cells)))
    return out


def _body_request(req: LetterRequest, types: frozenset[str]) -> list[Block]:
    """The substance of a first request (also repeated inside a reminder)."""
    text = table(req.language)
    if req.jurisdiction == Jurisdiction.CCPA:
        ccpa = text["ccpa"]
        body = [_para(req, ccpa["intro"]), *_identification(req), *_ccpa_rights(req, types)]
        return [*body, *_evidence(req), _para(req, ccpa["procedure"]), _para(req, ccpa["remedies"])]
    body = [_para(req, text["intro"]), *_identification(req), *_gdpr_rights(req, types)]
    return [*body, *_evidence(req), _para(req, text["procedure"]), _para(req, text["remedies"])]


def _follow_up(req: LetterRequest) -> list[Block]:
    text = table(req.language)
    source = text["ccpa"] if req.jurisdiction == Jurisdiction.CCPA else text
    paragraphs = [_para(req, p) for p in source[req.follow_up or FollowUp.REMINDER]]
    if req.follow_up == FollowUp.REMINDER and req.original_types:
        original = LetterRequest(**{**_fields(req), "types": req.original_types})
        paragraphs += [Block("gap"), *_body_request(original, req.original_types)]
    elif req.follow_up == FollowUp.COMPLAINT:
        ids = [f"{key}: {value}" for key, value in req.identity.account_ids.items()]
        paragraphs += [Block("li", item) for item in ids] + _evidence(req)
    return paragraphs


def _fields(req: LetterRequest) -> dict[str, Any]:
    return {name: getattr(req, name) for name in req.__dataclass_fields__}


def blocks(req: LetterRequest) -> list[Block]:
    """The whole letter as blocks, annex last."""
    text = table(req.language)
    body = _follow_up(req) if req.follow_up else _body_request(req, req.types)
    greeting = Block("p", text["salutation"])
    out = [*_header(req), *_dated(req), greeting, Block("gap"), *body, *_closing(req), *_annex(req)]
    _guard(out)
    return out


def _guard(out: list[Block]) -> None:
    """Refuse to emit anything that looks like a numeric vector (a face encoding)."""
    for block in out:
        if _VECTOR.search(block.text):
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
        elif block.kind == "p" and lines and lines[-1] != "" and len(block.text) > 80:
            lines += ["", block.text]
        else:
            lines.append(block.text)
    return "\n".join(lines).strip() + "\n"
