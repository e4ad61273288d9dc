"""How questions name responders: one reading for the question record and for comparisons."""

import pytest

from assistant.responder_names import named_responders, responders_in_order
from assistant.topics import topic_of

KUNGSHOLMEN = "Kungsholmens stadsdelsnämnd"
EAV = "Enskede-Årsta-Vantörs stadsdelsnämnd"
RESPONDERS = [KUNGSHOLMEN, "Utbildningsnämnden", "Socialnämnden", "Trafiknämnden", EAV]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Vad tycker trafiknämndens tjänstemän?", ["Trafiknämnden"]),  # a form of the name
        ("Vad skriver socialnämden om droger?", ["Socialnämnden"]),  # the common misspelling
        ("Vad vill skolförvaltningen och gatukontoret?", ["Utbildningsnämnden", "Trafiknämnden"]),  # other names
        ("Vad säger soc om droger?", ["Socialnämnden"]),  # a short name, as a word of its own
        # a part of the city names the districts in it that responded
        ("Vad säger stadsdelen i söderort om forskning?", ["Enskede-Årsta-Vantörs stadsdelsnämnd"]),
        ("Enligt söderortsförvaltningen, vad saknas?", ["Enskede-Årsta-Vantörs stadsdelsnämnd"]),
        ("Vad tycker stadsdelarna i västerort?", []),  # none of them responded
        ("Vad tycker EÅV om belysning?", [EAV]),  # initials of a three-part name
        ("vad tycker eav om belysning", [EAV]),
        ("Vad tycker Kungsholmen?", [KUNGSHOLMEN]),  # a district by its place alone
        ("Vad tycker Årsta om skolan?", [EAV]),
        ("What does the education administration suggest?", ["Utbildningsnämnden"]),
        ("According to the Social Welfare Committee, when was the deadline?", ["Socialnämnden"]),
        ("Compare the traffic and social committees", ["Trafiknämnden", "Socialnämnden"]),  # one body word
        # short English names in a list, beside a two-word one ('social services')
        (
            "Compare Kungsholmen, education, social services and traffic.",
            [KUNGSHOLMEN, "Utbildningsnämnden", "Socialnämnden", "Trafiknämnden"],
        ),
        ("Compare the goals as worded by Kungsholmen, traffic and EÅV", [KUNGSHOLMEN, "Trafiknämnden", EAV]),
        ("What do social services say about traffic or schools?", ["Socialnämnden"]),  # 'traffic': a topic
        ("Trafiken säger att den är central för två fokusområden", ["Trafiknämnden"]),  # it speaks
        # The social services name socialförvaltningen only where they speak.
        ("Vad tycker socialtjänsten om programmet?", ["Socialnämnden"]),
        (
            "Exemplen – vad tycker Kungsholmen, skolan, trafikkontoret och EÅV?",
            [KUNGSHOLMEN, "Utbildningsnämnden", "Trafiknämnden", EAV],
        ),  # in a list
        (
            "Avtalet – hur framställs det av skolan, soc, trafikkontoret och EÅV?",
            ["Utbildningsnämnden", "Socialnämnden", "Trafiknämnden", EAV],
        ),
        ("Boende och besökare – i vilket sammanhang? (soc, trafik, EÅV)", ["Socialnämnden", "Trafiknämnden", EAV]),
        ("Vad säger soc om trafik?", ["Socialnämnden"]),  # a name's first part alone, outside a list
        # a list read as a whole: 'trafikens' is listed once 'socs' is, and 'skolans' once 'trafikens' is
        (
            "Barnperspektivet – hur syns det i Kungsholmens, skolans, trafikens och socs svar?",
            [KUNGSHOLMEN, "Utbildningsnämnden", "Trafiknämnden", "Socialnämnden"],
        ),
        # misspelt by a letter, or cut short by the stemmer for it
        ("Vad föreslår skolförvaltnigen?", ["Utbildningsnämnden"]),
        ("Vad tycker socialförvaltnigen?", ["Socialnämnden"]),
        ("trafikkontret om belysning", ["Trafiknämnden"]),
        ("vad tycker socialtjansten om programmet", ["Socialnämnden"]),
        ("Vad skriver Kungsholmen och socialtjänsten om våldsbrott?", [KUNGSHOLMEN, "Socialnämnden"]),
        ("Vad står i socialtjänstens yttrande om skolan?", ["Socialnämnden"]),
        ("Vad tycker Kungsholmen om samarbetet med socialtjänsten?", [KUNGSHOLMEN]),
        ("Vad säger programmet om att socialtjänsten synliggörs?", []),
        # Not names: the same stems in words about something else.
        ("Vad säger programmet om sociala insatsgrupper och socialtjänsten?", []),
        ("What does the programme say about schools?", []),
        ("How does traffic affect social work?", []),
        ("Hur påverkas trafiken av skolans arbete?", []),
        # 'trafiken' names the traffic office where it speaks, not where traffic is spoken of
        ("Vad säger trafiken om belysning?", ["Trafiknämnden"]),
        ("Trafiken skriver att den är central för två fokusområden. Varför?", ["Trafiknämnden"]),
        ("Vad säger programmet om trafiken?", []),
        ("Trafiken: vilken sorts stad jobbar de för?", ["Trafiknämnden"]),  # a label that names whom
        ("Trafik: vad säger EÅV?", [EAV]),  # a label that names what about
        # two short names set against each other name both; after 'i' they are places
        ("Vad tycker skolan respektive trafiken om välfärdsbrott?", ["Utbildningsnämnden", "Trafiknämnden"]),
        ("tyck till appen, soc vs trafiken: hur ser de pa datan", ["Socialnämnden", "Trafiknämnden"]),
        ("Hur ser tryggheten i skolan respektive trafiken ut?", []),
        # two short names joined name both, unless what stands before makes them places or parties
        ("Ska besluten justeras omedelbart hos både skolan och trafiken?", ["Utbildningsnämnden", "Trafiknämnden"]),
        ("Hur ser samverkan mellan skolan och socialtjänsten ut?", []),
        # the last of a list, and the English short names beside another responder
        (
            "funktionshinderradet per namnd (kungsholmen, soc, trafik): datum?",
            [KUNGSHOLMEN, "Socialnämnden", "Trafiknämnden"],
        ),
        ("Traffic vs EÅV on safety coordinators – what does each say?", ["Trafiknämnden", EAV]),
        ("How does traffic safety relate to schools?", []),
        ("Vad säger trafikforskningen om socialt arbete?", []),
        ("What do Social Services and the traffic committee say?", ["Socialnämnden", "Trafiknämnden"]),
        # the stemmer cuts a bare form short ('trafikkontor' -> 'trafikkont'): still the committee's form
        ("How does the trafikkontor report define welfare crime?", ["Trafiknämnden"]),
        ("Vad säger trafikkonstruktioner om staden?", []),
        # a service opening the question and wanting something is its office ('Skolan vill inte …'); not so seeing
        ("Skolan vill inte använda polisens områdesstämplar. Stämmer det?", ["Utbildningsnämnden"]),
        ("Trafiken ser ut att öka i innerstaden", []),
        # an English possessive is the name ("the schools' and traffic's responses"); 'o' joins as 'och' does
        ("On which dates were the schools' and traffic's responses written?", ["Utbildningsnämnden", "Trafiknämnden"]),
        ("funkisrådet – fick det titta på ärendet hos skolan o soc?", ["Utbildningsnämnden", "Socialnämnden"]),
        # the body word first ('the Board of Education'), other English names of an office
        ("What does the Department of Education say about the police?", ["Utbildningsnämnden"]),
        ("Does the Office for Social Affairs mention gangs?", ["Socialnämnden"]),
        ("What does the streets office say about lighting?", ["Trafiknämnden"]),
        ("What does the social affairs committee say about lighting?", ["Socialnämnden"]),
        ("Which streets does the plan mention?", []),  # no body word: a topic
        # a national body is none of the city's committees: Trafikverket, Skolverket
        ("What does the Swedish Transport Administration say about the police?", []),
        ("What does the Swedish Board of Education say about the police?", []),
        # names listed before whose document: 'the Kungsholmen, education and traffic statements'
        (
            "Who signs each of the Kungsholmen, education and traffic statements?",
            ["Kungsholmens stadsdelsnämnd", "Utbildningsnämnden", "Trafiknämnden"],
        ),
    ],
)
def test_responders_named_in_order(question: str, named: list[str]) -> None:
    assert responders_in_order(question, RESPONDERS) == named
    assert named_responders(question, RESPONDERS) == tuple(sorted(named))


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Hur skiljer sig trafiknämndens och socialnämndens syn på platssamverkan?", "platssamverkan"),
        # A word that shares a name's stem is the topic, not a name.
        ("Vad säger socialnämnden och utbildningsnämnden om socialtjänstens roll?", "socialtjänstens roll"),
        ("Vad tycker EÅV och Kungsholmen om belysning?", "belysning"),
        ("Vad skriver Kungsholmen och socialtjänsten om våldsbrott?", "våldsbrott"),
        # A number that counts the responders frames the question; one that counts steps is the topic.
        ("Vad säger de fem nämnderna om underlag och uppföljning?", "underlag uppföljning"),
        ("Vad säger varje nämnd om de fem stegen?", "fem stegen"),
        ("Vilka nämder tar upp hbtq-perspektivet i sina svar?", "hbtq-perspektivet"),  # misspelt frame words too
        ("What do the traffic and education committees say about lighting?", "lighting"),
    ],
)
def test_topic_leaves_out_the_names(question: str, topic: str) -> None:
    assert topic_of(question, RESPONDERS) == topic
