from rest_framework import serializers


class DepartmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    parent = serializers.IntegerField(allow_null=True, source="parent_id")


class ManagerSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
