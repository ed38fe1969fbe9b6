"""Phrase keys are lower-case slugs (phrases.validation.validate_key). Validators only: no database change."""

import phrases.validation
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('phrases', '0004_review_workflow'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalphrase',
            name='key',
            field=models.SlugField(max_length=100, validators=[phrases.validation.validate_key]),
        ),
        migrations.AlterField(
            model_name='phrase',
            name='key',
            field=models.SlugField(max_length=100, unique=True, validators=[phrases.validation.validate_key]),
        ),
    ]
