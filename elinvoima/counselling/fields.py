"""A text column stored encrypted (crypto.py): Python sees the text, the database only the
token. Filtering and ordering by it find nothing useful — on purpose: no search, list
filter or ordering can learn anything about a client's notes."""

from django.db import models

from elinvoima.counselling.crypto import decrypt, encrypt


class EncryptedTextField(models.TextField):
    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value
