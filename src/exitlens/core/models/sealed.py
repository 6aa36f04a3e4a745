from django.db import models


class SealedResponse(models.Model):
    """A submitted anonymous interview, waiting to be released in a batch.

    Its answers and coarse segments are one encrypted payload (services/sealing.py), with no
    time, no order and no reference to anything: nothing tells one sealed response from another
    or pairs it with a departure. HR sees how many there are, nothing more.
    """

    id = models.UUIDField(primary_key=True, editable=False)
    payload = models.BinaryField()

    def __str__(self) -> str:
        return "sealed response"
