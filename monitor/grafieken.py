"""The charts of the monitor, as SVG: one module for the dashboard and the PDF.

matplotlib's object API (Figure, not pyplot) with the Agg backend: no global state, so it is safe in
web threads and Celery workers. Each chart comes with a text alternative that states the same numbers
(WCAG 1.1.1; PDF/UA), and is served as a data: URI image, which the CSP allows and which keeps any
style inside the SVG out of the page.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

from matplotlib import rc_context  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from .opmaak import getal, kpi_afgeschermd, kpi_waarde, onder_drempel  # noqa: E402
from .periode import maand_label  # noqa: E402

DONKER = "#1f3a68"
LICHT = "#9fb3d6"
GEHAALD = "#2a7a3b"
NIET_GEHAALD = "#b3261e"
GRIJS = "#5c5c5c"
RASTER = "#d9d9d9"

STIJL = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.edgecolor": RASTER,
    "axes.labelcolor": "#1a1a1a",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": "#1a1a1a",
    "ytick.color": "#1a1a1a",
    "svg.fonttype": "none",
    # Same input, same SVG: a rebuilt report does not differ in its chart ids.
    "svg.hashsalt": "skt-monitor",
}
BREEDTE = 6.4  # inches: the text width of an A4 page with 2 cm margins


@dataclass(frozen=True)
class Grafiek:
    titel: str
    svg: str
    alt: str

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")


def _svg(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": "SKT"})
    return buffer.getvalue()


def _nederlandse_getallen(as_, *, geheel: bool) -> None:
    """Dutch tick labels (decimal comma, thousands point); a count axis ticks whole numbers only."""
    if geheel:
        as_.set_major_locator(MaxNLocator(integer=True))
        as_.set_major_formatter(FuncFormatter(lambda waarde, _pos: getal(round(waarde))))
    else:
        as_.set_major_formatter(
            FuncFormatter(lambda waarde, _pos: getal(waarde, 0 if float(waarde).is_integer() else 1))
        )


def _assen_opmaken(ax, *, horizontaal: bool = False, geheel: bool = True) -> None:
    _nederlandse_getallen(ax.xaxis if horizontaal else ax.yaxis, geheel=geheel)
    ax.set_axisbelow(True)
    if horizontaal:
        ax.grid(axis="x", color=RASTER, linewidth=0.6)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
    else:
        ax.grid(axis="y", color=RASTER, linewidth=0.6)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)


def maandvergelijking(
    per_maand: dict[str, int], vorig_jaar: dict[str, int], titel: str, *, drempel: int | None = None
) -> Grafiek:
    """Meldingen per month against the same month a year earlier: grouped bars.

    With a threshold, a month under it has no bar and reads '< 5', in the chart and its text.
    """
    maanden = list(per_maand)
    vorige = list(vorig_jaar.values())
    nu = [per_maand[m] for m in maanden]
    vorige = (vorige + [0] * len(maanden))[: len(maanden)]

    def tekst(n) -> str:
        return f"< {drempel}" if drempel and onder_drempel(n, drempel) else getal(n)

    teksten_nu, teksten_vorig = [tekst(n) for n in nu], [tekst(v) for v in vorige]
    if drempel:
        nu = [0 if onder_drempel(n, drempel) else n for n in nu]
        vorige = [0 if onder_drempel(v, drempel) else v for v in vorige]
    labels = [maand_label(m) for m in maanden]
    jaar_nu = maanden[0][:4] if maanden else ""
    jaar_vorig = next(iter(vorig_jaar), "")[:4]
    with rc_context(STIJL):
        fig = Figure(figsize=(BREEDTE, 2.3))
        ax = fig.add_subplot()
        x = range(len(maanden))
        breedte = 0.38
        staven_vorig = ax.bar([i - breedte / 2 for i in x], vorige, breedte, color=LICHT, label=jaar_vorig)
        staven_nu = ax.bar([i + breedte / 2 for i in x], nu, breedte, color=DONKER, label=jaar_nu)
        for staven, teksten in ((staven_vorig, teksten_vorig), (staven_nu, teksten_nu)):
            ax.bar_label(staven, labels=teksten, padding=2, fontsize=8)
        ax.set_xticks(list(x), labels)
        ax.set_ylabel("meldingen")
        ax.margins(y=0.15)
        ax.legend(frameon=False, loc="upper left", ncols=2, bbox_to_anchor=(0, 1.18))
        _assen_opmaken(ax)
        svg = _svg(fig)
    delen = [
        f"{lab}: {n} (vorig jaar {v})" for lab, n, v in zip(labels, teksten_nu, teksten_vorig, strict=True)
    ]
    return Grafiek(titel, svg, f"{titel}. " + "; ".join(delen) + ".")


def balken(
    data: dict[str, int | float],
    titel: str,
    *,
    drempel: int | None = None,
    max_rijen: int = 14,
    eenheid: str = "meldingen",
) -> Grafiek:
    """Horizontal bars, largest first.

    With a threshold, the values under it are taken together as 'overig (kleine aantallen)'; that bar
    too shows '< 5' without a bar when the sum is small. No value under the threshold is named in the
    text alternative.
    """
    rijen = sorted(((k, v or 0) for k, v in data.items()), key=lambda t: -t[1])
    if drempel:
        klein = [(k, v) for k, v in rijen if onder_drempel(v, drempel)]
        if klein:
            rijen = [(k, v) for k, v in rijen if not onder_drempel(v, drempel)]
            rijen.append((OVERIG, sum(v for _, v in klein)))
    if len(rijen) > max_rijen:
        rest = sum(v for _, v in rijen[max_rijen - 1 :])
        rijen = rijen[: max_rijen - 1] + [("overige", rest)]
    rijen = list(reversed(rijen))
    labels = [k for k, _ in rijen]
    afgeschermd = [bool(drempel) and onder_drempel(v, drempel) for _, v in rijen]
    waarden = [0 if a else v for (_, v), a in zip(rijen, afgeschermd, strict=True)]
    teksten = [f"< {drempel}" if a else getal(v) for (_, v), a in zip(rijen, afgeschermd, strict=True)]
    with rc_context(STIJL):
        fig = Figure(figsize=(BREEDTE, 0.25 * max(len(rijen), 2) + 0.6))
        ax = fig.add_subplot()
        staven = ax.barh(range(len(rijen)), waarden, color=DONKER, height=0.62)
        ax.bar_label(staven, labels=teksten, padding=3, fontsize=8)
        ax.set_yticks(range(len(rijen)), labels)
        ax.set_xlabel(eenheid)
        ax.margins(x=0.12)
        _assen_opmaken(ax, horizontaal=True)
        svg = _svg(fig)
    delen = [
        f"{lab}: {tekst}"
        for lab, tekst, klein in zip(reversed(labels), reversed(teksten), reversed(afgeschermd), strict=True)
        if not klein
    ]
    if any(afgeschermd):
        delen.append(f"{OVERIG}: minder dan {drempel} samen")
    return Grafiek(titel, svg, f"{titel}. " + "; ".join(delen) + ".")


OVERIG = "overig (kleine aantallen)"


def doelen(kpis: list[dict], titel: str, *, drempel: int | None = None) -> Grafiek | None:
    """Percentages against their streefwaarde: a bar per KPI, a mark at the target."""
    # A percentage that would give away a small count is no bar and no text, as in the tables.
    rijen = [
        k
        for k in kpis
        if k["eenheid"] == "procent" and k["streefwaarde"] is not None and not kpi_afgeschermd(k, drempel)
    ]
    if not rijen:
        return None
    rijen = list(reversed(rijen))
    with rc_context(STIJL):
        fig = Figure(figsize=(BREEDTE, 0.42 * len(rijen) + 0.6))
        ax = fig.add_subplot()
        for i, k in enumerate(rijen):
            waarde = k["waarde"]
            kleur = (
                GEHAALD
                if k["status"] == "gehaald"
                else NIET_GEHAALD
                if k["status"] == "niet_gehaald"
                else GRIJS
            )
            ax.barh(i, waarde or 0, color=kleur, height=0.55)
            ax.plot([k["streefwaarde"]] * 2, [i - 0.38, i + 0.38], color="#1a1a1a", linewidth=2)
            ax.text(
                101,
                i,
                f"{kpi_waarde(waarde, 'procent')}  (doel {kpi_waarde(k['streefwaarde'], 'procent')})",
                va="center",
                fontsize=8,
            )
        ax.set_yticks(range(len(rijen)), [k["naam"] for k in rijen])
        ax.set_xlim(0, 100)
        ax.set_xlabel("procent; zwarte streep = streefwaarde")
        _assen_opmaken(ax, horizontaal=True, geheel=False)
        svg = _svg(fig)
    delen = [
        f"{k['naam']}: {kpi_waarde(k['waarde'], 'procent')}, "
        f"streefwaarde {kpi_waarde(k['streefwaarde'], 'procent')}"
        for k in reversed(rijen)
    ]
    return Grafiek(titel, svg, f"{titel}. " + "; ".join(delen) + ".")


def monitor_grafieken(cijfers: dict, *, drempel: int | None = None) -> dict[str, Grafiek]:
    """Every chart of a monitor, by name; the same set for the dashboard and the PDF."""
    from meldingen.vocab import Ingang, MelderSoort, Uitstroom

    m = cijfers["meldingen"]
    ingang = dict(Ingang.choices)
    melder = dict(MelderSoort.choices)
    uitstroom = dict(Uitstroom.choices)

    def met_labels(data: dict, namen: dict, onbekend: str = "Onbekend") -> dict:
        namen = {**namen, "onbekend": onbekend}
        return {str(namen.get(code, code)): n for code, n in data.items() if n}

    grafieken = {
        "per_maand": maandvergelijking(
            m["per_maand"],
            m["per_maand_vorig_jaar"],
            "Meldingen per maand, vergeleken met een jaar eerder",
            drempel=drempel,
        ),
        "per_team": balken(
            met_labels(m["per_team"], {}, "Nog geen team"), "Meldingen per team", drempel=drempel
        ),
        "per_leefgebied": balken(
            met_labels(m["per_leefgebied"], {}, "Nog niet bekend"),
            "Meldingen per leefgebied (een melding kan meerdere leefgebieden raken)",
            drempel=drempel,
        ),
        "per_ingang": balken(met_labels(m["per_ingang"], ingang), "Meldingen per ingang", drempel=drempel),
        "per_melder": balken(met_labels(m["per_melder"], melder), "Meldingen per melder", drempel=drempel),
        "per_uitstroom": balken(
            met_labels(m["per_uitstroom"], uitstroom, "Nog open of onbekend"),
            "Meldingen naar uitstroom",
            drempel=drempel,
        ),
    }
    if m.get("per_kern"):
        grafieken["per_kern"] = balken(
            met_labels(m["per_kern"], {}, "Onbekend"), "Meldingen per kern (woonplaats)", drempel=drempel
        )
    doel = doelen(cijfers["kpis"], "Percentages tegen de streefwaarde", drempel=drempel)
    if doel is not None:
        grafieken["doelen"] = doel
    return grafieken


def monitor_grafieken_bewaard(cijfers: dict, *, drempel: int | None = None) -> dict[str, Grafiek]:
    """The same charts, kept in the cache by their input: drawing them costs more than the figures,
    and a coordinator clicking back and forth asks for the same ones again."""
    import hashlib
    import json

    from django.core.cache import cache

    invoer = json.dumps(
        {"m": cijfers["meldingen"], "k": cijfers["kpis"], "d": drempel}, sort_keys=True, default=str
    ).encode("utf-8")
    sleutel = "monitor:grafieken:" + hashlib.sha256(invoer).hexdigest()
    return cache.get_or_set(sleutel, lambda: monitor_grafieken(cijfers, drempel=drempel), 3600)
