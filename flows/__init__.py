"""Orchestration: Prefect flows and tasks that wire `pipeline` functions; no text logic here."""
