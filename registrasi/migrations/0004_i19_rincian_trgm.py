# The desk's search by words of the requested information (issue 19, ppid_manual/cari.py): a
# trigram index answers `rincian_informasi ILIKE '%word%'`. PostgreSQL only, like 0003.

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.db import migrations

from ppid_manual.postgres import AddIndexOnPostgres


class Migration(migrations.Migration):
    dependencies = [
        ("registrasi", "0003_trigram_search"),
    ]

    operations = [
        AddIndexOnPostgres(
            model_name="permohonan",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("rincian_informasi"),
                    name="gin_trgm_ops",
                ),
                name="permohonan_rincian_trgm",
            ),
        ),
    ]
