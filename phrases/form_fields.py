"""Form fields that clean text at the boundary (phrases.text_cleaning) before their length and
blank checks, so the pages and the admin accept exactly what the API and the import accept."""
from django import forms

from phrases.text_cleaning import clean_line, clean_text


class CleanLineField(forms.CharField):
    """A single-line text: a title, a topic name."""

    def to_python(self, value):
        value = super().to_python(value)
        return clean_line(value) if value not in self.empty_values else value


class CleanTextField(forms.CharField):
    """A multi-line text: a phrase body, a note to the reviewer, a comment."""

    def to_python(self, value):
        value = super().to_python(value)
        return clean_text(value) if value not in self.empty_values else value
