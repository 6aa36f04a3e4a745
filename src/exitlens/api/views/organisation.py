"""Departments (both roles: the insights filter by them) and managers (HR tokens)."""

from rest_framework.response import Response

from exitlens.api.models import ApiToken
from exitlens.api.queries import PageForm, page_of, paginate
from exitlens.api.schema import document
from exitlens.api.serializers.organisation import DepartmentSerializer, ManagerSerializer
from exitlens.api.views.base import ApiView
from exitlens.core.models import Department, Manager

TAGS = ["organisation"]


class DepartmentList(ApiView):
    required_role = ApiToken.Role.VIEWER
    query_forms = {"GET": PageForm}

    @document(
        operation_id="departments_list",
        tags=TAGS,
        summary="List the departments",
        responses=page_of(DepartmentSerializer),
    )
    def get(self, request):
        departments = Department.objects.order_by("name", "pk")
        return Response(
            paginate(request, departments, self.query, serializer_class=DepartmentSerializer)
        )


class ManagerList(ApiView):
    query_forms = {"GET": PageForm}

    @document(
        operation_id="managers_list",
        tags=TAGS,
        summary="List the managers",
        responses=page_of(ManagerSerializer),
    )
    def get(self, request):
        managers = Manager.objects.order_by("name", "pk")
        return Response(paginate(request, managers, self.query, serializer_class=ManagerSerializer))
