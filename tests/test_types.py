"""The ``Literal`` types are written out for type checkers; they stay equal to the codes."""

from typing import get_args

from jxdigital import codes
from jxdigital.catalog import _models as catalog_models
from jxdigital.observations import _model as observation_model


def test_literal_types_equal_the_codes():
    pairs = [
        (catalog_models.Comparator, codes.COMPARATORS),
        (catalog_models.BaseQualifier, codes.BASE_QUALIFIERS),
        (catalog_models.Measure, codes.TARGET_MEASURES),
        (observation_model.Qualifier, codes.QUALIFIERS),
        (observation_model.SourceType, codes.SOURCE_TYPES),
        (observation_model.Measure, codes.OBSERVATION_MEASURES),
    ]
    for literal, values in pairs:
        assert get_args(literal) == tuple(values)
