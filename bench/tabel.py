"""Print the bench's measurements (bench/locustfile.py) as the README's table: p50 and p95 per page,
for all pages, and for the pages without the login (password hashing is slow on purpose)."""

import argparse
import json
import statistics

INLOGGEN = ("inloggen", "inloggen (formulier)")


def percentiel(waarden: list[float], p: float) -> float:
    if len(waarden) == 1:
        return waarden[0]
    return statistics.quantiles(waarden, n=100, method="inclusive")[int(p) - 1]


def regel(naam: str, waarden: list[float], fouten: int) -> str:
    return (
        f"| {naam} | {len(waarden)} | {fouten} | {percentiel(waarden, 50):.0f} | "
        f"{percentiel(waarden, 95):.0f} | {max(waarden):.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("metingen")
    parser.add_argument("--kop", default="")
    args = parser.parse_args()
    with open(args.metingen) as bestand:
        data = json.load(bestand)
    metingen, fouten = data["metingen"], data["fouten"]
    if args.kop:
        print(args.kop)
        print()
    print("| page | requests | errors | p50 ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for naam in sorted(metingen, key=lambda n: -percentiel(metingen[n], 95)):
        print(regel(naam, metingen[naam], fouten.get(naam, 0)))
    werk = [t for n, w in metingen.items() if n not in INLOGGEN for t in w]
    alles = [t for w in metingen.values() for t in w]
    werkfouten = sum(f for n, f in fouten.items() if n not in INLOGGEN)
    if werk:
        print(regel("**all pages except login**", werk, werkfouten))
    if alles:
        print(regel("**all requests**", alles, sum(fouten.values())))


if __name__ == "__main__":
    main()
