// Test doubles for DocgenCore live here (StubTransport, TestClock, LoopbackHTTPServer).
