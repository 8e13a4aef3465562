"""Helpers of scripts/make_torch_refs.py: the cases, their Keras JSON, the cell cross-checks."""
