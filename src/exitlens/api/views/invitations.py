"""Invitations to the self-service interview, sent through the same service as the HR page."""

from rest_framework import status
from rest_framework.response import Response

from exitlens.api.errors import Conflict
from exitlens.api.queries import PageForm, page_of, paginate
from exitlens.api.schema import document
from exitlens.api.serializers.interviews import InvitationSendSerializer, InvitationSerializer
from exitlens.api.views.base import ApiView
from exitlens.core.models import Invitation
from exitlens.core.services import invitations
from exitlens.core.services.interviews import InterviewError

TAGS = ["invitations"]


def _invitation(invitation: Invitation) -> dict:
    return {
        "sent_to": invitation.sent_to,
        "sent_at": invitation.sent_at,
        "expires_at": invitation.expires_at,
        "status": Invitation.Status.EXPIRED if invitation.is_expired else invitation.status,
        "reminders_sent": invitation.reminders_sent,
        "last_reminded_at": invitation.last_reminded_at,
    }


class DepartureInvitations(ApiView):
    query_forms = {"GET": PageForm}
    extra_error_statuses = {"POST": ["409"]}

    @document(
        operation_id="invitations_list",
        tags=TAGS,
        summary="List the invitations sent for a departure",
        responses=page_of(InvitationSerializer),
    )
    def get(self, request, code: str):
        departure = self.get_departure(code)
        page = paginate(
            request,
            departure.invitations.order_by("-sent_at", "-pk"),
            self.query,
            to_dict=_invitation,
            serializer_class=InvitationSerializer,
        )
        return Response(page)

    @document(
        operation_id="invitations_send",
        tags=TAGS,
        summary="E-mail the leaver a personal link to the interview",
        description=(
            "An open invitation gets a fresh link and a new e-mail. 409 when the interview is "
            "completed, led by an interviewer who has begun, the promise would get weaker after "
            "the leaver began, there is no e-mail address, or the e-mail could not be sent."
        ),
        request=InvitationSendSerializer,
        responses={201: InvitationSerializer},
    )
    def post(self, request, code: str):
        departure = self.get_departure(code)
        body = InvitationSendSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            invitation = invitations.send_invitation(
                departure,
                by=request.user,
                confidentiality=body.validated_data.get("confidentiality"),
                request=request,
            )
        except InterviewError as error:
            raise Conflict(str(error)) from None
        return Response(
            InvitationSerializer(_invitation(invitation)).data, status=status.HTTP_201_CREATED
        )
