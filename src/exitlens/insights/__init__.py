"""Insights: what leavers say, aggregated, for HR and management."""
