"""On PostgreSQL the database itself refuses to change an audit entry, and to delete one
unless the transaction says it erases by the retention rules (`SET LOCAL
elinvoima.audit_erasure = 'on'`, which only the erasure job — and the tests' clean-up —
does). The model refuses both too, on both databases."""

from django.db import migrations

CREATE = """
CREATE FUNCTION counselling_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('elinvoima.audit_erasure', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'The counselling audit log is only ever added to.';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER counselling_audit_append_only
    BEFORE UPDATE OR DELETE ON counselling_auditentry
    FOR EACH ROW EXECUTE FUNCTION counselling_audit_append_only();
"""
DROP = """
DROP TRIGGER counselling_audit_append_only ON counselling_auditentry;
DROP FUNCTION counselling_audit_append_only();
"""


def _on_postgres(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("counselling", "0001_initial")]

    operations = [migrations.RunPython(_on_postgres(CREATE), _on_postgres(DROP))]
