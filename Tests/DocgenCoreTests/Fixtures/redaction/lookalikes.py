"""Look-alikes that must stay: digests, UUIDs, commit ids, images, type hints, placeholders."""

LOCK_HASH = "sha256:9860bd388c64915e93521667b9f02de53afc0de60308a656c386684b4922f9dd"
PACKAGE_INTEGRITY = "sha512-7/JVljPlg7PxPz1MRfRj+/D4TCoxmmajilY5RMYEMVeHx1ut4t35S3dfZodnRqDkKTcJnkOSkWhYPClTjcv2ew=="
REQUEST_ID = "3f2c8a4e-9b1d-4c6f-a2e7-5d8b0c1f9e34"
COMMIT = "1756633da1744b806bd28a2dbb76a4fd115d112a"
PIXEL = "iVBORw0KGgoSwG3SCGSm8bpY3NWd0DjA9ujmmqThQ0XrgUmR7ojQDwFB86HPXQOzlbs5jdIhrHIJ7NdQzhadxJheCDM="
CHECKSUMS = {"wheel": "d5bb810df50a74251df71a2700042a6a01f454d21a7a68f667e44defc33c5893"}
MODULE_PATH = "inventory/storage/backends/sqlite_backend_v2.py"
DEFAULT_PASSWORD = "<your password here>"
API_KEY = os.environ["API_KEY"]
token_url = "https://auth.example.com/oauth/token"
max_tokens = 2048


def login(user: str, password: str, token: Optional[str] = None) -> bool:
    """Log in; the password is never stored."""
    return check(user, password)
