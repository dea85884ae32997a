"""The stories of the meldingen demo: what the meldingen are about, who reported them, and how each
one went. Only data and the plan of about 150 melding histories over 18 months, in every state;
poort/demo.py plays them through the services.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from meldingen.vocab import MelderSoort, TriageUitkomst, Uitstroom
from skt.models import Team

LOOPTIJD_DAGEN = 540  # about 18 months


@dataclass(frozen=True)
class Verhaal:
    """One inwoner's story, from the question to the outcome: the melding, the casus (goal, notes of
    each kind of contact, the result), the poort's direct answer and the closing of the melding all
    take their words from here, so an inwoner's records tell one story (issue 15)."""

    sleutel: str
    vraag: str  # in the inwoner's words, on the melding
    leefgebieden: tuple[str, ...]
    doel: str  # the casus goal
    kennismaking: str  # the first contact: a home visit
    thuis: tuple[str, ...]  # later home visits: what was done at the kitchen table
    gesprek: tuple[str, ...]  # phone, spreekuur, e-mail: what was talked about
    resultaat: str  # a casus closed with the goal reached
    pols: str  # the follow-up call after closing
    voorziening: str  # the algemene voorziening that fits
    verwijzing: str  # the 0e/1e lijn that fits
    direct: str  # what the poort answered on the spot
    vertrouwelijk: str = ""  # a note only the casushouder's team reads
    jeugd: bool = False


VERHALEN: tuple[Verhaal, ...] = (
    Verhaal(
        "post",
        "Ik krijg mijn post niet meer op orde sinds mijn man is overleden.",
        ("financien",),
        doel="Zelf de post openen, sorteren en de vaste lasten op tijd betalen.",
        kennismaking="Huisbezoek: kennismaking aan de keukentafel; twee dozen ongeopende post gezien. "
        "Afgesproken dat we die samen doorlopen.",
        thuis=(
            "Huisbezoek: samen de post gesorteerd in drie bakjes (betalen, bewaren, weg); twee "
            "aanmaningen eruit gehaald.",
            "Huisbezoek: automatische incasso's voor huur en energie ingesteld; de inwoner deed het "
            "zelf in de app van de bank.",
        ),
        gesprek=(
            "Nagevraagd of de aanmaningen betaald zijn: ja, allebei.",
            "Besproken hoe het rouwen gaat; de post voelt minder zwaar nu er een vast moment voor is.",
        ),
        resultaat="De inwoner houdt de administratie zelf bij; de vaste lasten worden op tijd betaald.",
        pols="Even gebeld: de post wordt elke maandag gedaan, er zijn geen nieuwe aanmaningen.",
        voorziening="de Formulierenbrigade in het dorpshuis",
        verwijzing="de thuisadministratie van de vrijwilligerscentrale",
        direct="Informatie gegeven over de Formulierenbrigade; de inwoner belt zelf voor een afspraak.",
    ),
    Verhaal(
        "alleen",
        "Ik zit de hele dag alleen thuis en zou graag weer mensen zien.",
        ("sociaal_netwerk", "tijdsbesteding"),
        doel="Eén vaste wekelijkse activiteit in het dorp vinden en daar zelfstandig naartoe gaan.",
        kennismaking="Huisbezoek: kennismaking; de inwoner komt de deur weinig uit sinds de buurvrouw "
        "verhuisde. Vroeger veel gekaart.",
        thuis=(
            "Huisbezoek: samen het activiteitenprogramma van het dorpshuis doorgenomen; de "
            "kaartmiddag op donderdag spreekt aan.",
            "Huisbezoek: de eerste kaartmiddag nabesproken; het was spannend maar leuk.",
        ),
        gesprek=(
            "Afgesproken dat de vrijwilliger donderdag meegaat naar de kaartmiddag.",
            "Nagevraagd hoe de tweede keer ging: zelf gegaan, met de fiets.",
        ),
        resultaat="De inwoner gaat elke donderdag zelf naar de kaartmiddag en kent er nu mensen.",
        pols="Even gebeld: nog steeds elke week naar de kaartmiddag, en nu ook naar de koffieochtend.",
        voorziening="de ontmoetingsplek in het dorpshuis",
        verwijzing="de ouderenadviseur van de welzijnsorganisatie",
        direct="Adres van het dorpshuis en het activiteitenprogramma gegeven.",
    ),
    Verhaal(
        "huur",
        "We hebben een huurachterstand en de toeslag is stopgezet.",
        ("financien", "huisvesting"),
        doel="Een overzicht van inkomsten en uitgaven en een betalingsregeling voor de huurachterstand.",
        kennismaking="Huisbezoek: kennismaking met het gezin; drie maanden huurachterstand, de "
        "huurtoeslag is stopgezet na een gewijzigd inkomen.",
        thuis=(
            "Huisbezoek: samen een overzicht van inkomsten en uitgaven gemaakt; er blijft elke maand "
            "een klein bedrag over.",
            "Huisbezoek: de nieuwe aanvraag voor huurtoeslag samen ingevuld en verstuurd.",
        ),
        gesprek=(
            "De woonconsulent gebeld: een betalingsregeling van zes maanden is mogelijk.",
            "Nagevraagd of de eerste termijn van de regeling betaald is: ja.",
        ),
        resultaat="De betalingsregeling loopt en de huurtoeslag is weer toegekend.",
        pols="Even gebeld: de regeling wordt betaald, er is geen nieuwe achterstand.",
        voorziening="het spreekuur geldzaken in het dorpshuis",
        verwijzing="de schuldhulpverlening van de gemeente",
        direct="Doorverwezen naar het spreekuur geldzaken; de inwoner maakt zelf een afspraak.",
    ),
    Verhaal(
        "mantelzorg",
        "Ik zorg voor mijn moeder met dementie en het wordt me te veel.",
        ("huiselijke_relaties",),
        doel="Afspraken over respijtzorg, zodat de mantelzorger één dag per week vrij heeft.",
        kennismaking="Huisbezoek: kennismaking; de inwoner zorgt elke dag voor haar moeder en slaapt "
        "slecht. Moeder was bij het gesprek.",
        thuis=(
            "Huisbezoek: samen een weekrooster gemaakt; de broer neemt de zaterdag over.",
            "Huisbezoek: met moeder kennisgemaakt met de vrijwilliger die op dinsdag komt.",
        ),
        gesprek=(
            "Het Meldpunt Mantelzorg gebeld voor een respijtdag; er is plek op dinsdag.",
            "Nagevraagd hoe de eerste vrije dinsdag ging: eindelijk naar de kapper geweest.",
        ),
        resultaat="De mantelzorger heeft elke dinsdag vrij; de broer doet de zaterdag.",
        pols="Even gebeld: de dinsdag houdt stand, de mantelzorger slaapt beter.",
        voorziening="het Meldpunt Mantelzorg",
        verwijzing="de casemanager dementie",
        direct="Doorverwezen naar het Meldpunt Mantelzorg.",
        vertrouwelijk="De mantelzorger vertelde dat ze soms boos wordt op haar moeder; besproken hoe "
        "ze dan even afstand neemt.",
    ),
    Verhaal(
        "overlast",
        "De buren klagen over overlast en de woningcorporatie stuurde een brief.",
        ("huisvesting",),
        doel="Een gesprek met de corporatie voorbereiden en afspraken met de buren maken.",
        kennismaking="Huisbezoek: kennismaking; de brief van de corporatie samen gelezen. De inwoner "
        "herkent de klachten deels (harde muziek 's avonds).",
        thuis=(
            "Huisbezoek: het gesprek met de corporatie voorbereid; wat de inwoner zelf wil afspreken "
            "opgeschreven.",
            "Huisbezoek: na het gesprek met de buren samen de afspraken op papier gezet.",
        ),
        gesprek=(
            "De woonconsulent gebeld: de corporatie wil eerst buurtbemiddeling proberen.",
            "Nagevraagd of het rustig is: sinds de afspraken geen nieuwe klachten.",
        ),
        resultaat="Afspraken met de buren gemaakt; de corporatie heeft de waarschuwing ingetrokken.",
        pols="Even gebeld: het is rustig gebleven, geen nieuwe brieven.",
        voorziening="buurtbemiddeling",
        verwijzing="buurtbemiddeling",
        direct="Uitgelegd hoe buurtbemiddeling werkt; de inwoner meldt zich daar zelf aan.",
    ),
    Verhaal(
        "heup",
        "Na mijn heupoperatie kan ik niet zelf boodschappen doen.",
        ("instrumentele_adl",),
        doel="Weer zelfstandig boodschappen doen, tot dan met hulp van de buurvrouw.",
        kennismaking="Huisbezoek: kennismaking; de inwoner loopt met een rollator sinds de operatie en "
        "kan de winkel niet halen.",
        thuis=(
            "Huisbezoek: samen boodschappen online besteld; bezorging op vrijdag.",
            "Huisbezoek: met de buurvrouw afgesproken dat zij op dinsdag meegaat naar de supermarkt.",
        ),
        gesprek=(
            "Nagevraagd hoe de fysiotherapie gaat: de afstand wordt elke week groter.",
            "Besproken wanneer de inwoner weer zelf naar de winkel wil proberen.",
        ),
        resultaat="De inwoner doet weer zelf boodschappen, met de rollator naar de supermarkt.",
        pols="Even gebeld: boodschappen gaan goed, de buurvrouw loopt nog af en toe mee.",
        voorziening="de boodschappendienst van de vrijwilligerscentrale",
        verwijzing="de fysiotherapeut en de huisarts",
        direct="Informatie gegeven over de boodschappendienst; de inwoner belt zelf.",
    ),
    Verhaal(
        "zorgverzekering",
        "Ik weet niet hoe ik een zorgverzekering en een huisarts regel.",
        ("instrumentele_adl", "financien"),
        doel="Een zorgverzekering en een huisarts geregeld, en weten waar je met vragen heen kunt.",
        kennismaking="Huisbezoek: kennismaking; de inwoner woont sinds kort in het dorp en heeft nog "
        "geen verzekering en geen huisarts.",
        thuis=(
            "Huisbezoek: samen verzekeringen vergeleken en de aanvraag ingevuld.",
            "Huisbezoek: de zorgtoeslag samen aangevraagd.",
        ),
        gesprek=(
            "De huisartsenpraktijk gebeld: de inwoner kan zich inschrijven.",
            "Nagevraagd of de polis binnen is: ja, en de eerste afspraak bij de huisarts staat.",
        ),
        resultaat="Verzekering, zorgtoeslag en huisarts geregeld; de inwoner weet de weg.",
        pols="Even gebeld: alles loopt, de inwoner heeft zelf een afspraak gemaakt bij de huisarts.",
        voorziening="de Formulierenbrigade",
        verwijzing="de huisartsenpraktijk",
        direct="Uitgelegd hoe een zorgverzekering werkt en verwezen naar de Formulierenbrigade.",
    ),
    Verhaal(
        "vergeetachtig",
        "Mijn vader vergeet afspraken en eet niet goed meer.",
        ("basale_adl", "geestelijke_gezondheid"),
        doel="Een vast dagritme met warme maaltijden, en een afspraak bij de huisarts over het geheugen.",
        kennismaking="Huisbezoek: kennismaking met de inwoner en zijn dochter; de koelkast was bijna "
        "leeg, op de kalender staan gemiste afspraken.",
        thuis=(
            "Huisbezoek: samen een groot weekbord opgehangen met de afspraken en de maaltijden.",
            "Huisbezoek: de eerste maaltijden van de maaltijdservice stonden in de koelkast; opgegeten.",
        ),
        gesprek=(
            "Met de dochter gebeld: zij belt haar vader nu elke ochtend.",
            "De huisarts gebeld over een geheugentest; afspraak gemaakt.",
        ),
        resultaat="Warme maaltijden via de maaltijdservice, een weekbord, en de huisarts volgt het geheugen.",
        pols="Even gebeld met de dochter: het dagritme houdt, de casemanager is betrokken.",
        voorziening="de maaltijdservice",
        verwijzing="de huisarts en de casemanager dementie",
        direct="Informatie gegeven over de maaltijdservice en de casemanager dementie.",
    ),
    Verhaal(
        "vrijwilligerswerk",
        "Ik wil vrijwilligerswerk doen, maar weet niet waar ik moet beginnen.",
        ("maatschappelijke_participatie",),
        doel="Een plek als vrijwilliger vinden die past bij wat de inwoner graag doet.",
        kennismaking="Huisbezoek: kennismaking; de inwoner is net met pensioen en was timmerman. Wil "
        "iets met de handen doen.",
        thuis=(
            "Huisbezoek: samen de vacaturebank doorgekeken; de repair café en de kinderboerderij "
            "spreken aan.",
            "Huisbezoek: de eerste ochtend bij het repair café nabesproken.",
        ),
        gesprek=(
            "Het vrijwilligerssteunpunt gebeld: het repair café zoekt iemand voor de zaterdag.",
            "Nagevraagd hoe de eerste weken gaan: de inwoner heeft er plezier in.",
        ),
        resultaat="De inwoner is vrijwilliger bij het repair café op zaterdag.",
        pols="Even gebeld: nog steeds elke zaterdag bij het repair café.",
        voorziening="het vrijwilligerssteunpunt",
        verwijzing="het vrijwilligerssteunpunt",
        direct="Doorverwezen naar het vrijwilligerssteunpunt en de vacaturebank.",
    ),
    Verhaal(
        "schulden",
        "Ik heb schulden bij meerdere partijen en durf de post niet open te maken.",
        ("financien",),
        doel="Een overzicht van alle schulden en een aanmelding bij de schuldhulpverlening.",
        kennismaking="Huisbezoek: kennismaking; een la vol ongeopende brieven. De inwoner schaamt zich "
        "en wil het nu aanpakken.",
        thuis=(
            "Huisbezoek: samen de brieven geopend en alle schuldeisers op een lijst gezet.",
            "Huisbezoek: de aanmelding voor de schuldhulpverlening samen ingevuld.",
        ),
        gesprek=(
            "Twee schuldeisers gebeld om de incasso even te laten rusten; dat is gelukt.",
            "Nagevraagd of de intake bij de schuldhulpverlening gepland is: ja, over twee weken.",
        ),
        resultaat="Alle schulden staan op een lijst en de schuldhulpverlening is gestart.",
        pols="Even gebeld: de schuldhulpverlening loopt, de post wordt nu wel geopend.",
        voorziening="het spreekuur geldzaken",
        verwijzing="de schuldhulpverlening van de gemeente",
        direct="Doorverwezen naar het spreekuur geldzaken.",
        vertrouwelijk="De inwoner vertelde over gokken in het verleden; nu niet meer, zegt hij.",
    ),
    Verhaal(
        "baan",
        "Ik ben mijn baan kwijt en zit erg in de put.",
        ("werk_opleiding", "geestelijke_gezondheid"),
        doel="Weer een dagritme, en een afspraak bij de praktijkondersteuner voor de somberheid.",
        kennismaking="Huisbezoek: kennismaking; de inwoner slaapt tot de middag sinds het ontslag en "
        "ziet weinig mensen.",
        thuis=(
            "Huisbezoek: samen een weekplanning gemaakt met vaste tijden om op te staan en te wandelen.",
            "Huisbezoek: het cv samen bijgewerkt.",
        ),
        gesprek=(
            "Met de inwoner de afspraak bij de praktijkondersteuner GGZ besproken; hij gaat.",
            "Nagevraagd hoe de eerste week met de planning ging: vier van de vijf dagen gelukt.",
        ),
        resultaat="Een vast dagritme; de inwoner heeft hulp van de praktijkondersteuner en solliciteert.",
        pols="Even gebeld: het gaat beter, er is een proefplaatsing bij een bouwbedrijf.",
        voorziening="het Werkplein",
        verwijzing="de praktijkondersteuner GGZ van de huisarts",
        direct="Doorverwezen naar het Werkplein en de huisarts.",
    ),
    Verhaal(
        "drank",
        "Mijn zoon drinkt te veel en er is vaak ruzie thuis.",
        ("middelengebruik", "huiselijke_relaties"),
        doel="Rust in huis, en de zoon in gesprek met de verslavingszorg.",
        kennismaking="Huisbezoek: kennismaking met de ouders; de zoon (22) was niet thuis. Veel "
        "spanning aan tafel.",
        thuis=(
            "Huisbezoek: met het hele gezin afspraken gemaakt over drinken in huis.",
            "Huisbezoek: met de zoon alleen gesproken; hij wil zelf minderen.",
        ),
        gesprek=(
            "De verslavingszorg gebeld: de zoon kan op het inloopspreekuur komen.",
            "Nagevraagd hoe het thuis gaat: minder ruzie, de zoon is naar het inloopspreekuur geweest.",
        ),
        resultaat="De zoon is in behandeling bij de verslavingszorg; er zijn afspraken in huis.",
        pols="Even gebeld: het is rustiger thuis, de behandeling loopt.",
        voorziening="de oudergroep van de verslavingszorg",
        verwijzing="de verslavingszorg (ambulant)",
        direct="Informatie gegeven over het inloopspreekuur van de verslavingszorg.",
        vertrouwelijk="Moeder vertelde dat er ook geduwd is; besproken wat te doen als het escaleert.",
    ),
    Verhaal(
        "wassen",
        "Ik kan mezelf niet goed meer wassen en aankleden.",
        ("basale_adl", "lichamelijke_gezondheid"),
        doel="Veilig wassen en aankleden, met de hulp die daarvoor nodig is.",
        kennismaking="Huisbezoek: kennismaking; de douche is boven en de trap lukt slecht. De inwoner "
        "wast zich nu aan de wastafel beneden.",
        thuis=(
            "Huisbezoek: de badkamer bekeken; een douchestoel en beugels zouden helpen.",
            "Huisbezoek: met de wijkverpleging afgestemd wie wanneer komt.",
        ),
        gesprek=(
            "De wijkverpleegkundige gebeld over hulp bij het douchen.",
            "Nagevraagd of de douchestoel geleverd is: ja, het gaat beter.",
        ),
        resultaat="Wassen en aankleden gaan weer, met de wijkverpleging twee ochtenden per week.",
        pols="Even gebeld: de wijkverpleging komt, de inwoner redt het.",
        voorziening="de uitleen van hulpmiddelen",
        verwijzing="de wijkverpleging (Zorgverzekeringswet)",
        direct="Doorverwezen naar de wijkverpleging.",
    ),
    Verhaal(
        "detentie",
        "Ik kom net uit detentie en heb geen woning.",
        ("justitie", "huisvesting"),
        doel="Een slaapplek, een inschrijving als woningzoekende en een uitkering.",
        kennismaking="Gesprek op het spreekuur als kennismaking; de inwoner slaapt bij een vriend op de "
        "bank en heeft geen inkomen.",
        thuis=(
            "Langs geweest bij de vriend waar de inwoner slaapt; samen de uitkering aangevraagd.",
            "Langs geweest: de inschrijving als woningzoekende samen afgerond.",
        ),
        gesprek=(
            "De reclassering gebeld; de reclasseringswerker sluit aan bij het volgende gesprek.",
            "Nagevraagd of de uitkering is toegekend: ja, vanaf volgende maand.",
        ),
        resultaat="Inkomen geregeld en ingeschreven als woningzoekende; de reclassering begeleidt.",
        pols="Even gebeld: de inwoner heeft een kamer gevonden.",
        voorziening="de maatschappelijke opvang",
        verwijzing="de reclassering en de maatschappelijke opvang",
        direct="Doorverwezen naar de maatschappelijke opvang en de reclassering.",
    ),
    Verhaal(
        "overdag",
        "Wij vragen ons af of er in het dorp iets is voor ouderen overdag.",
        (),
        doel="Een plek overdag in het dorp vinden waar de inwoner graag heen gaat.",
        kennismaking="Huisbezoek: kennismaking met het echtpaar; ze zoeken iets voor overdag nu "
        "fietsen niet meer lukt.",
        thuis=(
            "Huisbezoek: samen de dagactiviteiten in het dorp doorgenomen.",
            "Huisbezoek: de eerste keer dagactiviteit nabesproken; ze willen blijven gaan.",
        ),
        gesprek=(
            "Het dorpshuis gebeld: er is plek op maandag en woensdag.",
            "Nagevraagd hoe het vervoer gaat: de buurtbus rijdt ze.",
        ),
        resultaat="Het echtpaar gaat twee keer per week naar de dagactiviteit in het dorpshuis.",
        pols="Even gebeld: ze gaan nog steeds, met de buurtbus.",
        voorziening="de dagactiviteit in het dorpshuis",
        verwijzing="de ouderenadviseur",
        direct="Het activiteitenprogramma voor ouderen in het dorpshuis gegeven.",
    ),
    Verhaal(
        "formulieren",
        "Kan iemand helpen met het invullen van formulieren van de gemeente?",
        ("instrumentele_adl",),
        doel="De formulieren ingevuld, en weten waar je voortaan terecht kunt.",
        kennismaking="Huisbezoek: kennismaking; het gaat om de kwijtschelding van de gemeentelijke "
        "belastingen.",
        thuis=(
            "Huisbezoek: samen het formulier voor kwijtschelding ingevuld.",
            "Huisbezoek: de bijlagen (bankafschriften) samen verzameld.",
        ),
        gesprek=(
            "Nagevraagd of de kwijtschelding is toegekend: ja.",
            "Besproken dat de Formulierenbrigade voortaan helpt.",
        ),
        resultaat="De kwijtschelding is toegekend; de inwoner gaat voortaan naar de Formulierenbrigade.",
        pols="Even gebeld: de inwoner is zelf naar de Formulierenbrigade geweest.",
        voorziening="de Formulierenbrigade",
        verwijzing="de Formulierenbrigade",
        direct="Informatie gegeven over de Formulierenbrigade; de inwoner belt zelf.",
    ),
    Verhaal(
        "val",
        "Sinds mijn val lukt het thuis niet meer zonder hulp; ik loop nu met een stok.",
        ("basale_adl", "instrumentele_adl", "lichamelijke_gezondheid"),
        doel="Veilig thuis blijven wonen, met hulp voor wat niet meer lukt.",
        kennismaking="Huisbezoek: kennismaking; de woning is rommelig, de afwas staat er al dagen. De "
        "inwoner loopt moeizaam met een stok.",
        thuis=(
            "Huisbezoek: samen gekeken wat nog wel lukt; koken en de lichte was wel, stofzuigen niet.",
            "Huisbezoek: met de zoon afgesproken dat hij op zaterdag de boodschappen doet.",
        ),
        gesprek=(
            "De fysiotherapeut gebeld over oefeningen om vallen te voorkomen.",
            "Nagevraagd hoe het gaat met de stok: binnen gaat het, buiten nog niet.",
        ),
        resultaat="Thuis gaat het weer, met de zoon en hulp bij het huishouden.",
        pols="Even gebeld: geen nieuwe val, de hulp komt elke week.",
        voorziening="de valpreventiecursus in het dorpshuis",
        verwijzing="de fysiotherapeut",
        direct="Informatie gegeven over de valpreventiecursus.",
    ),
    Verhaal(
        "spijbelen",
        "Onze dochter spijbelt en we weten niet meer hoe we met haar moeten praten.",
        ("huiselijke_relaties",),
        doel="Weer in gesprek met de dochter, en de dochter elke dag naar school.",
        kennismaking="Huisbezoek: kennismaking met de ouders; de dochter (14) zat boven en wilde niet "
        "praten.",
        thuis=(
            "Huisbezoek: met de dochter alleen gesproken; ze wordt gepest in de klas.",
            "Huisbezoek: met het gezin afspraken gemaakt over school en mobiel.",
        ),
        gesprek=(
            "De mentor gebeld over het pesten; de school pakt het op.",
            "Nagevraagd hoe de schoolweek ging: elke dag geweest.",
        ),
        resultaat="De dochter gaat weer elke dag naar school; de ouders en de mentor hebben contact.",
        pols="Even gebeld: de dochter gaat naar school, het pesten is gestopt.",
        voorziening="de oudercursus van het centrum voor jeugd en gezin",
        verwijzing="leerplicht en het schoolmaatschappelijk werk",
        direct="Informatie gegeven over de oudercursus; de ouders melden zich zelf aan.",
        jeugd=True,
    ),
    Verhaal(
        "gamen",
        "Mijn zoon heeft weinig vrienden en zit alleen op zijn kamer te gamen.",
        ("sociaal_netwerk",),
        doel="Eén activiteit buiten de deur met leeftijdgenoten.",
        kennismaking="Huisbezoek: kennismaking met moeder en zoon (13); hij vertelt enthousiast over "
        "zijn games, minder over school.",
        thuis=(
            "Huisbezoek: met de zoon gekeken wat hij leuk vindt; de e-sportclub van het jongerenwerk.",
            "Huisbezoek: de eerste avond bij de club nabesproken; hij gaat weer.",
        ),
        gesprek=(
            "De jongerenwerker gebeld; hij haalt de zoon de eerste keer op.",
            "Nagevraagd hoe het gaat: twee vrienden gemaakt bij de club.",
        ),
        resultaat="De zoon gaat elke week naar de club van het jongerenwerk.",
        pols="Even gebeld: hij gaat nog steeds, en ook naar de voetbaltraining.",
        voorziening="het jongerenwerk",
        verwijzing="het jongerenwerk",
        direct="Informatie gegeven over het jongerenwerk.",
        jeugd=True,
    ),
    Verhaal(
        "ontbijt",
        "Het kind zit vaak zonder ontbijt op school en komt moe binnen.",
        ("basale_adl", "huiselijke_relaties"),
        doel="Het kind ontbijt elke dag en slaapt genoeg.",
        kennismaking="Huisbezoek: kennismaking met moeder; zij werkt vroege diensten en het kind "
        "maakt zich zelf klaar.",
        thuis=(
            "Huisbezoek: samen een ochtendritme gemaakt; de buurvrouw kijkt op de vroege dagen.",
            "Huisbezoek: nagekeken hoe het ochtendritme loopt; het kind ontbijt nu.",
        ),
        gesprek=(
            "De intern begeleider gebeld: het kind komt uitgeruster binnen.",
            "Nagevraagd hoe de avonden gaan: op tijd naar bed.",
        ),
        resultaat="Het kind ontbijt elke dag; de buurvrouw helpt op de vroege dagen.",
        pols="Even gebeld met de school: het gaat goed.",
        voorziening="het ontbijt op school",
        verwijzing="de jeugdgezondheidszorg van de GGD",
        direct="Informatie gegeven over het ontbijt op school.",
        jeugd=True,
    ),
)
_OP_VRAAG = {v.vraag: v for v in VERHALEN}
# The generic story (a fall): for a question outside the library, and for plans that start without one.
OVERIG_VERHAAL = _OP_VRAAG["Sinds mijn val lukt het thuis niet meer zonder hulp; ik loop nu met een stok."]


def verhaal_van(vraag: str) -> Verhaal:
    """The story behind a melding's question; an unknown question gets the generic story of a fall."""
    return _OP_VRAAG.get(vraag, OVERIG_VERHAAL)


def verhaal(sleutel: str) -> Verhaal:
    return next(v for v in VERHALEN if v.sleutel == sleutel)


# The questions the meldingen demo draws from (the story of a fall only starts plans).
VRAGEN: list[tuple[str, tuple[str, ...]]] = [
    (v.vraag, v.leefgebieden) for v in VERHALEN if not v.jeugd and v.sleutel != "val"
]
JEUGDVRAGEN: list[tuple[str, tuple[str, ...]]] = [(v.vraag, v.leefgebieden) for v in VERHALEN if v.jeugd]
# Third-party melders; their names are not those of inwoners or staff of the demo.
DERDEN: list[tuple[str, str, str]] = [
    (MelderSoort.HUISARTS, "Huisartsenpraktijk De Linde, dr. Lindeman", "0481-371 200"),
    (MelderSoort.WIJKVERPLEGING, "Wijkverpleegkundige Sandra Hoekstra", "06-4123 5567"),
    (MelderSoort.SCHOOL, "Intern begeleider basisschool De Klimop", "ib@klimop.demo.invalid"),
    (MelderSoort.WONINGCORPORATIE, "Woonconsulent Mark Verbeek", "026-355 8000"),
    (MelderSoort.POLITIE, "Wijkagent Ruud Schouten", "0900-8844 (via de wijkagent)"),
    (MelderSoort.BUURTBEWONER, "Buurvrouw mevrouw Koster", "06-2233 4455"),
    (MelderSoort.MANTELZORGER, "Dochter van de inwoner", "06-9988 7766"),
    (MelderSoort.GGD, "Jeugdverpleegkundige GGD", "jgz@ggd.demo.invalid"),
    (MelderSoort.ZORGAANBIEDER, "Thuiszorg De Betuwe, planner", "0488-42 10 00"),
    (MelderSoort.VRIJWILLIGER, "Vrijwilliger van de Formulierenbrigade", "06-1212 3434"),
]
REDENEN = {
    TriageUitkomst.KERNTEAM: [
        "Vraag op meerdere leefgebieden; het kernteam van de kern gaat met de inwoner in gesprek.",
        "Past bij kortdurende ondersteuning dichtbij huis; kernteam pakt het op.",
        "Inwoner wil graag iemand uit het dorp; naar het kernteam.",
    ],
    TriageUitkomst.KERNTEAM_CONSULENT: [
        "Waarschijnlijk is maatwerk nodig; gezamenlijk huisbezoek van kernteam en consulent.",
    ],
    TriageUitkomst.LOKET: [
        "Maatwerkvoorziening waarschijnlijk nodig en de situatie is complex; direct naar het loket.",
        "Inwoner heeft al een lopende indicatie; het loket is aan zet.",
    ],
    TriageUitkomst.VEILIG_THUIS: [
        "Zorgen over de veiligheid in huis; naar het loket, dat met Veilig Thuis overlegt.",
    ],
    TriageUitkomst.DIRECT: [
        "Informatie gegeven over de Formulierenbrigade; inwoner belt zelf.",
        "Doorverwezen naar het Meldpunt Mantelzorg.",
        "Vraag over openingstijden en de aanvraag van een gehandicaptenparkeerkaart beantwoord.",
        "Adres van het wijkcentrum en het activiteitenprogramma gegeven.",
    ],
}
JEUGD_MOTIVATIE = (
    "Lichte opvoedvraag; de ouders willen ondersteuning dichtbij en het kernteam kent het gezin al "
    "van de buurtactiviteiten. Bij zwaardere zorgen schakelen we het loket in."
)
# How a melding was closed, in words that fit its story (``toelichting``).
TOELICHTING = {
    Uitstroom.EIGEN_KRACHT: "De inwoner regelt het verder zelf, met hulp uit de eigen omgeving.",
    Uitstroom.VRIJWILLIGE_INZET: "Gekoppeld aan een maatje van de vrijwilligerscentrale.",
    Uitstroom.ALGEMENE_VOORZIENING: "Aangemeld bij {voorziening}.",
    Uitstroom.KORTDURENDE_ONDERSTEUNING: "Vijf gesprekken. {resultaat}",
    Uitstroom.DOORVERWEZEN_0E_1E_LIJN: "Doorverwezen naar {verwijzing}.",
    Uitstroom.MAATWERK_LOKET: "Voorwerk-arrangement ingediend bij het loket.",
    Uitstroom.GEEN_VERVOLG: "De inwoner wilde na het eerste gesprek geen vervolg.",
}


def toelichting(uitstroom: str, vraag: str) -> str:
    vh = verhaal_van(vraag)
    return TOELICHTING.get(uitstroom, "").format(
        voorziening=vh.voorziening, verwijzing=vh.verwijzing, resultaat=vh.resultaat
    )


@dataclass
class Verloop:
    """How one demo melding went."""

    team: Team | None  # None: the inwoner's kern decides (anonymous ones need a team)
    dagen: int  # aanmelding, days ago
    uitkomst: str | None = None  # None: untriaged, still in the poort's queue
    contact_na: int | None = None  # days after aanmelding
    sluiten_na: int | None = None  # days after aanmelding
    uitstroom: str | None = None
    derde: bool = False
    terugkoppeling: str = ""  # "", "gedaan" or "open"
    jeugd: bool = False
    anoniem: bool = False
    spreekuur: bool = False  # registered by the team's beroepskracht at the spreekuur
    doorschakelen_naar: Team | None = None
    doorschakel_uitkomst: str = TriageUitkomst.KERNTEAM


def verlopen(rng: random.Random, focus: Team, andere: list[Team], loket: Team) -> list[Verloop]:
    """About 150 melding histories; ``focus`` is the demo beroepskracht's team."""
    kernteams = [focus, *andere]
    tweede = andere[0] if andere else focus
    derde = andere[1] if len(andere) > 1 else tweede
    K, KC, L, VT, D = (
        TriageUitkomst.KERNTEAM,
        TriageUitkomst.KERNTEAM_CONSULENT,
        TriageUitkomst.LOKET,
        TriageUitkomst.VEILIG_THUIS,
        TriageUitkomst.DIRECT,
    )
    v: list[Verloop] = []

    # Untriaged: the poort's queue.
    for dagen in (0, 0, 1, 1, 2, 3, 3):
        v.append(Verloop(rng.choice(kernteams), dagen, derde=rng.random() < 0.3))
    v.append(Verloop(None, 1, anoniem=True))

    # Awaiting first contact. Team Elst: past the term and within it, a jeugd melding the
    # kernteam takes with a motivation, one for a joint home visit.
    for dagen in (8, 9, 11, 13, 16, 20):
        v.append(Verloop(focus, dagen, K, derde=dagen == 11, spreekuur=dagen == 9))
    for dagen in (0, 1, 2, 3, 4):
        v.append(Verloop(focus, dagen, K, spreekuur=dagen == 2))
    v.append(Verloop(focus, 3, K, jeugd=True))
    v.append(Verloop(focus, 4, KC))
    for team in (tweede, derde):
        v += [Verloop(team, 10, K), Verloop(team, 2, K), Verloop(team, 15 if team == tweede else 1, K)]
    v += [Verloop(loket, 9, L), Verloop(loket, 2, L, jeugd=True), Verloop(loket, 2, VT, derde=True)]

    # In behandeling.
    for i, dagen in enumerate((24, 31, 38, 45, 52, 60, 75, 88, 96, 110, 124, 138, 150, 165)):
        v.append(
            Verloop(
                focus,
                dagen,
                KC if i in (3, 9) else K,
                contact_na=rng.choice([1, 2, 3, 4, 5, 7]),
                spreekuur=i % 5 == 0,
            )
        )
    for team, dagens in ((tweede, (18, 40, 70, 120)), (derde, (22, 55, 90))):
        for dagen in dagens:
            v.append(Verloop(team, dagen, K, contact_na=rng.choice([1, 3, 4, 6])))
    for dagen in (14, 35):
        v.append(Verloop(loket, dagen, L, contact_na=rng.choice([2, 5])))
    v.append(Verloop(loket, 28, VT, contact_na=1))

    # Closed by a team: every uitstroom, spread over 18 months.
    uitstromen = [
        u for u in Uitstroom.values if u not in (Uitstroom.VEILIG_THUIS, Uitstroom.DIRECT_BEANTWOORD)
    ]
    gewichten = {Uitstroom.MAATWERK_LOKET: 2, Uitstroom.KORTDURENDE_ONDERSTEUNING: 3}
    for i in range(68):
        dagen = rng.randint(25, LOOPTIJD_DAGEN)
        uitstroom = (
            uitstromen[i]
            if i < len(uitstromen)
            else rng.choices(uitstromen, weights=[gewichten.get(u, 1) for u in uitstromen])[0]
        )
        team = kernteams[i % len(kernteams)] if i % 6 else loket
        uitkomst = L if team == loket else (KC if uitstroom == Uitstroom.MAATWERK_LOKET else K)
        zonder_contact = uitstroom == Uitstroom.GEEN_VERVOLG and i % 2 == 0
        contact_na = (
            None if zonder_contact else rng.choices([0, 1, 2, 3, 4, 5, 6, 8], [1, 3, 3, 3, 2, 2, 1, 1])[0]
        )
        v.append(
            Verloop(
                team,
                dagen,
                uitkomst,
                contact_na=contact_na,
                sluiten_na=min((contact_na or 3) + rng.randint(3, 120), dagen - 1),
                uitstroom=uitstroom,
                terugkoppeling="gedaan" if i % 7 == 3 else "",
                jeugd=uitkomst == L and i % 4 == 0,
                spreekuur=team == focus and i % 5 == 0,
            )
        )
    v.append(Verloop(loket, 200, VT, contact_na=0, sluiten_na=30, uitstroom=Uitstroom.VEILIG_THUIS))
    # The one terugkoppeling still open: closed last week in team Elst.
    v.append(
        Verloop(
            focus,
            30,
            K,
            contact_na=2,
            sluiten_na=23,
            uitstroom=Uitstroom.EIGEN_KRACHT,
            terugkoppeling="open",
        )
    )

    # Answered on the spot by the poort.
    for i in range(22):
        uitstroom = [
            Uitstroom.DIRECT_BEANTWOORD,
            Uitstroom.DIRECT_BEANTWOORD,
            Uitstroom.ALGEMENE_VOORZIENING,
            Uitstroom.DOORVERWEZEN_0E_1E_LIJN,
            Uitstroom.EIGEN_KRACHT,
        ][i % 5]
        v.append(
            Verloop(
                rng.choice(kernteams) if i % 11 else None,
                rng.randint(0, LOOPTIJD_DAGEN),
                D,
                uitstroom=uitstroom,
                anoniem=i % 11 == 0,
            )
        )

    # Two doorgeschakelde: moved to Elst (awaiting contact there), and from Elst to the loket.
    v.append(Verloop(derde, 4, K, doorschakelen_naar=focus))
    v.append(Verloop(focus, 40, K, doorschakelen_naar=loket, doorschakel_uitkomst=L, contact_na=6))
    return v
