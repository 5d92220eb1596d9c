"""Property-based tests: arbitrary input never produces anything but a model or a csea error."""
