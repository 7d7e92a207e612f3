"""Speakers on the dependency parse: the phrase a token heads, the subject of a reporting verb
(however far from it: relative clauses, raised and inherited subjects, appositions, gerunds),
passive agents, parenthetical and lead scopes, and titles fronted before a name
(``S-fronted-title``)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from claims.phrases import Phrase
from claims.speakers import SpeakerRule
from claims.vocabulary import alternation, vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claims.frames.parsed import _Work


_CORE_DEPS = frozenset({"det", "compound", "amod", "poss", "nummod", "nmod", "case", "quantmod"})
_SOURCE_VERBS = frozenset({"quote", "cite"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "it"})


# ---------------------------------------------------------------- phrases from the parse


def _span(tok: Token) -> tuple[int, int]:
    """The characters of ``tok``'s subtree (a blanked dateline's whitespace left out)."""
    left, right = tok.left_edge, tok.right_edge
    doc = tok.doc
    i = left.i
    while i < right.i and doc[i].is_space:
        i += 1
    return doc[i].idx, right.idx + len(right.text)


def _gerund_owner(tok: Token) -> Token | None:
    """ "Forces putting up a resistance … have said": the parser makes the gerund the verb's
    clausal subject and "Forces" its subject; the noun is the speaker, the rest describes it."""
    if tok.dep_ != "csubj" or not tok.lower_.endswith("ing"):
        return None
    return next((c for c in tok.lefts if c.dep_ == "nsubj"), None)


def _phrase(tok: Token, text: str) -> Phrase:
    """The parts of the noun phrase headed by ``tok``."""
    owner = _gerund_owner(tok)
    if owner is not None:
        inner = _phrase(owner, text)
        end = _span(tok)[1]
        relatives = (*inner.relatives, (tok.idx, end))
        return replace(inner, end=end, relatives=relatives)
    start, end = _span(tok)
    core_tokens = [tok]
    complements, appositions, relatives = [], [], []
    age = False
    for child in tok.children:
        if child.dep_ in _CORE_DEPS:
            core_tokens.extend(child.subtree)
        elif child.dep_ == "prep":
            complements.append(_span(child))
        elif child.dep_ == "appos":
            appositions.append(_span(child))
            # "Mahad, 41,": an age; not "X, one of the Taliban commanders,"
            age = age or (child.like_num and not any(c.dep_ == "prep" for c in child.children))
        elif child.dep_ in ("relcl", "acl"):
            relatives.append(_span(child))
        elif child.dep_ == "conj":
            core_tokens.extend(t for t in child.subtree if t.i < tok.i)
            if (tok.i > 0 and tok.doc[tok.i - 1].lower_ == "both") or any(
                c.lower_ == "both" for c in tok.children
            ):  # "Both the rebels and the extremist group say": the two sides together
                core_tokens.extend(child.subtree)
        elif child.dep_ == "npadvmod" and child.like_num:
            age = True
    core_start = min(t.idx for t in core_tokens)
    core_end = max(t.idx + len(t.text) for t in core_tokens)
    low = tok.lower_
    plural = (low.endswith("s") and not low.endswith("ss")) or any(
        c.dep_ == "conj" for c in tok.children
    )
    return Phrase(
        start, end, (core_start, core_end), low, tuple(complements), tuple(appositions),
        tuple(relatives), plural, age, context=text[:start],
    )  # fmt: skip


def _clip(phrase: Phrase, speaker: Token, cue: Token) -> Phrase:
    """A speaker phrase ends at its verb ("the Taliban said …" never covers what is said,
    whatever the parse attached to the subject)."""
    if speaker.i == cue.i:
        return phrase
    if speaker.i < cue.i:
        lo, hi = phrase.start, min(phrase.end, cue.idx)
    else:
        lo, hi = max(phrase.start, cue.idx + len(cue.text)), phrase.end

    def keep(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        return tuple(sp for sp in spans if lo <= sp[0] and sp[1] <= hi)

    core = (max(lo, phrase.core[0]), min(hi, phrase.core[1]))
    return replace(
        phrase, start=lo, end=hi, core=core, complements=keep(phrase.complements),
        appositions=keep(phrase.appositions), relatives=keep(phrase.relatives),
    )  # fmt: skip


def _clip_end(phrase: Phrase, end: int) -> Phrase:
    def keep(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        return tuple(sp for sp in spans if sp[1] <= end)

    return replace(
        phrase, end=min(phrase.end, end), core=(phrase.core[0], min(phrase.core[1], end)),
        complements=keep(phrase.complements), appositions=keep(phrase.appositions),
        relatives=keep(phrase.relatives),
    )  # fmt: skip


def _without_relative(phrase: Phrase, cue: Token) -> Phrase:
    """For "the Taliban, who claimed …" the speaker phrase ends before the relative clause."""
    cut = min((s for s, _ in phrase.relatives if s <= cue.idx), default=phrase.end)
    relatives = tuple(r for r in phrase.relatives if r[0] > cue.idx)
    return replace(phrase, end=max(phrase.core[1], cut), relatives=relatives)


# ---------------------------------------------------------------- subjects and scopes


_GO_ON = frozenset({"went", "go", "goes", "going", "gone", "proceeded", "continued", "continues"})


def _subjects_of(tok: Token, wanted: tuple[str, ...]) -> list[Token]:
    """The verb's subjects; in "The front has, however, said …" the parser hangs the subject
    on the auxiliary."""
    subjects = [c for c in tok.children if c.dep_ in wanted]
    if subjects:
        return subjects
    return [
        c for a in tok.children if a.dep_ == "aux" and a.i < tok.i
        for c in a.children if c.dep_ in wanted
    ]  # fmt: skip


def _bare_loss(subject: Token) -> bool:
    """A subject that is an event or a loss with no determiner ("casualties reported",
    "heavy fighting reported"): no one speaks."""
    if subject.lower_ not in vocabulary().losses:
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") for c in subject.children)


def _direct_subject(tok: Token, child: Token) -> tuple[Token | None, str]:
    if child.lower_ in vocabulary().relative_pronouns and tok.dep_ == "relcl":
        return tok.head, SpeakerRule.RELATIVE
    if _bare_loss(child):
        return None, ""  # "Clashes resume in X; casualties reported": a headline's passive
    return _titled_name(child), SpeakerRule.SUBJECT


def _subject(tok: Token, seen: int = 0, passive: bool = False) -> tuple[Token | None, str]:
    """The subject of a reporting verb and the rule that found it."""
    wanted = ("nsubj", "csubj", "nsubjpass") if passive else ("nsubj", "csubj")
    subjects = _nearest_subject(tok, _subjects_of(tok, wanted))
    if subjects and _gerund_opening(subjects[0]):
        # "Rejecting the claims of A, the spokesman, Z, said …" parsed with the participle as
        # the subject: the speaker is the apposition that ends before the verb
        apposed = _subject_as_apposition(tok)
        if apposed is not None:
            return apposed
    if subjects:
        return _direct_subject(tok, subjects[0])
    if seen > 4:
        return None, ""
    repaired = _repaired_subject(tok, seen)
    if repaired is not None:
        return repaired
    participle = tok.dep_ in ("advcl", "xcomp", "pcomp") and tok.lower_.endswith("ing")
    if tok.dep_ == "conj" or participle:
        for ancestor in tok.ancestors:
            if ancestor.lower_ in vocabulary().reporting:
                quoted = _quoted_as(ancestor, tok) if participle else None
                if quoted is not None:
                    return quoted, SpeakerRule.SOURCE  # "cited X as saying": X speaks
                found, _ = _subject(ancestor, seen + 1, passive=participle)
                if found is not None:
                    return found, SpeakerRule.INHERITED
        if participle and any(
            c.lower_ == "according" for a in (tok.head, *tok.head.ancestors) for c in a.children
        ):
            return None, ""  # "According to a report, the Taliban shot 27, contradicting …"
        return _head_subject(tok, seen)
    return None, ""


def _nearest_subject(tok: Token, subjects: list[Token]) -> list[Token]:
    """ "Former minister and current NRF member K. said" parsed with two subjects: the one
    next to the verb heads the phrase."""
    if len(subjects) <= 1:
        return subjects
    before = [c for c in subjects if c.i < tok.i]
    return [max(before, key=lambda c: c.i)] if before else subjects[:1]


def _quoted_object(verb: Token) -> Token | None:
    """The object of a quoting verb ("quoting X", "citing X"): the source it relays."""
    found = vocabulary().reporting.get(verb.lower_)
    if found is None or found[0] not in _SOURCE_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose"})


def said_clause_start(source: Token) -> int | None:
    """ "cited Taliban sources that Panjshir had fallen": the parser hangs the clause the
    sources are cited for on them as a relative clause; one with a subject of its own (not
    the relative pronoun) is what they say, and the source's phrase ends before it."""
    for child in source.children:
        if child.dep_ != "relcl" or child.i < source.i:
            continue
        subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and all(c.lower_ not in _RELATIVE_WORDS for c in subjects):
            first = min(t.i for t in child.subtree)
            return source.doc[first].idx
    return None


def _relayed_source(subject: Token) -> Token | None:
    """ "Reports quoting Taliban sources have claimed …", "a broadcast citing the front said
    …": the source the subject quotes speaks (the subject only relays it)."""
    quoted = (_quoted_object(c) for c in subject.children if c.dep_ == "acl")
    return next((q for q in quoted if q is not None), None)


def _head_subject(tok: Token, seen: int) -> tuple[Token | None, str]:
    """The subject of the verb ``tok`` hangs on ("people could be heard saying"), unless it
    names an event ("the gunfight is going on … and added": no event speaks)."""
    found, _ = _subject(tok.head, seen + 1, passive=True)
    if found is not None and found.lower_ in vocabulary().events:
        return None, ""
    return found, SpeakerRule.INHERITED


def _quoted_as(verb: Token, participle: Token) -> Token | None:
    """ "The outlet cited (quoted) X as saying …": the object X, when the participle hangs
    on the source verb's "as"."""
    if vocabulary().reporting[verb.lower_][0] not in _SOURCE_VERBS:
        return None
    if participle.head is not verb and participle.head.lower_ != "as":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return _author_of(verb, obj) or obj


def _author_of(verb: Token, document: Token | None) -> Token | None:
    """ "quoted a tweet by X as saying": X wrote what is quoted, though the parser hung "by X"
    on the verb."""
    if document is None or document.lower_.rstrip("s") not in vocabulary().documents:
        return None
    by = next((c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
               and c.i == document.right_edge.i + 1), None)  # fmt: skip
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _titled_name(subject: Token) -> Token:
    """ "Former army general and resistance commander A. W. said": two titles of one person
    parsed as a coordination whose first member is a bare role noun; the person is the named
    member (with its own title), not "Former army general"."""
    if subject.text[:1].isupper() and subject.i > subject.left_edge.i:
        return subject
    if subject.lower_.endswith("s") or any(c.dep_ in ("det", "poss") for c in subject.children):
        return subject
    for c in subject.children:
        if (
            c.dep_ == "conj"
            and c.text[:1].isupper()
            and any(t.dep_ == "compound" and t.text[:1].islower() for t in c.subtree)
        ):
            return c
    return subject


def _repaired_subject(tok: Token, seen: int) -> tuple[Token | None, str] | None:
    """Subjects the verb's own children do not give: a relative clause's antecedent, a
    raised subject, "He went on to claim that …" (the
    aspect verb's subject), and "Karim Jan, a resistance spokesman, accused via Twitter …"
    parsed as a noun with a participle (in a sentence with no verb of its own, that verb is the
    main one)."""
    head = tok.head
    if tok.dep_ == "relcl":
        return head, SpeakerRule.RELATIVE
    if tok.dep_ == "xcomp" and _passive(head):
        # "The NRF was reported to have said that …": the raised subject speaks
        raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if raised is not None:
            return raised, SpeakerRule.SUBJECT
    if tok.dep_ in ("advcl", "xcomp") and head.lower_ in _GO_ON and head is not tok:
        return _subject(head, seen + 1)
    if (
        tok.dep_ == "acl"
        and tok.i > 0
        and tok.doc[tok.i - 1].text == ","
        and not tok.lower_.endswith("ing")
        and (head.dep_ == "ROOT" or _says_a_clause(tok) or _after_apposition(tok))
    ):
        # "X's spokesman, A. B., tweeted that …, reports Y": the parser took the verb for a
        # participle of the noun (a passive one has no clause of its own)
        return head, SpeakerRule.SUBJECT
    return _subject_as_apposition(tok)


def _after_apposition(tok: Token) -> bool:
    """ "The front's spokesman, A. B., tweeted …": the verb follows the noun's apposition set
    off by commas, where a participle of the noun cannot stand."""
    if tok.i < 3 or "agent" in {c.dep_ for c in tok.children}:
        return False
    before = tok.doc[tok.i - 2]
    return any(a.dep_ == "appos" and before in a.subtree for a in tok.head.children)


def _says_a_clause(tok: Token) -> bool:
    """The verb has a clause of its own ("… tweeted that …") and no agent ("… posted by X")."""
    deps = {c.dep_ for c in tok.children}
    return "ccomp" in deps and "agent" not in deps


def _subject_as_apposition(tok: Token) -> tuple[Token, str] | None:
    """A subjectless main reporting verb whose speaker the parser hung on a noun before it as
    an apposition: "According to reports by X, the spokesman for Y Z shared that …" (X only
    relays) and the tail "…, where Y holds out, Z, the spokesman of Y, said." (Z an apposition
    of the place). The outermost apposition that ends right before the verb (or its comma)
    speaks."""
    if tok.i == 0 or tok.dep_ != "ROOT":
        return None
    prev = tok.doc[tok.i - 1]
    tail = prev.text == ","
    if tail:
        rest = [t for t in tok.doc[tok.i + 1 : tok.sent.end] if not t.is_punct]
        if tok.i < 2 or (len(rest) > 3 and not _fronted_participle(tok)):
            return None  # only a closing "…, Z said (on Monday)." or "Countering …, Z, said …"
        prev = tok.doc[tok.i - 2]
    chain = [a for a in (prev, *prev.ancestors) if a.dep_ == "appos" and a.i < tok.i]
    found = [a for a in chain if a.right_edge.i == prev.i]
    if not found:
        return None
    if not tail and not any(a.lower_ == "according" for a in found[-1].ancestors):
        return None
    return found[-1], SpeakerRule.SUBJECT


def _fronted_participle(tok: Token) -> bool:
    """ "Countering the claims of A, the Taliban spokesman, Z, said …": a participle clause
    opens the sentence, and the speaker after it is read as part of its object."""
    return any(
        c.dep_ in ("advcl", "csubj") and c.i < tok.i and _gerund_opening(c) for c in tok.children
    )


def _gerund_opening(tok: Token) -> bool:
    """An -ing verb that opens its sentence ("Rejecting the claims …, Z said")."""
    return tok.i == tok.sent.start and tok.lower_.endswith("ing") and len(tok.text) > 5


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _as_by(tok: Token) -> bool:
    """ "…, as reported by X": the clause of "as" with its agent credits X."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children) and any(
        c.dep_ == "agent" for c in tok.children
    )  # not "even as the front claimed …"


def _agent(tok: Token) -> Token | None:
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if agent is None:
        return None
    return next((c for c in agent.children if c.dep_ == "pobj"), None)


def _between_commas(tok: Token) -> bool:
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    before = doc[left - 1].text if left > 0 else ""
    after = doc[right + 1].text if right + 1 < len(doc) else ""
    return before == "," and after in (",", ".")


def _parenthetical(tok: Token) -> bool:
    """ "…, the Taliban said, …" speaks for the clause around it; not "…, as the group
    claimed that it had taken the area" (a clause of its own content)."""
    if tok.dep_ == "parataxis":
        return True
    if tok.dep_ != "advcl" or not _between_commas(tok):
        return False
    marked = any(c.dep_ == "mark" and c.lower_ in _OWN_CLAUSE_MARKS for c in tok.children)
    has_content = any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
    return not (marked and has_content)


_OWN_CLAUSE_MARKS = frozenset({"as", "while", "whereas", "although", "though"})


def _scope_of(tok: Token) -> tuple[int, int]:
    return _span(tok.head if _parenthetical(tok) else tok)


def _lead_scope(work: _Work, speaker: Token, cue: Token, scope: tuple[int, int]) -> tuple[int, int]:
    """A statement that opens with "X says/said …" is X's to the end of that sentence."""
    first = speaker.left_edge
    opening = work.doc[: first.i]
    if any(t.dep_ not in ("prep", "pobj", "advmod", "punct", "npadvmod", "det", "amod", "cc")
           for t in opening):  # fmt: skip
        return scope
    if cue.i - speaker.right_edge.i > 4:
        return scope
    return (min(scope[0], first.idx), max(scope[1], cue.sent.end_char))


def _act(tok: Token) -> bool:
    """ "rejected the offer of talks": a rejection of a proposal is an act, not an attribution."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    has_clause = any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
    return bool(objects) and not has_clause and objects[0].lower_ in vocabulary().act_objects


@cache
def _title_before() -> re.Pattern[str]:
    """A role and whom it speaks for, fronted before a name at the sentence's start and set
    off by a comma: "Spokesman for the front, A. B. said" (the parser takes the role for a
    subject of its own; it is the name's apposition)."""
    roles = alternation(vocabulary().roles)
    return re.compile(
        rf"(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:{roles})\s+(?:of|for|to)\s+"
        r"[^,.;:\"“”]{2,80}?,\s*$"
        # "One of the Taliban commanders, A. B. said"
        rf"|one\s+of\s+(?:the|its|their|his)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{roles}),\s*$",
        re.IGNORECASE,
    )


def _stacked_title(speaker: Token) -> Token | None:
    """ "Deputy head of the group's media office Q. J. said": the parser gives the verb two
    subjects, the title and the name right after it; the title is the name's."""
    if speaker.dep_ != "nsubj":
        return None
    title = next(
        (c for c in speaker.head.children
         if c.dep_ == "nsubj" and c.i < speaker.i and c.right_edge.i + 1 == speaker.left_edge.i),
        None,
    )  # fmt: skip
    if title is None or title.lower_ not in vocabulary().roles:
        return None
    return title


def _fronted_title(text: str, phrase: Phrase, speaker: Token) -> Phrase:
    """The phrase of a named speaker with a fronted title ("Spokesman for X, Name said")
    widened over that title, given as its apposition (``S-fronted-title``)."""
    if not speaker.text[:1].isupper() or speaker.lower_ in _PRONOUNS:
        return phrase
    stacked = _stacked_title(speaker)
    if stacked is not None:
        start, end = _span(stacked)
        return replace(phrase, start=start, appositions=((start, end), *phrase.appositions),
                       context=text[:start])  # fmt: skip
    sent = speaker.sent.start_char
    comma = text.rfind(",", sent, phrase.start)
    if comma < 0 or text[comma + 1 : phrase.start].strip():
        return phrase  # no comma right before the name
    start = text.rfind(",", sent, comma) + 1 or sent  # after a fronted clause's comma, if any
    while start < comma and text[start].isspace():
        start += 1
    if comma - start > 100:
        return phrase
    if _title_before().fullmatch(text, start, phrase.start) is None:
        return phrase
    return replace(phrase, start=start, appositions=((start, comma), *phrase.appositions),
                   context=text[:start])  # fmt: skip
