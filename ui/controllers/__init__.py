"""The window's controllers: each receives the visit (assistant.visit) and the pages and widgets it
needs, never the window. Layers (pyproject's import-linter): drafts | export → flow | voice →
preferences → screens."""
