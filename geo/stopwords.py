"""Words that look like place names but usually are not, and the gazetteer names they weaken.

``COMMON_WORDS`` are ordinary English (and news) words; ``PERSON_NAMES`` are given names and
name parts frequent in Afghan news. A gazetteer name or alias equal to one of them (for
example the districts Farah, Reg, Tani, Chal, or the alias "Ali Sher"), or of at most three
letters, is *weak*: :mod:`geo.mentions` only accepts it in a place context.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from geo.gazetteer import Gazetteer

COMMON_WORDS = frozenset(
    """
    a about above after again against all also an and any are as at back bad bak bangi bar
    be because been before being below best between big both burka but by can center
    centre chak chal chief chora city come could daman day days did dila do does down
    during each east end even every farsi few first for four from front general get giro
    give go good great gulistan had has have he her here high him his home how i if in
    into is it its jaji just kama kang keep khash kind kiti kohestanat kohistan kot last
    left less like little long low made make mama man many markaz may me mizan more most
    much must my naka nari near neka nesh new next nika no north not now obe obi of off
    old omna on once one only or other our out over own part people place point reg rest
    right rod said same say sayad see shaki shamal she should shuhada side since so some
    south spera still such tag take tani than that the their them then there these they
    this those three through time to too two under until up upon us very wama was way we
    well went were west what when where which while who why will with within without work
    would year years yet you your zari
    """.split()  # noqa: SIM905 - a word list reads better as text
)
PERSON_NAMES = frozenset(
    """
    abdullah agha ahmad ahmed ali amrullah banu bilal dashti dawlatshah fahim farah ghani
    haji hamid hassan hussain hussein imam ismail kakar karam karim karimi karzai khadir
    khan mangal massoud mohammad mohammed muhammad mujahid mullah musa nadir nazary qaysar
    rahim sahib saleh sayed sayyid shah sharan shekh sher yahya yaqubi yosuf zabihullah
    """.split()  # noqa: SIM905
) | frozenset({"ali sher", "mohammad agha", "shekh ali", "sayed karam", "imam sahib"})

# Capitalised words that start no place phrase (months, days, titles, organisations).
NOT_PLACE_WORDS = frozenset(
    """
    a afp after al also an and ap apr april army associated at aug august bbc before but
    chief cnn commander credit dec december dr emirate facebook feb february friday from
    front gen general government governor if image in instagram isil isis islamic jan
    january jul july jun june leader mar march may media minister monday mr mrs ms
    national nato news nov november nrf oct october of on or photo president press qaeda
    read republic resistance reuters saturday sep sept september spokesman spokesperson
    spokeswoman sunday taliban telegram that the these this those thursday to today
    tomorrow tonight tuesday twitter uk un us usa video wednesday whatsapp when while
    yesterday youtube
    last only remaining final standing restive besieged embattled holdout
    no every each any another some all both neither either which what whose many most few
    """.split()  # noqa: SIM905
)

# Nationality and group adjectives: "northern Afghan provinces", "Ukrainian towns" name no place
DEMONYMS = frozenset(
    """
    afghan afghans american americans arab arabs british chinese european hazara hazaras
    indian iranian iraqi kurdish pakistani pakistanis pashtun pashtuns russian russians
    sudanese syrian tajik tajiks turkish turkmen ukrainian ukrainians uzbek uzbeks
    """.split()  # noqa: SIM905
)
# number words open a sentence as capitals ("Three districts were retaken …"); no unknown
# place name is made of them
NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands dozen dozens several
    """.split()  # noqa: SIM905
)
NOT_PLACE_WORDS = NOT_PLACE_WORDS | DEMONYMS | NUMBER_WORDS

_CACHE: WeakKeyDictionary[Gazetteer, frozenset[str]] = WeakKeyDictionary()


@cache
def common_words() -> frozenset[str]:
    """Frequent lower-case English words (geo/data/common_words.txt)."""
    path = Path(str(resources.files("geo").joinpath("data", "common_words.txt")))
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if w)


def weak_names(gaz: Gazetteer) -> frozenset[str]:
    """The gazetteer's normalised names/aliases that need a place context to count."""
    got = _CACHE.get(gaz)
    if got is None:
        got = frozenset(
            n for n in gaz.all_names() if len(n) <= 3 or n in COMMON_WORDS or n in PERSON_NAMES
        )
        _CACHE[gaz] = got
    return got


# A capitalised word that makes the place before it an outlet's name: "Kabul Now", "Kabul
# Times", "Tehran Times", "Khaama Press" report from somewhere; they are not a place
MEDIA_WORDS = frozenset(
    """
    now times post tribune herald gazette observer chronicle journal telegraph express daily
    news press radio tv television online today dispatch monitor standard mail
    """.split()  # noqa: SIM905
)


# "the Western region", "Northern Afghanistan": a compass word alone names no place
COMPASS_WORDS = frozenset(
    """
    north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern north-east
    north-west south-east south-west north-eastern north-western south-eastern south-western
    upper lower
    """.split()  # noqa: SIM905
)
