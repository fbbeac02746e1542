"""Evaluations the project owns: measures scored against hand-judged gold data."""
