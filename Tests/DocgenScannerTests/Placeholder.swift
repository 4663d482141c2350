// Tests for this target are added by the issue that implements it.
