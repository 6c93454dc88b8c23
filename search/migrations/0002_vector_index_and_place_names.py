"""The GIN index of the search vector (PostgreSQL only), and the region's main towns as place-name synonyms."""

from django.db import migrations

#: (Polish, Czech, other names): the towns of the Opole and Olomouc agglomerations and their neighbours.
PLACES = [
    ("Opole", "Opolí", "Oppeln"),
    ("Ołomuniec", "Olomouc", "Olmütz"),
    ("Ostrawa", "Ostrava", ""),
    ("Prościejów", "Prostějov", "Prossnitz"),
    ("Przerów", "Přerov", "Prerau"),
    ("Kędzierzyn-Koźle", "Kędzierzyn-Koźle", "Kandrzin-Cosel"),
    ("Brzeg", "Břeh", "Brieg"),
    ("Nysa", "Nisa", "Neisse"),
    ("Krapkowice", "Krapkovice", "Krappitz"),
    ("Prudnik", "Prudník", ""),
    ("Głuchołazy", "Hlucholazy", "Ziegenhals"),
    ("Strzelce Opolskie", "Střelce Opolské", ""),
    ("Namysłów", "Namyslov", ""),
    ("Kluczbork", "Kluczbork", "Kreuzburg"),
    ("Racibórz", "Ratiboř", "Ratibor"),
    ("Wrocław", "Vratislav", "Breslau"),
    ("Katowice", "Katovice", ""),
    ("Kraków", "Krakov", ""),
    ("Warszawa", "Varšava", ""),
    ("Szternberk", "Šternberk", "Sternberg"),
    ("Uniczów", "Uničov", "Mährisch Neustadt"),
    ("Litowel", "Litovel", ""),
    ("Ołomuniecki kraj", "Olomoucký kraj", ""),
    ("Jesionik", "Jeseník", ""),
    ("Opawa", "Opava", "Troppau"),
    ("Szumperk", "Šumperk", "Mährisch Schönberg"),
    ("Hranice", "Hranice", ""),
    ("Zlate Góry", "Zlaté Hory", "Zuckmantel"),
    ("Cieszyn", "Český Těšín", "Teschen"),
    ("Praga", "Praha", "Prag"),
    ("Brno", "Brno", "Brünn"),
    ("Śląsk Opolski", "Opolské Slezsko", ""),
    ("Morawy", "Morava", "Mähren"),
]


def add_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_entry_vector ON search_searchentry USING gin (vector)"
        )


def drop_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector")


def add_places(apps, schema_editor):
    PlaceName = apps.get_model("search", "PlaceName")
    PlaceName.objects.bulk_create(
        PlaceName(polish=polish, czech=czech, other_names=others) for polish, czech, others in PLACES
    )


def remove_places(apps, schema_editor):
    apps.get_model("search", "PlaceName").objects.filter(polish__in=[place[0] for place in PLACES]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(add_vector_index, drop_vector_index),
        migrations.RunPython(add_places, remove_places),
    ]
