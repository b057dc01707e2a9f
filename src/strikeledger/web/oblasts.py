"""Names of Ukraine's first-level regions by ISO 3166-2 code (for labels and the area filter)."""

from __future__ import annotations

OBLAST_NAMES: dict[str, str] = {
    "UA-05": "Vinnytsia Oblast",
    "UA-07": "Volyn Oblast",
    "UA-09": "Luhansk Oblast",
    "UA-12": "Dnipropetrovsk Oblast",
    "UA-14": "Donetsk Oblast",
    "UA-18": "Zhytomyr Oblast",
    "UA-21": "Zakarpattia Oblast",
    "UA-23": "Zaporizhzhia Oblast",
    "UA-26": "Ivano-Frankivsk Oblast",
    "UA-30": "Kyiv",
    "UA-32": "Kyiv Oblast",
    "UA-35": "Kirovohrad Oblast",
    "UA-40": "Sevastopol",
    "UA-43": "Crimea",
    "UA-46": "Lviv Oblast",
    "UA-48": "Mykolaiv Oblast",
    "UA-51": "Odesa Oblast",
    "UA-53": "Poltava Oblast",
    "UA-56": "Rivne Oblast",
    "UA-59": "Sumy Oblast",
    "UA-61": "Ternopil Oblast",
    "UA-63": "Kharkiv Oblast",
    "UA-65": "Kherson Oblast",
    "UA-68": "Khmelnytskyi Oblast",
    "UA-71": "Cherkasy Oblast",
    "UA-74": "Chernihiv Oblast",
    "UA-77": "Chernivtsi Oblast",
}
