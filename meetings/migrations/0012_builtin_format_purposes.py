"""The built-in formats get a purpose and the method they come from (the fields are 0011's),
shown when a meeting is planned."""

from django.db import migrations

PURPOSES = {
    'teamsparring': (
        'Teamet giver sparring på en sag, som en sagsbehandler har med, og samler de generelle læringspunkter op.',
        'Socialstyrelsen: fælles læring på baggrund af teamsparring om enkeltsager',
    ),
    'faglig-sparring': (
        'Kollegial sparring på en sag med genogram og tidslinje, ledet af den faglige koordinator, på højst en time.',
        'Proces for teamunderstøttelse af den faglige udvikling (Faglig udvikling: Hvordan skabes der læring gennem det daglige arbejde?)',
    ),
    'systematisk-laeringsmoede': (
        'En kort, fast læringsrunde hver anden uge: en kollega fremlægger en sag, de andre stiller læringsspørgsmål.',
        'Systematiske læringsmøder og læringsbesøg',
    ),
    'tvaerfagligt-moede': (
        'Sparring på tværs af faggrupper om en kompleks sag, der er gået i stå, med en observatør pr. sag.',
        'Jobcenter Odder: arbejdsgang for faglig sparring på tværfaglige møder (Bilag 4 i Videndeling som læringsstrategi i socialt arbejde)',
    ),
    'tema-laeringsmoede': (
        'Et længere læringsmøde om et tema cirka hver tredje måned, der ender i et produkt, som teamet arbejder efter.',
        'Jobcenter Odder: Videndeling som læringsstrategi i socialt arbejde (læringsmøder om et tema)',
    ),
    'laeringsbesoeg': (
        'Det fælles læringsmøde efter et læringsbesøg, hvor en kollega har fulgt en anden: det ender i tre læringspointer.',
        'Systematiske læringsmøder og læringsbesøg',
    ),
}


def install(apps, schema_editor):
    Format = apps.get_model("meetings", "Format")
    for key, (purpose, source) in PURPOSES.items():
        Format.objects.filter(team=None, key=key).update(purpose=purpose, source=source)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0011_format_purpose_and_meeting_length")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
