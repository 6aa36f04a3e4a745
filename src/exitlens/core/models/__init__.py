from exitlens.core.models.audit import AuditEntry
from exitlens.core.models.cases import CaseNote, DisclosureCase
from exitlens.core.models.coding import LearnedModel
from exitlens.core.models.departures import Departure
from exitlens.core.models.interviews import Answer, AnswerChoice, AnswerTheme, Interview
from exitlens.core.models.invitations import Invitation, InvitationLink
from exitlens.core.models.organisation import Department, Manager
from exitlens.core.models.questionnaires import Question, Questionnaire, QuestionnaireVersion
from exitlens.core.models.sealed import SealedResponse
from exitlens.core.models.users import User

__all__ = [
    "Answer",
    "AnswerChoice",
    "AnswerTheme",
    "AuditEntry",
    "CaseNote",
    "Department",
    "Departure",
    "DisclosureCase",
    "Interview",
    "Invitation",
    "InvitationLink",
    "LearnedModel",
    "Manager",
    "Question",
    "Questionnaire",
    "QuestionnaireVersion",
    "SealedResponse",
    "User",
]
