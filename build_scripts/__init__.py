"""The fact pipeline: load -> validate -> model -> transform -> render -> site."""
