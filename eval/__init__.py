"""Evaluation: question sets, metrics, reports."""
