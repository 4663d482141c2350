"""Settings for the inventory service (a fixture with planted secrets: every value below is fake)."""

import os

OPENAI_API_KEY = "sk-proj-HAZt9xslXTTIQrh6bpy0VAq3GZuO2R8UziJdi0Y4mj4TIJZ9"
AWS_ACCESS_KEY_ID = "AKIANV8HET0F64J06VB1"
aws_secret_access_key = 'VgTg9VaZEoBFUhIiJyqGNSOvQmIQbgSc7I8gzNHj'
GOOGLE_MAPS = "AIza_crZ_YxzGtoBgNOOgu1lNGZ9jkECHuLg_Y_"
GITHUB = "ghp_oJAHOCe9DWnoEu0mxMb9VKKHBd51v9Lk79Jo"
FINE_GRAINED = "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"
SLACK_BOT = "xoxb-608038445589-6608510455152-I1p7F0sChqpeRAtRmExinGYK"
STORAGE = "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=tLk34XtsvO/K0iEvtE2P4qKF/GyVapQ/j3lWFvjLjKR7PttINXPs3nGEBBV3WIkNZAObehT+Z2HM5u1ByAUzDW==;EndpointSuffix=core.windows.net"
session_signing = "eDQmwUGYi8LEVC0Pfip4BXzoRzyFv23SYpu8y7n2"
DATABASE_URL = "postgresql://inventory:s3cr3t-3PEg9@db.internal:5432/inventory"
SESSION_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.x-dH8qzuGsepL4glLHNWHedKjhJLS9BnfVV95Q-UCbo"

SERVER_KEY = """-----BEGIN RSA PRIVATE KEY-----
StWokfYo7sz4gIcnmr8CNMMQc3lXa7nPP6h+l7MptjPetzL1knWh+00HEZqCQDO8
OBmA7A43U3gzpFaHgHU2XfbdPPwTOEI45oqdr6t4aawWWZmJyzsc7Pt8C2UH58lw
nF/FNnHGP5HYb5IuBBneTofyTPDAwub+e601Q7hdlivKWetKxQuRO+D6L1Bv2N7N
hQrPeaMmkUoBlVu/8Or48BC1dEyj0F8JLwR5sPHJi8H5Xbu0RbBh9KpUHUMDeFd/
-----END RSA PRIVATE KEY-----"""


def connect(password="hunter2-lFaEgA", retries=3):
    """Connect with a password.

    Example configuration::

        api_key: hunter2-lFaEgAx9
    """
    return {"password": password, "token": os.environ.get("TOKEN")}
