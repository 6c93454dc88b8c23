"""The downloads' file formats: CSV (RFC 4180), JSON and GeoJSON (RFC 7946), from the declared columns.

CSV cells that a spreadsheet would run as a formula (starting with = + - @, or a
tab or carriage return) get a leading apostrophe (OWASP's advice on CSV injection);
negative numbers stay numbers, since they are written from floats, not text.
"""

import csv
import datetime
import io
import json

from django.core.serializers.json import DjangoJSONEncoder

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def to_csv(collection, items, scope):
    """UTF-8 with a header row, every cell quoted when needed, CRLF line ends as RFC 4180 says."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.name for column in collection.columns])
    for item in items:
        writer.writerow([csv_cell(column.value(item, scope)) for column in collection.columns])
    return buffer.getvalue().encode()


def record(collection, item, scope):
    return {column.name: column.value(item, scope) for column in collection.columns}


def to_json(collection, items, scope):
    document = {
        "collection": collection.name,
        "locale": scope.locale,
        "licence": LICENCE,
        "items": [record(collection, item, scope) for item in items],
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False).encode()


def to_geojson(collection, items, scope):
    """Items with both coordinates as Points, [longitude, latitude]; the columns are the properties."""
    features = []
    for item in items:
        if item.latitude is None or item.longitude is None:
            continue
        properties = record(collection, item, scope)
        features.append(
            {
                "type": "Feature",
                "id": item.pk,
                "geometry": {"type": "Point", "coordinates": [float(item.longitude), float(item.latitude)]},
                "properties": properties,
            }
        )
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, cls=DjangoJSONEncoder, ensure_ascii=False
    ).encode()


LICENCE = "http://creativecommons.org/licenses/by/4.0/"

#: format -> (writer, Content-Type, IANA media type URI, EU file type URI)
FORMATS = {
    "csv": (
        to_csv,
        "text/csv; charset=utf-8; header=present",
        "http://www.iana.org/assignments/media-types/text/csv",
        "http://publications.europa.eu/resource/authority/file-type/CSV",
    ),
    "json": (
        to_json,
        "application/json",
        "http://www.iana.org/assignments/media-types/application/json",
        "http://publications.europa.eu/resource/authority/file-type/JSON",
    ),
    "geojson": (
        to_geojson,
        "application/geo+json",
        "http://www.iana.org/assignments/media-types/application/geo+json",
        "http://publications.europa.eu/resource/authority/file-type/GEOJSON",
    ),
}


def formats_of(collection):
    return [name for name in FORMATS if name != "geojson" or collection.geographic]
