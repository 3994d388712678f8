"""Drawing ``assets/`` from poses written as joint angles (scripts/make_assets.py)."""
