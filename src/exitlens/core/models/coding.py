from django.conf import settings
from django.db import models


class LearnedModel(models.Model):
    """A theme model learned from HR's reviewed answers (services/coding.learn).

    It lives in the database, not in one server's data folder, so every app server and worker
    codes with the same model: the newest row is the one in use, older ones are pruned.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_answers = models.PositiveIntegerField(null=True, blank=True)  # unknown if moved
    fingerprint = models.CharField(max_length=64)
    weights = models.BinaryField()  # ThemeModel.to_bytes(): a NumPy .npz archive

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"learned theme model {self.pk}"
