"""Schema operations that only apply on PostgreSQL.

The app runs on PostgreSQL in production and on SQLite on a desk PC and in the quick test run.
Some indexes exist only on PostgreSQL (trigram GIN indexes for the searches, pg_trgm): the
model keeps them in Meta.indexes so that the migration state stays complete, and the migration
adds them with `AddIndexOnPostgres`, which changes the state everywhere but touches the schema
only on PostgreSQL.
"""

from __future__ import annotations

from django.db import migrations


class AddIndexOnPostgres(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return super().describe() + " (PostgreSQL only)"
