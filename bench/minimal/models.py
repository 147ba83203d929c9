from django.db import models


class Unit(models.Model):
    """The administrative units table of the system being measured, read as it is."""

    level = models.CharField(max_length=10)
    name = models.CharField(max_length=100)
    name_key = models.CharField(max_length=100)

    class Meta:
        managed = False
        db_table = "geo_adminunit"

    def __str__(self) -> str:
        return self.name
