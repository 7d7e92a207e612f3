"""Attribution frames: who is credited with which part of a statement.

Frames come from the dependency parse of statements with a reporting cue
(:mod:`claims.grammar`) and from a few layouts that need no parse. Rule ids (in
``Claim.rule``):

========================  ====================================================================
``S-subject``             the subject of a reporting verb, however far it is from the verb
                          ("A representative of the resistance, an alliance of …, told …")
``S-lead``                a statement that opens with its speaker and verb ("Resistance says
                          700 killed, 600 captured"): the whole sentence is the speaker's
``S-inherited``           a coordinated or participle reporting verb without a subject of its
                          own takes its head's ("held a news conference and said …", "…,
                          adding …")
``S-relative``            a relative clause's verb speaks for the noun it describes ("the
                          Taliban, who claimed …")
``S-agent``               a passive reporting verb speaks for its agent ("was confirmed by X");
                          without one ("is said to", "were reported") nobody is credited
``S-light-verb``          "X made the statement", "X gave the figure", "The account was given
                          by X", "The statement was sent to reporters" (the latest speaker)
``S-according``           "according to X" credits X with the clause it is attached to; a
                          reporting verb in the same clause is the more direct source
``S-source``              "quoting X", "citing X", "X quoted sources in the group that …",
                          "reported by TASS with reference to X": the quoted source, inside the
                          reporter's frame
``S-parenthetical``       "The fighting, the NRF said, lasted …": an inserted reporting clause
                          covers the clause around it
``S-rumour``              "there are unconfirmed reports (that) …", "rumours that …": the reports
                          themselves speak, unless a speaker frames them
``S-tail``                a headline or sentence ending ", says/claims X"
``S-dash``                '"…" – NRF spokesman X, writing on X': a dash after a quotation; a
                          headline's closing "… — regional source", "… - NRF"
``S-label``               a transcript or headline label naming an actor ("Mujahid: …")
========================  ====================================================================

A rejection whose object is a proposal ("rejected the offer of talks") is an act, not an
attribution: it makes no frame. The sentences of a quotation that an attribution closes ('"A.
B. C," he wrote') are all in its frame.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from claims.actors import Actors, Strength
from claims.kinds import find_triggers
from claims.profile import OTHER, UNKNOWN
from claims.speakers import (
    Discourse,
    Frame,
    Number,
    Phrase,
    SideReader,
    SpeakerRule,
    phrase_from_text,
)
from claims.vocabulary import ASSERTS, DENIES, alternation, vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_I = re.IGNORECASE
_VERBAL_DEPS = frozenset(
    {"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "parataxis", "pcomp", "acl", "dep"}
)
_CORE_DEPS = frozenset({"det", "compound", "amod", "poss", "nummod", "nmod", "case", "quantmod"})
_SOURCE_VERBS = frozenset({"quote", "cite"})
_PEJORATIVE = frozenset(
    {
        "rumour",
        "rumours",
        "rumor",
        "rumors",
        "canard",
        "canards",
        "propaganda",
        "lie",
        "lies",
        "fabrication",
        "fabrications",
    }
)
_RUMOUR_NOUNS = frozenset(
    {
        "reports",
        "report",
        "rumours",
        "rumors",
        "rumour",
        "rumor",
        "claims",
        "claim",
        "canards",
        "allegations",
        "speculation",
        "accounts",
        "news",
        "propaganda",
    }
)
_PRONOUNS = frozenset({"he", "she", "they", "we", "it"})


@dataclass
class _Work:
    doc: Doc
    text: str  # normalised statement
    original: str
    reader: SideReader
    discourse: Discourse
    frames: list[Frame]


def frames_from_parse(
    doc: Doc, text: str, original: str, reader: SideReader, discourse: Discourse
) -> list[Frame]:
    """Every attribution frame of one parsed statement, in the order of their cues."""
    work = _Work(doc, text, original, reader, discourse, [])
    vocab = vocabulary()
    rumours = []
    for tok in doc:
        low = tok.lower_
        if low == "according" or (low == "per" and tok.i > 0 and tok.nbor(-1).lower_ == "as"):
            _according(work, tok)  # "according to X", "as per X"
        elif low == "reference" and _with_reference(tok):
            _referenced(work, tok)  # "reported by TASS with reference to a source"
        elif low in vocab.reporting and tok.dep_ in _VERBAL_DEPS:
            _verb_frame(work, tok)
        elif low in vocab.light_verbs:
            _light_frame(work, tok)
        elif low in _CALL and tok.dep_ in _VERBAL_DEPS:
            _called_false(work, tok)
        elif low in _RUMOUR_NOUNS:
            rumours.append(tok)
    for tok in rumours:  # after the verbs: a speaker who frames the reports speaks for them
        _rumour_frame(work, tok)
    _quote_run(work)
    return work.frames


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
    subjects = _subjects_of(tok, wanted)
    if len(subjects) > 1:
        # "Former minister and current NRF member K. said" parsed with two subjects: the one
        # next to the verb heads the phrase
        before = [c for c in subjects if c.i < tok.i]
        subjects = [max(before, key=lambda c: c.i)] if before else subjects[:1]
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


def _quoted_object(verb: Token) -> Token | None:
    """The object of a quoting verb ("quoting X", "citing X"): the source it relays."""
    found = vocabulary().reporting.get(verb.lower_)
    if found is None or found[0] not in _SOURCE_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


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
        if tok.i < 2 or len(rest) > 3:
            return None  # only a closing "…, Z said (on Monday)."
        prev = tok.doc[tok.i - 2]
    chain = [a for a in (prev, *prev.ancestors) if a.dep_ == "appos" and a.i < tok.i]
    found = [a for a in chain if a.right_edge.i == prev.i]
    if not found:
        return None
    if not tail and not any(a.lower_ == "according" for a in found[-1].ancestors):
        return None
    return found[-1], SpeakerRule.SUBJECT


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


# ---------------------------------------------------------------- frame finders


# "reported killed": the noun before is the victim of a passive, not a speaker
REPORTED_PARTICIPLE = (
    r"(?:to\s+(?:have\s+been|be)\s+)?(?:killed|dead|wounded|injured|captured|missing|arrested|"
    r"detained|slain|executed|taken)\b"
)
_REPORTED_VICTIM = re.compile(rf"\s+{REPORTED_PARTICIPLE}", re.IGNORECASE)


def _reported_victim(tok: Token) -> bool:
    """ "58 Taliban reported killed": a passive with its auxiliary dropped (headline style)."""
    return tok.lower_ in _PASSIVE_VICTIM_VERBS and bool(
        _REPORTED_VICTIM.match(tok.doc.text, tok.idx + len(tok.text))
    )


_PASSIVE_VICTIM_VERBS = frozenset({"reported", "said", "claimed"})


def _verb_frame(work: _Work, tok: Token) -> None:
    stance = vocabulary().reporting[tok.lower_][1]
    if _reported_victim(tok):
        return
    if stance == DENIES and _act(tok):
        return
    if _passive(tok) or _as_by(tok):
        speaker, rule = _agent(tok), SpeakerRule.AGENT
    else:
        speaker, rule = _subject(tok)
    if speaker is None:
        return  # "is said to have", "were reported": nobody is credited
    relayed = _relayed_source(speaker)
    if relayed is not None:
        speaker, rule = relayed, SpeakerRule.SOURCE
    if _gerund_denial(work, tok, speaker):
        return
    quoted = _quoted_object(tok)
    if quoted is not None:
        scope = _span(tok.head) if tok.dep_ in ("advcl", "xcomp", "conj") else _span(tok)
        _add(work, quoted, SpeakerRule.SOURCE, ASSERTS, scope, tok, rank=2)
        return
    scope = _scope_of(tok)
    if _parenthetical(tok):
        rule = f"{rule}+{SpeakerRule.PARENTHETICAL}"
    elif rule == SpeakerRule.SUBJECT and speaker.i < tok.i:
        lead = _lead_scope(work, speaker, tok, scope)
        if lead != scope:
            scope, rule = lead, f"{rule}+{SpeakerRule.LEAD}"
    _add(work, speaker, rule, stance, scope, tok)


def _gerund_denial(work: _Work, tok: Token, speaker: Token) -> bool:
    """ "Dismissing reports that the leaders died in combat, the source said: …" is parsed
    with "Dismissing" as the subject of a verb "reports": the speaker is the main reporting
    verb's subject, denying what the reports say (``S-subject``, stance denies)."""
    form = vocabulary().reporting.get(speaker.lower_)
    head = tok.head
    if (
        form is None
        or form[1] != DENIES
        or not speaker.lower_.endswith("ing")
        or speaker.i != 0
        or head is tok
        or head.lower_ not in vocabulary().reporting
    ):
        return False
    real, rule = _subject(head)
    if real is None:
        return False
    _add(work, real, rule, DENIES, _span(tok), head)
    return True


def _light_frame(work: _Work, tok: Token) -> None:
    """ "X made the statement", "X gave the figure", "The account was given by X"."""
    vocab = vocabulary()
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or (obj.lower_ not in vocab.light_objects and obj.lower_ not in vocab.documents):
        return
    scope = (0, len(work.text))
    if _passive(tok):
        agent = _agent(tok)
        if agent is not None:
            _add(work, agent, SpeakerRule.LIGHT, ASSERTS, scope, tok)
        elif obj.dep_ == "nsubjpass":
            _add(work, obj, SpeakerRule.LIGHT, ASSERTS, scope, tok, phrase_tok=obj)
        return
    speaker, _ = _subject(tok)
    if speaker is not None:
        _add(work, speaker, SpeakerRule.LIGHT, ASSERTS, scope, tok)


_CALL = frozenset({"call", "calls", "called", "calling", "branded", "termed", "described"})
_CLAIM_NOUNS = frozenset(
    {
        "claim",
        "claims",
        "report",
        "reports",
        "allegation",
        "allegations",
        "account",
        "statement",
        "statements",
        "news",
        "it",
        "this",
        "them",
    }
)


def _called_false(work: _Work, tok: Token) -> None:
    """ "X called the claim 'false'", "which the opposition called a lie": X denies it."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or obj.lower_ not in _CLAIM_NOUNS:
        return
    speaker, rule = _subject(tok)
    if speaker is not None:
        _add(work, speaker, rule, DENIES, _span(tok), tok)


def _according(work: _Work, tok: Token) -> None:
    to = tok if tok.lower_ == "per" else next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
        to = tok.nbor(1)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return
    sent = tok.sent
    scope = (sent.start_char, sent.end_char)  # "according to X" speaks for its sentence
    _add(work, pobj, SpeakerRule.ACCORDING, ASSERTS, scope, tok, rank=-1, widen=1)


def _with_reference(tok: Token) -> bool:
    """ "with reference to X" (the Russian wires' "со ссылкой на": citing X)."""
    doc = tok.doc
    return (
        0 < tok.i < len(doc) - 1
        and doc[tok.i - 1].lower_ == "with"
        and doc[tok.i + 1].lower_ == "to"
    )


def _referenced(work: _Work, tok: Token) -> None:
    """ "TASS reports, with reference to a source close to the front, that …": the source the
    reporter cites speaks, inside the reporter's frame (as "citing X")."""
    to = tok.doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return
    sent = tok.sent
    _add(work, pobj, SpeakerRule.SOURCE, ASSERTS, (sent.start_char, sent.end_char), tok, rank=2)


def _introduced_by_that(clause: Token) -> bool:
    """ "reports that …" (not "a claim the resistance disputes")."""
    return any(c.lower_ == "that" and c.dep_ in ("mark", "nsubj") for c in clause.children) or (
        clause.doc[clause.left_edge.i].lower_ in ("that", "of")
    )


def _rumour_clause(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("acl", "relcl", "ccomp") and c.i > tok.i and _introduced_by_that(c):
            return c
    if tok.dep_ == "attr" and any(c.lower_ == "there" for c in tok.head.children):
        found = next((c for c in tok.head.children if c.dep_ == "ccomp"), None)
        return found or _reports_of(tok)
    if tok.dep_ == "nsubj" and tok.head.lower_ in ("spread", "spreads", "circulated"):
        return next((c for c in tok.head.children if c.dep_ == "ccomp"), None)
    return _reports_of(tok)


def _reports_of(tok: Token) -> Token | None:
    """ "There have been reports of clashes in X", "… amid reports of fighting in X": the
    reports (no named source) tell what their "of" names."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or tok.lower_ not in ("reports", "report", "rumours", "rumors"):
        return None
    there = tok.dep_ == "attr" and any(c.lower_ == "there" for c in tok.head.children)
    amid = tok.dep_ == "pobj" and tok.head.lower_ in ("amid", "amidst")
    return of if there or amid else None


def _rumour_frame(work: _Work, tok: Token) -> None:
    """ "there are unconfirmed reports (that) …", "rumours spread that …", "reports of …"."""
    clause = _rumour_clause(tok)
    if clause is None:
        return
    if any(f.covers(tok.idx) for f in work.frames):
        return  # a speaker frames the reports (and denies them when they are rumours)
    stance = DENIES if tok.lower_ in _PEJORATIVE else ASSERTS
    owner = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if tok.dep_ == "dobj" and owner is not None and stance == ASSERTS:
        # "X has claims that …", "X made claims that …": X speaks
        _add(work, owner, SpeakerRule.SUBJECT, stance, _span(clause), tok.head)
        return
    _add(work, tok, SpeakerRule.RUMOUR, stance, _span(clause), tok, rank=1, phrase_tok=tok,
         phrase_end=clause.left_edge.idx, unnamed=True)  # fmt: skip


def _antecedent(work: _Work, pronoun: Token, cue: Token) -> Token | None:
    """ "accounts shared video of a tank they say was captured": the subject of the clause
    that governs the pronoun's verb, when it agrees with the pronoun."""
    if cue.dep_ not in ("relcl", "acl", "ccomp", "advcl", "conj"):
        return None
    plural = pronoun.lower_ in ("they", "we")
    for ancestor in cue.ancestors:
        subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i >= pronoun.i or subject.lower_ in _PRONOUNS:
            continue
        low = subject.lower_
        is_plural = low.endswith("s") or any(c.dep_ == "conj" for c in subject.children)
        if pronoun.lower_ == "it" and not is_plural:
            return subject
        if plural == is_plural and pronoun.lower_ != "it":
            return subject
        return None
    return None


def _add(
    work: _Work,
    speaker: Token,
    rule: str,
    stance: str,
    scope: tuple[int, int],
    cue: Token,
    rank: int = 0,
    widen: int = 0,
    phrase_tok: Token | None = None,
    phrase_end: int | None = None,
    unnamed: bool = False,
) -> None:
    """A frame for ``speaker``'s words over ``scope``. ``unnamed``: bare rumour words speak
    ("reports"): a side the reader gives only by default (other) is unknown instead."""
    if speaker.lower_ in _PRONOUNS and phrase_tok is None:
        antecedent = _antecedent(work, speaker, cue)
        if antecedent is not None:
            speaker, rule = antecedent, f"{rule}+{SpeakerRule.PRONOUN}"
    phrase = _clip(_phrase(speaker if phrase_tok is None else phrase_tok, work.text), speaker, cue)
    if rule == SpeakerRule.RELATIVE:
        phrase = _without_relative(phrase, cue)
    if phrase_end is not None:
        phrase = _clip_end(phrase, phrase_end)
    titled = _fronted_title(work.text, phrase, speaker)
    if titled is not phrase:
        phrase, rule = titled, f"{rule}+{SpeakerRule.FRONTED_TITLE}"
    if phrase.start > cue.idx:
        phrase = replace(phrase, before=work.text[: cue.idx])
    elif work.text[: phrase.start].rstrip().endswith((",", '"', "-")):
        phrase = replace(phrase, before=work.text[: phrase.start])  # "…, a spokesman said"
    who = work.reader.identify(work.text, work.original, phrase, work.discourse)
    if unnamed and who.side == OTHER and who.claimant.lower() in _RUMOUR_NOUNS:
        who = replace(who, side=UNKNOWN)
    frame = _frame(work.text, who, rule, stance, scope, phrase, cue, rank, widen)
    work.frames.append(frame)
    work.discourse.pending.append(frame)


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


_SIDE_BASES = frozenset(
    {"person", "party", "third party", "press", "unconfirmed", "unknown", "role"}
)


def _with_side_rule(rule: str, how: str) -> str:
    """The speaker rule, with the rule that gave the side when it is one ("S-opponent")."""
    return rule if how in _SIDE_BASES else f"{rule}+{how}"


def _frame(
    text: str, who: object, rule: str, stance: str, scope: tuple[int, int], phrase: Phrase,
    cue: Token, rank: int, widen: int,
) -> Frame:  # fmt: skip
    side = who.side if who.side is not None else UNKNOWN  # type: ignore[attr-defined]
    how = who.rule  # type: ignore[attr-defined]
    full_rule = _with_side_rule(rule, how)
    start, end = scope
    whole = start <= _first_word(text) and end >= len(text.rstrip(" .\"'"))
    return Frame(
        claimant=who.claimant,  # type: ignore[attr-defined]
        side=side,
        rule=full_rule,
        stance=stance,
        scope=(max(0, start - widen), end + widen),
        holes=((phrase.start, phrase.end),),
        rank=rank,
        number=who.number,  # type: ignore[attr-defined]
        head=who.head,  # type: ignore[attr-defined]
        whole=whole,
        cue=cue.idx,
        party=who.party,  # type: ignore[attr-defined]
    )


def _first_word(text: str) -> int:
    m = re.search(r"\w", text)
    return m.start() if m else 0


def _quote_run(work: _Work) -> None:
    """'"A. B. C," he wrote.': the attribution after a run of quoted sentences covers them all."""
    text = work.text
    if not text.lstrip().startswith('"'):
        return
    close = text.rfind('"')
    for i, frame in enumerate(work.frames):
        if frame.scope[0] > 0 and frame.cue > close:
            work.frames[i] = replace(frame, scope=(0, frame.scope[1]), whole=True)


# ---------------------------------------------------------------- frames without a parse


_TAIL_VERBS: re.Pattern[str] | None = None
_PREPOSITION = (
    r"(?:in|on|at|to|by|from|with|during|after|before|via|over|through|for|that|it|this|"
    r"there|so|a\s+different|an?\s+(?:interview|statement)\b)"
)


# '"…," tweeted X on Friday', '"…," posted X from his account on Twitter': when and where from
# (not "in Kabul": where the speaker is stays out of the claim's places through the parse)
_INVERTED_AFTER = (
    r"(?:\s+(?:on|via|late|early|earlier|later|this|last|yesterday|today|overnight|"
    r"from\s+(?:his|her|their|its|the\s+group's)\s)\b[^,;:\"]{0,50}?)?"
)


def _tail_rx() -> re.Pattern[str]:
    """ ", says X." / ", X said on Sunday." at the end of a statement (", adding …" may follow)."""
    global _TAIL_VERBS
    if _TAIL_VERBS is None:
        v = vocabulary()
        lemmas = v.tail_verbs
        verbs = alternation(f for lemma in lemmas for f in v.verb_forms(lemma)[1:3])
        inverted = alternation(
            f for lemma in lemmas if lemma != "tell" for f in v.verb_forms(lemma)[1:3]
        )
        np = (
            r"(?![a-z]+ing\b)(?!as\b)(?!(?:which|what)\b)"  # "…, which the front denied": no tail
            r"(?!an?\s+(?:claim|figure|number|toll|report|account|version|assertion)\b)"
            # "Clashes resume in X; casualties reported": a headline's passive, no speaker
            rf"(?!(?:(?:heavy|many|several|more|some|\d+)\s+)?(?:{alternation(v.losses)})\s+"
            r"(?:reported|confirmed|feared|claimed)\b)"
            r"(?:(?!\b(?:was|were|is|are|had|has|have|been|that|it)\b)"
            r"(?!(?<!close )(?<!loyal )(?<!linked )(?<!allied )(?<!affiliated )(?<!connected )"
            r"(?<!attached )(?<!near )(?<!next )(?<!adviser )(?<!advisor )\bto\b)"
            r"[^,.;:\"]){2,70}?"
        )
        role = (
            r"(?:spokes\w+|commanders?|officials?|sources?|ministers?|leaders?|chief|residents?|"
            r"witnesses|deputy|senior|local|provincial|military|police|district|group's|former)"
        )
        inverted_np = (
            rf"(?:(?:the|a|an)\s+)?(?:(?:(?-i:[A-Z])[\w'-]*|{role})\s+){{0,4}}"
            rf"(?:(?-i:[A-Z])[\w'-]+|{role})(?:,\s+(?:a|an|the)\s+[^,.;:\"]{{2,60}})?"
        )
        _TAIL_VERBS = re.compile(
            rf"(?:[,;][\"']?|[!?][\"'])\s+(?:(?P<verb>{inverted})\s+(?!{_PREPOSITION}\b)(?P<who>{inverted_np}){_INVERTED_AFTER}|(?P<who2>{np}),?\s+"
            rf"(?P<verb2>{verbs})(?:\s+(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){{0,3}}|"
            rf"\s+(?:reporters|journalists|us|me|the\s+media|(?:a|an|the|this|our)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?:agency|newspaper|paper|broadcaster|channel|outlet|correspondent|reporters?|"
            rf"journalists?|website|station|network)))?(?:\s+(?:on|in|at|by|to|late|early|"
            rf"earlier|later|this|last|yesterday|today|via|during|after|since|overnight|throughout)\b[^,;:\"]{{0,40}})?)"
            rf"(?:,\s+(?:adding|saying|noting|claiming|stressing)\b[^\"]*)?\s*[.!]?\s*$",
            _I,
        )
    return _TAIL_VERBS


_DASH = re.compile(
    r"\"\s*(?P<verb>-)\s*(?P<who>[^,.;\"]{2,80}?)(?:\s+(?:said|says|wrote|writes|tweeted|posted|"
    r"added|told)\b[^.\"]*)?(?:,\s*(?:writing|speaking|posting|tweeting|quoted|said)\b"
    r"[^.\"]*)?[.!]?\s*$",
    _I,
)


@cache
def _label_pattern() -> re.Pattern[str]:
    """A leading label: capitalised words, optionally closed by a role ("Mujahid: …",
    "Taliban spokesman: …", "NRF commander (local): …")."""
    roles = alternation(vocabulary().roles)
    return re.compile(
        r"^\s*(?P<who>(?-i:[A-Z][\w'.-]+)(?:\s+(?-i:[A-Z][\w'.-]+)){0,3}"
        rf"(?:\s+(?:{roles}))?)\s*(?:\([^)]{{1,40}}\))?:\s+(?=\S)"
    )


_OPENING_VERB = (
    r"(?:claims?|says?|insists?|denies|deny|rejects?|dismiss(?:es)?|disputes?|refutes?|reports?|"
    r"announces?)"
)
# the speaker's words are no opening verb: "Resistance Says Reports Of …" is the resistance's
_OPENING_WORD = rf"(?!{_OPENING_VERB}\s)(?-i:[A-Z])[\w'-]*"
_CLAIM_OPENING = re.compile(
    rf"(?:^|[:;]\s+|\s-\s|,\s+)(?P<who>(?:{_OPENING_WORD}\s+){{0,3}}{_OPENING_WORD})\s+"
    rf"(?P<verb>{_OPENING_VERB})\s+(?!that\b)",
    _I,
)


@cache
def _denied_by() -> re.Pattern[str]:
    """ "… has been denied by": a passive deny verb of the vocabulary with its agent."""
    v = vocabulary()
    lemmas = dict.fromkeys(lemma for lemma, stance in v.reporting.values() if stance == DENIES)
    past = alternation(v.verb_forms(lemma)[2] for lemma in lemmas)
    return re.compile(
        rf"\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:\w+ly\s+)?(?:{past})\s+by\b", _I
    )  # "was vehemently denied by"


_WORDS_OF = re.compile(
    r"\b(?:the\s+)?(?:words|remarks|comments|quote|account|message|claim)\s+(?:are|is|was|were)\s+"
    r"(?:those\s+|that\s+)?of\s+(?P<who>[^,.;]+?)(?=\s+who\b|[,.;]|$)"
    r"|\b(?:that|this)\s+(?:was|is)\s+how\s+(?P<who2>[^,.;]+?)\s+(?:described|put\s+it|summed|"
    r"explained|characteri[sz]ed|recounted|portrayed)\b"
    # '"…," read a (translation of the) statement put out by X on Twitter.'
    r"|[,;!?]\"?\s+read\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,5}?(?:statement|message|tweet|post|letter|"
    r"notice|communiqu\w+|release)\s+(?:(?:put\s+out|posted|issued|released|published|shared|"
    r"sent)\s+)?(?:by|from)\s+(?P<who3>[^,.;\"]+?)(?=\s+(?:on|in|via|late|early|earlier|this|last)\b|"
    r"[,.;]|$)",
    _I,
)
_INTRO = re.compile(
    r"^(?:(?:i|we)\s+(?:have\s+)?)?(?:spoke|spoken|talked)\s+(?:with|to)\s+(?P<who>(?:my|our|a|an|"
    r"the)\s+[\w-]+(?:\s+(?-i:[a-z][\w-]*)){0,2}?)(?=\s+(?:in|from|at|on|who|tonight|today|"
    r"yesterday)\b|[,.;]|$)",
    _I,
)


def _headline_claims(
    text: str, original: str, actors: Actors, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    """ "Taliban claim seizing Panjshir", "…: Taliban Claims Full Control, Resistance Fighters
    Say …": an actor followed by "claim(s)" or "say(s)" opens a clause it speaks for."""
    for m in _CLAIM_OPENING.finditer(text):
        who = m.group("who")
        if not actors.find(who):
            continue
        if who.endswith(("'s", "’s")) and _denied_by().search(text, m.end()):
            continue  # "The Taliban's claim to have … was denied by the front": the front's

        phrase = phrase_from_text(text, m.start("who"), m.end("who"))
        ident = reader.identify(text, original, phrase, discourse)
        nxt = re.compile(r";\s|\s-\s").search(text, m.end())
        yield Frame(
            claimant=ident.claimant, side=ident.side or UNKNOWN, rule=SpeakerRule.LEAD,
            stance=vocabulary().reporting[m.group("verb").lower()][1],
            scope=(m.start("who"), nxt.start() if nxt else len(text)),
            holes=((m.start("who"), m.end("who")),), rank=1, number=ident.number,
            head=ident.head, cue=m.start("verb"), party=ident.party,
        )  # fmt: skip


def _named_after(
    text: str, original: str, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    """ "The words are those of X", "That was how X described it"; "Spoke with my cousin in
    Bazarak" names a source a later "he says" refers to (an empty scope)."""
    m = _WORDS_OF.search(text)
    if m is not None:
        group = next(g for g in ("who", "who2", "who3") if m.group(g))
        phrase = phrase_from_text(text, m.start(group), m.end(group))
        ident = reader.identify(text, original, phrase, discourse)
        yield Frame(
            ident.claimant, ident.side or UNKNOWN, SpeakerRule.LIGHT, ASSERTS, (0, len(text)),
            ((m.start(group), m.end(group)),), 1, ident.number, ident.head, True, m.start(),
            ident.party,
        )  # fmt: skip
    intro = _INTRO.search(text)
    if intro is not None:
        phrase = phrase_from_text(text, intro.start("who"), intro.end("who"))
        ident = reader.identify(text, original, phrase, discourse)
        yield Frame(
            ident.claimant, ident.side or UNKNOWN, SpeakerRule.SUBJECT, ASSERTS,
            (len(text), len(text)), (), 0, Number.PERSON, ident.head, False, intro.start(),
        )  # fmt: skip


# a word of a noun phrase: no auxiliary ("Fighting was reported" has no speaker) or relative
_NP_WORD = r"(?!(?:was|were|is|are|be|been|being|have|not|who|which|that)\b)[\w'-]+"
_NP = rf"(?:(?:the|a|an|its|their)\s+)?(?:{_NP_WORD}\s+){{0,5}}?{_NP_WORD}"
_APPOSITIVE = r"(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,3},\s+(?:a|an|the)\s+[^,;:\"]{2,70},"
_LEAD_VERBS = r"(?:said|says|claimed|claims|announced|reported|added|insisted|stated|told\s+\w+)"
_FAST_LEAD = re.compile(
    rf"^(?:(?:on|late\s+on|earlier\s+on|earlier|later|meanwhile)\s+(?:\w+\s+)?\w+,\s+)?"
    rf"(?P<who>{_APPOSITIVE}|(?!(?:he|she|they|it|we|there|this|that|as)\b){_NP})\s+"
    rf"(?:(?:has|had|also|later|earlier|then|again|separately|previously|further|now)\s+)?"
    rf"(?P<verb>{_LEAD_VERBS})(?!\s+{REPORTED_PARTICIPLE})"
    r"(?:\s+(?:on|late\s+on|early\s+on)\s+\w+(?:\s+(?:night|morning|evening))?)?"
    r"(?:,)?\s+(?:that\s+)?(?=\S)",
    _I,
)
# "according to X", "as per X", and "as reported (claimed, stated …) by X"
_AS_BY = r"as\s+(?:reported|claimed|stated|announced|confirmed|said|told|quoted|cited)\s+by"
_FAST_ACCORDING = re.compile(
    rf"^(?:according\s+to|as\s+per|{_AS_BY})\s+(?P<who>[^,;:\"]{{2,80}}),\s+|"
    rf"(?:,\s+(?:according\s+to|as\s+per|{_AS_BY})|\s(?=as\s)\s*{_AS_BY})\s+"
    r"(?P<who2>[^,;:\"]{2,80}?"
    r"(?:,\s+(?:a|an|the)\s+[^,;:\"]{2,70}?)?),?\s*[.!]?\s*$",
    _I,
)


def fast_frames(
    text: str, original: str, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    """Frames of the simplest attributions, read without a parse: "X said (that) …", "X, a
    spokesman for Y, said …", "According to X, …", "…, according to X." (the same speakers
    the parse gives; statements with any other reporting construction are parsed)."""
    for rx, rule in ((_FAST_LEAD, SpeakerRule.LEAD), (_FAST_ACCORDING, SpeakerRule.ACCORDING)):
        m = rx.search(text)
        if m is None:
            continue
        group = "who" if m.group("who") else "who2"
        start, end = m.start(group), m.end(group)
        phrase = phrase_from_text(text, start, end)
        who = reader.identify(text, original, phrase, discourse)
        scope = (0, len(text))
        frame = Frame(
            claimant=who.claimant, side=who.side or UNKNOWN, stance=ASSERTS,
            rule=_with_side_rule(f"{rule}+fast", who.rule),
            scope=scope, holes=((start, end),), rank=-1 if rule == SpeakerRule.ACCORDING else 0,
            number=who.number, head=who.head, whole=True,
            cue=m.start("verb") if rule == SpeakerRule.LEAD else m.start(), party=who.party,
        )  # fmt: skip
        discourse.pending.append(frame)
        yield frame
        return


def tail_only(text: str) -> bool:
    """True when the statement ends in a tail attribution ("…, X said.", '"…" – X')."""
    return bool(_tail_rx().search(text) or _DASH.search(text))


def fast_path(text: str, cue_count: int) -> bool:
    """True when the statement's only attribution is one :func:`fast_frames` reads."""
    if cue_count != 1:
        return False
    return bool(_FAST_LEAD.search(text) or _FAST_ACCORDING.search(text))


def layout_frames(
    text: str, original: str, actors: Actors, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    """Frames read off the layout: a label, a headline's "X claims", a tail attribution, a
    dash after a quotation, "the words are those of X"."""
    yield from _label(text, original, actors)
    yield from _label_after(text, original, actors)
    yield from _hearsay(text)
    yield from _fronted_source(text, original, reader, discourse)
    yield from _headline_claims(text, original, actors, reader, discourse)
    yield from _named_after(text, original, reader, discourse)
    yield from _headline_dash(text, original, actors, reader, discourse)
    for rx, rule in (
        (_tail_rx(), SpeakerRule.TAIL),
        (_DASH, SpeakerRule.DASH),
        (_QUOTED_AS, SpeakerRule.SOURCE),
    ):
        m = rx.search(text)
        if m is None:
            continue
        group = "who" if m.group("who") else "who2" if "who2" in m.groupdict() else "who"
        if not m.group(group) or len(m.group(group).split()) > 12:
            continue
        start, end = m.start(group), m.end(group)
        name = re.search(r"[,\"]\s*((?-i:[A-Z])[\w'.-]+(?:\s+(?-i:[A-Z])[\w'.-]+){0,3}),\s*$",
                         text[: start])  # fmt: skip
        if name is not None and rule == SpeakerRule.TAIL:
            start = name.start(1)  # "…, Jawad Wardak, a spokesman for the NRF, said."
        described = _DESCRIBED_BEFORE.search(text[:start]) if rule == SpeakerRule.TAIL else None
        if described is not None and _is_name(m.group(group)) and not _has_verb(described[1]):
            start = described.start(1)  # "…," a Taliban spokesman, Karim Ahmadi, said.
        phrase = phrase_from_text(text, start, end)
        phrase = replace(phrase, before=text[: m.start()])
        who = reader.identify(text, original, phrase, discourse)
        side = who.side if who.side is not None else UNKNOWN
        frame = Frame(
            claimant=who.claimant, side=side, rule=f"{rule}", stance=ASSERTS,
            scope=(0, len(text)), holes=((start, end),), rank=1, number=who.number,
            head=who.head, whole=True, cue=_verb_at(m),
            party=who.party,
        )  # fmt: skip
        discourse.pending.append(frame)
        yield frame


_FRONTED_SOURCE = re.compile(
    r"^\W*(?:quoting|citing)\s+(?P<who>(?!(?:reports?|media|the\s+(?:report|agency|broadcaster|"
    r"newspaper))\b)[^,;:\"“”]{2,80}?),\s+(?=\S)",
    re.IGNORECASE,
)


def _fronted_source(
    text: str, original: str, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    """ "Quoting sources in the front, the broadcaster said …", "Citing a Taliban commander,
    the agency reported …": the source the reporter relays speaks for the statement (as
    "X, quoting Y, said"; the parser often takes the fronted participle for a noun)."""
    m = _FRONTED_SOURCE.match(text)
    if m is None:
        return
    start, end = m.start("who"), m.end("who")
    who = reader.identify(text, original, phrase_from_text(text, start, end), discourse)
    if who.side in (None, UNKNOWN) and who.head not in vocabulary().roles:
        return  # "Citing security concerns, the Taliban said …": a reason, not a source
    frame = Frame(
        claimant=who.claimant, side=who.side or UNKNOWN, rule=SpeakerRule.SOURCE, stance=ASSERTS,
        scope=(0, len(text)), holes=((start, end),), rank=2, number=who.number, head=who.head,
        whole=True, cue=m.start(), party=who.party,
    )  # fmt: skip
    discourse.pending.append(frame)
    yield frame


_HEARSAY = re.compile(
    r"^\W*it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?(?:said|rumou?red|alleged)"
    r"\s+(?:that\s+)?",
    re.IGNORECASE,
)


def _hearsay(text: str) -> Iterator[Frame]:
    """ "It is said that …", "It was rumoured that …": hearsay of no named source (side
    unknown, like rumours), not the outlet's own report."""
    m = _HEARSAY.match(text)
    if m is None or _tail_rx().search(text):
        return  # "It was said that …, a resident told the agency": the resident says it
    yield Frame(
        claimant=text[: m.end()].strip(" ,"), side=UNKNOWN, rule=SpeakerRule.RUMOUR,
        stance=ASSERTS, scope=(m.end(), len(text)), holes=((0, m.end()),), rank=1,
        number=Number.GROUP, head="hearsay", whole=True, cue=0,
    )  # fmt: skip


# "Taliban suffer losses in Panjshir, retreat — regional source": a headline's source after a
# dash, at its end (no final full stop)
_HEADLINE_DASH = re.compile(
    r"^[^\"]{10,}?\s[—–-]\s+(?P<who>(?:(?:a|an|the)\s+)?(?:[\w'-]+\s+){0,3}[\w'-]+)\s*$"
)
_SOURCE_HEADS = frozenset({"source", "sources"})


def _headline_dash(
    text: str, original: str, actors: Actors, reader: SideReader, discourse: Discourse
) -> Iterator[Frame]:
    if "-" not in text and "—" not in text and "–" not in text:
        return
    m = _HEADLINE_DASH.match(text)
    if m is None:
        return
    who_text = m.group("who")
    head = who_text.split()[-1].lower()
    vocab = vocabulary()
    if not (actors.find(who_text) or head in vocab.roles or head in _SOURCE_HEADS):
        return  # "Panjshir — the last holdout": an apposition, not a source
    phrase = replace(
        phrase_from_text(text, m.start("who"), m.end("who")), before=text[: m.start("who")]
    )
    who = reader.identify(text, original, phrase, discourse)
    yield Frame(
        claimant=who.claimant, side=who.side if who.side is not None else UNKNOWN,
        rule=SpeakerRule.DASH, stance=ASSERTS, scope=(0, m.start("who")),
        holes=((m.start("who"), m.end("who")),), rank=1, number=who.number, head=who.head,
        whole=True, cue=m.start("who"), party=who.party,
    )  # fmt: skip


# '…," a local channel quoted the front's spokesman, Karim Jan, as saying.': the one quoted
_QUOTED_AS = re.compile(
    r"[,\"]\"?\s+[^,.;:\"]{2,60}?\s+(?P<verb>quoted|cited)\s+"
    r"(?P<who>[^,.;:\"]{2,70}?(?:,\s+[^,.;:\"]{2,40},)?)\s+as\s+(?:saying|stating|telling\s+\w+)"
    r"(?:\s+(?:on|in|at|late|early|earlier|this|last|yesterday|today)\b[^,;:\"]{0,40})?\s*[.!]?\s*$",
    re.IGNORECASE,
)
_DESCRIBED_BEFORE = re.compile(r"[,\"]\s*((?:a|an|the)\s+[^,.;:\"]{2,60}),\s*$", re.IGNORECASE)
_NAME = re.compile(r"(?:(?-i:[A-Z])[\w'.-]+\s+){0,3}(?-i:[A-Z])[\w'.-]+")


def _has_verb(words: str) -> bool:
    """ "the front's spokesman wrote on Twitter": a clause of its own, no description."""
    reporting = vocabulary().reporting
    return any(w in reporting for w in re.findall(r"[a-z]+", words.lower()))


def _is_name(words: str) -> bool:
    return _NAME.fullmatch(words.strip()) is not None


def _verb_at(m: re.Match[str]) -> int:
    for name in ("verb", "verb2"):
        if m.groupdict().get(name):
            return m.start(name)
    return m.start()


_SECTION = re.compile(r"^\s*(?P<label>(?-i:[A-Z])[\w' ]{1,24}?)\s*:\s+(?=\S)")


def section_label_end(text: str, actors: Actors) -> int:
    """Where a leading section label ends ("Back story: ", "The latest: ", "PRESENTER: "):
    labels that name no actor are not part of the sentence's grammar (0 when none)."""
    m = _SECTION.match(text)
    if m is None or actors.find(m.group("label")) or _has_verb(m.group("label")):
        return 0  # "A commander said: …" introduces a quotation; it is no label
    return m.end()


def _label(text: str, original: str, actors: Actors) -> Iterator[Frame]:
    """A transcript or headline label naming a party's voice ("Mujahid: …")."""
    if ":" not in text[:60]:
        return
    m = _label_pattern().match(text)
    if m is None:
        return
    who = m.group("who")
    found = [a for a in actors.find(who) if not a.opposed and a.strength >= Strength.ORGANISATION]
    if not found:
        return
    best = max(found, key=lambda a: a.strength)
    yield Frame(
        claimant=original[m.start("who") : m.end("who")],
        side=best.side,
        rule=SpeakerRule.LABEL,
        stance=ASSERTS,
        scope=(m.end(), len(text)),
        number=Number.PERSON if best.strength is Strength.PERSON else Number.GROUP,
        head=who.lower(),
        whole=True,
    )


_LABEL_AFTER = re.compile(
    r"^(?P<claim>[^:]{12,160}?)\s*:\s*(?P<who>(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+)"
    # "Kabul's explosion: Freedom Front claims responsibility": the verb is not the speaker
    r"(?:\s+(?:claims?|says|admits|confirms)(?:\s+(?:responsibility|credit))?)?\s*$"
)


def _label_after(text: str, original: str, actors: Actors) -> Iterator[Frame]:
    """A headline's speaker after a colon ("Adversaries surrendered: Islamic Emirate",
    "Taliban take the valley: spokesman"): a party or person named there speaks for the claim;
    a bare role speaks for the party the claim names first."""
    if ":" not in text or text.rstrip().endswith((".", "!", "?", '"', "”")):
        return
    m = _LABEL_AFTER.match(text)
    if m is None or m.group("who").lower() in _NOT_SPEAKERS:
        return
    who, claim = m.group("who"), m.group("claim")
    if _tells_news(who):
        return  # "Clashes in X: Taliban Cuts Off Networks": a second headline, no speaker
    found = [a for a in actors.find(who) if not a.opposed and a.strength >= Strength.ORGANISATION]
    if not found:
        if not set(who.lower().split()) & vocabulary().roles:
            return
        found = [a for a in actors.find(claim) if not a.opposed and a.strength != Strength.PRESS]
        if not found:
            return
        found = found[:1]
    best = max(found, key=lambda a: a.strength)
    yield Frame(
        claimant=original[m.start("who") : m.end("who")], side=best.side,
        rule=SpeakerRule.LABEL, stance=ASSERTS, scope=(0, m.end("claim")),
        holes=((m.start("who"), m.end("who")),), rank=1,
        number=Number.PERSON if best.strength is Strength.PERSON else Number.GROUP,
        head=who.lower().split()[-1], whole=False, cue=m.start("who"),
    )  # fmt: skip


def _tells_news(who: str) -> bool:
    return bool(find_triggers(who))


_NOT_SPEAKERS = frozenset({"report", "reports", "analysis", "live", "update", "updates", "video"})


# ---------------------------------------------------------------- one frame per clause

_SEGMENT_BREAK = re.compile(
    r";\s|\s-\s|[.!?]\"?\s+(?=\"?[A-Z])|,\s+(?:while|whereas|but|although|though|even\s+as)\b", _I
)
_ADJUNCT_TAIL = re.compile(
    r"^[\s,]*(?:(?:on|in|at|by|to|late|early|earlier|later|this|last|yesterday|today|via|during|"
    r"after|before|from|with|through|over|tonight|overnight|[a-z]+day|[a-z]+ly|that\s+day)\b"
    r"[^,;:\"]{0,40})?[\s.!?\"]*$",
    _I,
)


def _pre_posed(text: str, frame: Frame, end: int) -> bool:
    """True when what the speaker is credited with follows the cue ("X says A")."""
    cue_end = frame.cue + 1
    while cue_end < len(text) and (text[cue_end].isalpha() or text[cue_end] == "'"):
        cue_end += 1
    return _ADJUNCT_TAIL.match(text[cue_end:end]) is None


def through_quotations(text: str, frames: list[Frame]) -> list[Frame]:
    """A frame whose scope stops inside a quotation it opened ('X said: "A. B."') runs to the
    quotation's end: the speaker says every sentence of it (unless another speaker's cue
    comes first)."""
    out = []
    for f in frames:
        end = f.scope[1]
        opened = text.rfind('"', f.scope[0], end)
        if opened < max(f.scope[0], f.cue) or text.count('"', 0, end) % 2 == 0:
            out.append(f)
            continue
        close = text.find('"', end)
        if close < 0 or any(end <= g.cue < close for g in frames if g is not f):
            out.append(f)
            continue
        out.append(replace(f, scope=(f.scope[0], close + 1)))
    return out


def clause_scopes(text: str, frames: list[Frame]) -> list[Frame]:
    """Keep each attribution to its own clauses: "Resistance says A; Taliban claim B", "the
    Taliban say A, while the resistance says B", "X tweeted that A, Y says B". A frame's scope
    stops at a clause (after ";", ", while", a sentence end, or a comma that opens another
    speaker's "Y says …") that holds another frame's cue."""
    cuts = {m.end() for m in _SEGMENT_BREAK.finditer(text)}
    frames = [_opened(text, f, cuts) for f in frames]
    if len(frames) < 2:
        return frames
    bounds = sorted({0, *cuts, len(text)})
    return [_bounded(f, frames, bounds, len(text)) for f in frames]


_OPENERS = (",", ";", ":", ", and", ", but", ", while", ", whereas")


def _opened(text: str, f: Frame, cuts: set[int]) -> Frame:
    """A speaker after a clause break ("A, Y says B") opens a segment of its own (added to
    ``cuts``); after a conjunction the speaker does not say what came before."""
    speaker = f.holes[0] if f.holes else None
    if speaker is None or speaker[0] >= f.cue:
        return f
    before = text[: speaker[0]].rstrip().lower()
    if not before.endswith(_OPENERS) or not _pre_posed(text, f, len(text)):
        return f
    cuts.add(speaker[0])
    if before.endswith((" and", " but", " while", " whereas")):
        # "A, and the resistance claimed B": the speaker does not say A
        return replace(f, scope=(max(f.scope[0], speaker[0]), f.scope[1]), whole=False)
    return f


def _segment(bounds: list[int], pos: int, length: int) -> tuple[int, int]:
    for lo, hi in itertools.pairwise(bounds):
        if lo <= pos < hi:
            return lo, hi
    return 0, length


def _bounded(f: Frame, frames: list[Frame], bounds: list[int], length: int) -> Frame:
    """``f``'s scope, cut at the nearest segment on each side that holds another frame's cue."""
    own = _segment(bounds, f.cue, length)
    lo, hi = f.scope
    for g in frames:
        other = _segment(bounds, g.cue, length)
        if g is f or other == own:
            continue
        if own[1] <= other[0] < hi:
            hi = other[0]
        elif lo < other[1] <= own[0]:
            lo = other[1]
    return f if (lo, hi) == f.scope else replace(f, scope=(lo, hi), whole=False)


def find_frames(text: str, outlet: str | None = None, actors: Actors | None = None) -> list[Frame]:
    """The attribution frames of one sentence on its own (a fresh discourse), for tests and
    for readers who want to see how a sentence is attributed."""
    from claims import grammar
    from claims.actors import actors_for
    from claims.sentences import normalise

    actors = actors if actors is not None else actors_for()
    norm = normalise(text)
    reader = SideReader(actors, outlet)
    discourse = Discourse()
    discourse.start(0)
    (doc,) = grammar.parse([norm])
    frames = frames_from_parse(doc, norm, text, reader, discourse)
    layout = list(layout_frames(norm, text, actors, reader, discourse))
    by_cue = {f.cue for f in layout}
    return clause_scopes(norm, [f for f in frames if f.cue not in by_cue] + layout)
