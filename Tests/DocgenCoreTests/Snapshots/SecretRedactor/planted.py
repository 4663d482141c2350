"""Settings for the inventory service (a fixture with planted secrets: every value below is fake)."""

import os

OPENAI_API_KEY = "[REDACTED:openai-key]"
AWS_ACCESS_KEY_ID = "[REDACTED:aws-access-key]"
aws_secret_access_key = '[REDACTED:assigned-secret]'
GOOGLE_MAPS = "[REDACTED:gcp-api-key]"
GITHUB = "[REDACTED:github-token]"
FINE_GRAINED = "[REDACTED:github-token]"
SLACK_BOT = "[REDACTED:slack-token]"
STORAGE = "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=[REDACTED:azure-key];EndpointSuffix=core.windows.net"
session_signing = "[REDACTED:high-entropy]"
DATABASE_URL = "postgresql://inventory:[REDACTED:connection-password]@db.internal:5432/inventory"
SESSION_JWT = "[REDACTED:jwt]"

SERVER_KEY = """[REDACTED:private-key]




"""


def connect(password="[REDACTED:assigned-secret]", retries=3):
    """Connect with a password.

    Example configuration::

        api_key: [REDACTED:assigned-secret]
    """
    return {"password": password, "token": os.environ.get("TOKEN")}
