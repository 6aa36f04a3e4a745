"""Query parameters: read through a Django form (unknown ones refused), described in the schema
from that same form, and the limit/offset pagination every list shares."""

from collections.abc import Callable

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.utils.urls import remove_query_param, replace_query_param

from exitlens.api import settings as api_settings


class PageForm(forms.Form):
    limit = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=api_settings.MAX_PAGE_SIZE,
        help_text=f"Items per page, 1 to {api_settings.MAX_PAGE_SIZE} "
        f"(default {api_settings.DEFAULT_PAGE_SIZE}).",
    )
    offset = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=api_settings.MAX_OFFSET,
        help_text="Items to skip (default 0).",
    )


def read_query(request: Request, form_class: type[forms.Form]) -> forms.Form:
    """The form bound to the query parameters and valid, or a 400 naming every unknown or
    invalid parameter."""
    errors: dict[str, list[str]] = {
        name: [_("Unknown query parameter.")]
        for name in request.query_params
        if name not in form_class.base_fields
    }
    form = form_class(request.query_params)
    if not form.is_valid():
        for name, messages in form.errors.items():
            key = "non_field_errors" if name == NON_FIELD_ERRORS else name
            errors[key] = list(messages)
    if errors:
        raise ValidationError(errors)
    return form


def paginate(
    request: Request,
    queryset: QuerySet,
    query: dict,
    serializer_class: type[serializers.Serializer],
    *,
    to_dict: Callable | None = None,
) -> dict:
    """The page of `queryset` that `query` (cleaned by a PageForm) asks for, with links to its
    neighbours. Items go through `to_dict`, if given, and then `serializer_class`."""
    limit = query.get("limit") or api_settings.DEFAULT_PAGE_SIZE
    offset = query.get("offset") or 0
    count = queryset.count()
    items = list(queryset[offset : offset + limit])
    if to_dict is not None:
        items = [to_dict(item) for item in items]
    items = serializer_class(items, many=True).data
    url = request.build_absolute_uri()
    url = replace_query_param(url, "limit", limit)
    following = replace_query_param(url, "offset", offset + limit)
    preceding = (
        remove_query_param(url, "offset")
        if offset - limit <= 0
        else replace_query_param(url, "offset", offset - limit)
    )
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "next": following if offset + limit < count else None,
        "previous": preceding if offset > 0 else None,
        "results": items,
    }


_pages: dict[type, type] = {}


def page_of(item_serializer: type[serializers.Serializer]) -> type[serializers.Serializer]:
    """The serializer of a page of `item_serializer`s, for the schema."""
    if item_serializer not in _pages:
        name = item_serializer.__name__.removesuffix("Serializer") + "PageSerializer"
        _pages[item_serializer] = type(
            name,
            (serializers.Serializer,),
            {
                "__module__": __name__,
                "count": serializers.IntegerField(help_text="Items in all pages."),
                "limit": serializers.IntegerField(),
                "offset": serializers.IntegerField(),
                "next": serializers.URLField(allow_null=True),
                "previous": serializers.URLField(allow_null=True),
                "results": item_serializer(many=True),
            },
        )
    return _pages[item_serializer]


def _parameter_schema(field: forms.Field) -> dict:
    if isinstance(field, forms.ModelChoiceField):
        return {"type": "integer"}
    if isinstance(field, forms.ChoiceField):
        values = [str(value) for value, _label in field.choices if value != ""]
        return {"type": "string", "enum": values}
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, forms.UUIDField):
        return {"type": "string", "format": "uuid"}
    if isinstance(field, forms.IntegerField):
        schema = {"type": "integer"}
        if field.min_value is not None:
            schema["minimum"] = field.min_value
        if field.max_value is not None:
            schema["maximum"] = field.max_value
        return schema
    schema = {"type": "string"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return schema


def form_parameters(form_class: type[forms.Form]) -> list[OpenApiParameter]:
    """The form's fields as documented query parameters."""
    return [
        OpenApiParameter(
            name,
            type=_parameter_schema(field) or OpenApiTypes.STR,
            location=OpenApiParameter.QUERY,
            required=field.required,
            description=str(field.help_text or field.label or ""),
        )
        for name, field in form_class.base_fields.items()
    ]
