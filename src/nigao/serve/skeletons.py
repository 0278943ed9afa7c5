"""Skeletons as the page shows them side by side: for each section of the profile, the
candidates with their opening sentences, source, topic words and the facts they need."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from nigao.profile import ROLE_NAMES, empty
from nigao.skeletons import SHIPPED, SLOT_IN_TEXT, Library, Skeleton, profile_key, slot_label

if TYPE_CHECKING:
    from nigao.compose import Choice
    from nigao.profile import Profile

_BLOCK = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)
_SENTENCE = re.compile(r".*?[。！？；]|.+$")


def _shown(text: str, skeleton: Skeleton) -> str:
    """Jinja2 slots as 〔what they ask for〕, control tags removed."""
    text = _BLOCK.sub("", text)
    return SLOT_IN_TEXT.sub(lambda m: f"〔{slot_label(skeleton, m.group(1).split('|')[0].strip())}〕", text)


def _given(profile: Profile, slot: str) -> bool:
    key = profile_key(slot)
    if key.startswith("date"):
        return True
    return not empty(profile.value(key))


def card(skeleton: Skeleton, profile: Profile) -> dict[str, Any]:
    """One candidate: what a drafter needs to choose it."""
    opening = _shown(skeleton.opening, skeleton)
    sentences = _SENTENCE.findall(opening)
    slots = [
        {"slot": slot, "label": slot_label(skeleton, slot), "given": _given(profile, slot)}
        for slot in skeleton.used_slots
    ]
    return {
        "id": skeleton.id,
        "heading": _shown(skeleton.heading, skeleton),
        "opening": "".join(sentences[:2]),
        "origin": "内置" if skeleton.origin == SHIPPED else "我的模板",
        "source": skeleton.source,
        "title": skeleton.title,
        "topic": list(skeleton.topic),
        "kinds": skeleton.kinds,
        "default": skeleton.default,
        "chars": len(_shown(skeleton.body, skeleton)),
        "slots": slots,
        "needs": [s["label"] for s in slots if not s["given"]],
    }


def full(skeleton: Skeleton) -> dict[str, Any]:
    """The whole skeleton: its heading and body with slots shown, for reading or comparing."""
    return {
        "id": skeleton.id,
        "role": skeleton.role,
        "roleName": ROLE_NAMES.get(skeleton.role, skeleton.role),
        "heading": _shown(skeleton.heading, skeleton),
        "body": _shown(skeleton.body, skeleton).strip(),
        "source": skeleton.source,
        "title": skeleton.title,
        "topic": list(skeleton.topic),
        "slots": [{"slot": s, "label": slot_label(skeleton, s)} for s in skeleton.used_slots],
    }


def candidates(library: Library, profile: Profile, choices: list[Choice]) -> list[dict[str, Any]]:
    """Each profile section with the skeleton it was drafted with and its alternatives."""
    from nigao.compose import own_content

    out = []
    for choice in choices:
        role = choice.section.role
        found = library.for_role(role, profile.kind) or library.for_role(role)
        own = own_content(choice.section)
        out.append(
            {
                "path": choice.path,
                "role": role,
                "roleName": ROLE_NAMES.get(role, role),
                "current": choice.skeleton.id if choice.skeleton else None,
                "isDefault": choice.is_default,
                "own": own,
                "candidates": [card(s, profile) for s in found],
            }
        )
    return out
