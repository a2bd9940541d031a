"""What differs on PostgreSQL: schema operations and query shapes.

The app runs on PostgreSQL in production and on SQLite on a desk PC and in the quick test run.
Some indexes exist only on PostgreSQL (trigram GIN indexes for the searches, pg_trgm): the
model keeps them in Meta.indexes so that the migration state stays complete, and the migration
adds them with `AddIndexOnPostgres`, which changes the state everywhere but touches the schema
only on PostgreSQL.

`key_in` writes "this key is among the keys a subquery finds" in the shape PostgreSQL can
answer with an index when it is ORed with other conditions; SQLite gets the plain `IN`.
"""

from __future__ import annotations

from django.db import connections, migrations, models
from django.db.models import F, Lookup, Q


class _EqualsAny(Lookup):
    """`lhs = ANY(rhs)`, rhs an array expression."""

    lookup_name = "equals_any"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = compiler.compile(self.rhs)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


def key_in(field: str, keys: models.QuerySet, using: str) -> Q:
    """`field IN (keys)`, where `keys` is a one-column queryset of primary keys.

    On PostgreSQL it is written `field = ANY(ARRAY(keys))`: the subquery runs once, first,
    and its keys become one index scan that a BitmapOr can combine with the other arms of an
    OR. A plain `IN (subquery)` inside an OR is a filter checked against every row of the
    table (a sequential scan); as separate UNION arms it costs a join and a re-probe per row.
    """
    if connections[using].vendor != "postgresql":
        return Q(**{f"{field}__in": keys})
    from django.contrib.postgres.expressions import ArraySubquery

    return Q(_EqualsAny(F(field), ArraySubquery(keys)))


class AddIndexOnPostgres(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return super().describe() + " (PostgreSQL only)"


def postgres_only(index: models.Index) -> bool:
    """An index SQLite cannot build: a PostgreSQL index type (GIN), or an operator class of
    PostgreSQL's on a column or an expression (`gin_trgm_ops`, `text_pattern_ops`: the
    prefix index of registrasi/migrations/0013 is a plain Index with one)."""
    from django.contrib.postgres.indexes import OpClass, PostgresIndex

    return (
        isinstance(index, PostgresIndex)
        or bool(index.opclasses)
        or any(isinstance(e, OpClass) for e in index.expressions)
    )


class AddFieldBesidePostgresIndexes(migrations.AddField):
    """AddField for a model that has PostgreSQL-only indexes (`AddIndexOnPostgres`).

    SQLite cannot add a column with a default or a NOT NULL in place: Django rebuilds the
    table from the model state, indexes included, and a GIN index with `gin_trgm_ops` is not
    SQL that SQLite understands. There the table is rebuilt without those indexes (they never
    existed on SQLite); PostgreSQL adds the column as usual."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        models_ = [
            state.apps.get_model(app_label, self.model_name) for state in (from_state, to_state)
        ]
        saved = [m._meta.indexes for m in models_]
        for m in models_:
            m._meta.indexes = [i for i in m._meta.indexes if not postgres_only(i)]
        try:
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        finally:
            for m, indexes in zip(models_, saved, strict=True):
                m._meta.indexes = indexes
